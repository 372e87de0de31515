import { describe, expect, it } from 'vitest';
import { formatConfigProblem, parseProfiles, resolveConnection, type ConnectionFlags } from '../../src/config/index.ts';

const PACK = '/pack';
const HOME = '/home/admin';

function context(
  flags: ConnectionFlags,
  env: Record<string, string>,
  files: Record<string, string> = {},
  modes: Record<string, number> = {},
) {
  return {
    flags,
    env,
    packDir: PACK,
    homeDir: HOME,
    readText: async (path: string) => {
      const text = files[path];
      if (text === undefined) throw new Error('ENOENT');
      return text;
    },
    fileMode: async (path: string) => modes[path] ?? 0o100600,
  };
}

const PROFILES = `profiles:
  staging:
    url: https://staging.crm.bank.example/
    apiKeyEnv: TWENTY_STAGING_KEY
  production:
    url: https://crm.bank.example
    apiKeyFile: keys/production.key
    rateLimit: 60
  sandbox:
    url: http://localhost:3000
    apiKeyEnv: SANDBOX_KEY
    rateLimit: 0
`;

describe('resolveConnection', () => {
  it('takes the URL and key from TWENTY_URL and TWENTY_API_KEY, with default pacing', async () => {
    const r = await resolveConnection(context({}, { TWENTY_URL: 'https://crm.example.com/graphql', TWENTY_API_KEY: ' k1 \n' }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.connection).toMatchObject({
      url: 'https://crm.example.com',
      apiKey: 'k1',
      keySource: 'TWENTY_API_KEY',
      pacing: { perMinute: 90 },
    });
  });

  it('prefers --url and --api-key-file over the environment', async () => {
    const r = await resolveConnection(
      context(
        { url: 'https://other.example.com', apiKeyFile: '~/k.txt' },
        { TWENTY_URL: 'https://crm.example.com', TWENTY_API_KEY: 'env' },
        { [`${HOME}/k.txt`]: 'from-file\n' },
      ),
    );
    expect(r.ok && r.connection).toMatchObject({ url: 'https://other.example.com', apiKey: 'from-file', keySource: 'file ~/k.txt' });
  });

  it('reads a named profile from the pack folder: URL, the key file relative to it, its rate limit', async () => {
    const r = await resolveConnection(
      context({ profile: 'production' }, {}, { [`${PACK}/bankpack.config.yaml`]: PROFILES, [`${PACK}/keys/production.key`]: 'prod-key' }),
    );
    expect(r.ok && r.connection).toMatchObject({
      url: 'https://crm.bank.example',
      apiKey: 'prod-key',
      profile: 'production',
      pacing: { perMinute: 60 },
    });
  });

  it('falls back to ~/.config/bankpack/profiles.yaml and reads the key from the variable the profile names', async () => {
    const r = await resolveConnection(
      context({ profile: 'staging' }, { TWENTY_STAGING_KEY: 'st' }, { [`${HOME}/.config/bankpack/profiles.yaml`]: PROFILES }),
    );
    expect(r.ok && r.connection).toMatchObject({ url: 'https://staging.crm.bank.example', apiKey: 'st', keySource: 'TWENTY_STAGING_KEY' });
  });

  it('turns pacing off when the profile says rateLimit: 0', async () => {
    const r = await resolveConnection(
      context({ profile: 'sandbox' }, { SANDBOX_KEY: 's' }, { [`${PACK}/bankpack.config.yaml`]: PROFILES }),
    );
    expect(r.ok && r.connection.pacing.perMinute).toBe(0);
  });

  it('lists the known profiles when the name is wrong', async () => {
    const r = await resolveConnection(context({ profile: 'prod' }, {}, { [`${PACK}/bankpack.config.yaml`]: PROFILES }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map(formatConfigProblem)).toEqual(['no profile named "prod"  (known profiles: staging, production, sandbox)']);
  });

  it('says what is missing, and how to give it, when nothing is configured', async () => {
    const r = await resolveConnection(context({}, {}));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.message)).toEqual(['no Twenty URL', 'no API key']);
    expect(r.problems[1]!.hint).toMatch(/TWENTY_API_KEY.*--api-key-file/);
  });

  it('refuses a URL that carries credentials or is not http(s)', async () => {
    const bad = await resolveConnection(context({ url: 'https://user:pw@crm.example.com' }, { TWENTY_API_KEY: 'k' }));
    expect(!bad.ok && bad.problems[0]!.message).toMatch(/must not carry credentials/);
    const ftp = await resolveConnection(context({ url: 'ftp://crm.example.com' }, { TWENTY_API_KEY: 'k' }));
    expect(!ftp.ok && ftp.problems[0]!.message).toMatch(/https:\/\//);
  });

  it('warns when the key file can be read by others', async () => {
    const r = await resolveConnection(context({ url: 'https://crm.example.com', apiKeyFile: '/k' }, {}, { '/k': 'x' }, { '/k': 0o100644 }));
    expect(r.ok && r.warnings.map(formatConfigProblem)).toEqual([
      'warning: the API key file /k can be read by other users  (chmod 600 /k)',
    ]);
  });
});

describe('parseProfiles', () => {
  it('refuses a profile that holds the key itself, pointing at the line', () => {
    const { profiles, problems } = parseProfiles(
      'profiles:\n  prod:\n    url: https://x.example\n    apiKey: tw_live_123\n',
      'bankpack.config.yaml',
    );
    expect(profiles).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(formatConfigProblem(problems[0]!)).toMatch(
      /^bankpack\.config\.yaml:4:5 {2}profile prod holds a key: a profile says where the key comes from, never the key itself/,
    );
    expect(formatConfigProblem(problems[0]!)).not.toContain('tw_live_123');
  });

  it('names an unknown setting and the accepted ones', () => {
    const { problems } = parseProfiles('profiles:\n  prod:\n    uri: https://x.example\n', 'p.yaml');
    expect(formatConfigProblem(problems[0]!)).toBe(
      'p.yaml:3:5  unknown setting `uri` in profile prod  (use url, apiKeyEnv, apiKeyFile, rateLimit, concurrency)',
    );
  });
});
