// Where emails go and as whom: SMTP host, port, TLS mode, user and sender, from the
// environment or a named `smtp:` profile in bankpack.config.yaml (the environment
// wins). The password comes from an environment variable or a file, never from the
// profile itself, and is never printed. The settings are the letters' mailer's
// (src/letters: SmtpSettings); reading them from files and the environment is config's.
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { SmtpSettings, TlsMode } from '../letters/index.ts';
import { parseYaml } from '../pack/index.ts';
import type { ConfigProblem } from './problem.ts';
import { PACK_CONFIG_FILE } from './profiles.ts';

const PROFILE_KEYS = new Set([
  'host',
  'port',
  'tls',
  'user',
  'passwordEnv',
  'passwordFile',
  'from',
  'replyTo',
  'caFile',
  'unsubscribeUrl',
  'unsubscribeMailto',
]);
const SECRET_KEY = /^(password|pass|secret|token)$/i;

export interface SmtpContext {
  env: NodeJS.ProcessEnv;
  packDir: string;
  /** `--smtp NAME`; without it the profile named `default`, if there is one. */
  profile?: string;
  readText?: (path: string) => Promise<string>;
  homeDir?: string;
}

export type SmtpResult = { ok: true; settings: SmtpSettings } | { ok: false; problems: ConfigProblem[] };

export async function resolveSmtp(ctx: SmtpContext): Promise<SmtpResult> {
  const read = ctx.readText ?? ((p: string) => readFile(p, 'utf8'));
  const problems: ConfigProblem[] = [];
  const profile = await readProfile(ctx, read, problems);
  if (problems.length > 0) return { ok: false, problems };
  const env = (name: string): string | undefined => (ctx.env[name] && ctx.env[name] !== '' ? ctx.env[name] : undefined);
  const pick = (envName: string, key: string): string | undefined =>
    env(envName) ?? (typeof profile[key] === 'string' || typeof profile[key] === 'number' ? String(profile[key]) : undefined);

  const host = pick('SMTP_HOST', 'host');
  if (!host)
    problems.push({
      message: 'no SMTP server',
      hint: 'set SMTP_HOST (and SMTP_PORT, SMTP_TLS, SMTP_USER, SMTP_FROM), or an `smtp:` profile in bankpack.config.yaml',
    });
  const tlsText = (pick('SMTP_TLS', 'tls') ?? 'starttls').toLowerCase();
  if (!['implicit', 'starttls', 'none'].includes(tlsText))
    problems.push({ message: `SMTP_TLS must be implicit, starttls or none, not "${tlsText}"` });
  const tls = tlsText as TlsMode;
  const portText = pick('SMTP_PORT', 'port') ?? (tls === 'implicit' ? '465' : '587');
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65535) problems.push({ message: `SMTP_PORT must be a port number, not "${portText}"` });
  const from = pick('SMTP_FROM', 'from');
  if (!from) problems.push({ message: 'no sender address', hint: 'set SMTP_FROM, e.g. "鸿远商业银行 <marketing@bank.example>"' });
  const user = pick('SMTP_USER', 'user');

  let password: string | undefined;
  let passwordSource: string | undefined;
  const passwordEnv = typeof profile.passwordEnv === 'string' ? profile.passwordEnv : 'SMTP_PASSWORD';
  const passwordFile = env('SMTP_PASSWORD_FILE') ?? (typeof profile.passwordFile === 'string' ? profile.passwordFile : undefined);
  if (env(passwordEnv)) {
    password = env(passwordEnv);
    passwordSource = passwordEnv;
  } else if (passwordFile) {
    const path = passwordFile.replace(/^~(?=\/|$)/, ctx.homeDir ?? homedir());
    try {
      password = (await read(path)).replace(/\r?\n$/, '');
      passwordSource = `file ${passwordFile}`;
    } catch {
      problems.push({ message: `cannot read the SMTP password file ${passwordFile}`, hint: 'check the path and its permissions' });
    }
  }
  if (user && password === undefined && problems.length === 0) {
    problems.push({
      message: `SMTP user ${user} has no password`,
      hint: `set ${passwordEnv} or SMTP_PASSWORD_FILE (a file holding only the password)`,
    });
  }
  if (problems.length > 0 || !host || !from) return { ok: false, problems };
  const optional = (envName: string, key: string): Record<string, string> => {
    const v = pick(envName, key);
    return v ? { [key]: v } : {};
  };
  return {
    ok: true,
    settings: {
      host,
      port,
      tls,
      from,
      ...(user ? { user } : {}),
      ...(password !== undefined ? { password, passwordSource: passwordSource ?? '' } : {}),
      ...optional('SMTP_REPLY_TO', 'replyTo'),
      ...optional('SMTP_CA_FILE', 'caFile'),
      ...optional('BANKPACK_UNSUBSCRIBE_URL', 'unsubscribeUrl'),
      ...optional('BANKPACK_UNSUBSCRIBE_MAILTO', 'unsubscribeMailto'),
    },
  };
}

async function readProfile(
  ctx: SmtpContext,
  read: (p: string) => Promise<string>,
  problems: ConfigProblem[],
): Promise<Record<string, unknown>> {
  const file = join(ctx.packDir, PACK_CONFIG_FILE);
  let text: string;
  try {
    text = await read(file);
  } catch {
    if (ctx.profile)
      problems.push({
        message: `no SMTP profile "${ctx.profile}": ${PACK_CONFIG_FILE} is missing`,
        hint: 'add `smtp: { NAME: { host: …, from: … } }` to it',
      });
    return {};
  }
  const { source, errors } = parseYaml(text);
  if (!source) {
    for (const e of errors) problems.push({ file, line: e.line, col: e.col, message: `YAML: ${e.message}` });
    return {};
  }
  const root = source.data as Record<string, unknown> | null;
  const all = root && typeof root === 'object' && root.smtp && typeof root.smtp === 'object' ? (root.smtp as Record<string, unknown>) : {};
  const name = ctx.profile ?? 'default';
  const raw = all[name];
  if (raw === undefined) {
    if (ctx.profile)
      problems.push({
        file,
        message: `no SMTP profile "${name}"`,
        hint: Object.keys(all).length > 0 ? `known: ${Object.keys(all).join(', ')}` : 'add it under `smtp:`',
      });
    return {};
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push({
      file,
      ...source.locate(['smtp', name]),
      message: `SMTP profile ${name} must be a mapping (host, port, tls, user, from, …)`,
    });
    return {};
  }
  for (const key of Object.keys(raw)) {
    const at = { file, ...source.locate(['smtp', name, key], true) };
    if (SECRET_KEY.test(key))
      problems.push({
        ...at,
        message: `SMTP profile ${name} holds a password: a profile says where it is, never the password itself`,
        hint: 'use passwordEnv: VARIABLE or passwordFile: PATH, and change the password if this file was shared',
      });
    else if (!PROFILE_KEYS.has(key))
      problems.push({ ...at, message: `unknown setting \`${key}\` in SMTP profile ${name}`, hint: `use ${[...PROFILE_KEYS].join(', ')}` });
  }
  return raw as Record<string, unknown>;
}

/** The settings as they may be shown: never the password. */
export function describeSmtp(s: SmtpSettings): string {
  return `${s.host}:${s.port} (${s.tls === 'none' ? 'no TLS' : s.tls === 'implicit' ? 'TLS' : 'STARTTLS'})${s.user ? `, user ${s.user}, password from ${s.passwordSource}` : ''}, from ${s.from}`;
}
