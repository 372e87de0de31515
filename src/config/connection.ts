// Where the workspace is and how to authenticate: from the command line, the
// environment and a named profile, in that order of precedence. The key is read
// here and handed to the client; it is never printed, logged or written anywhere.
import { readFile, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { DEFAULT_PACING, type PacingOptions } from '../twenty/index.ts';
import type { ConfigProblem } from './problem.ts';
import { findProfile, profileFiles } from './profiles.ts';

export interface ConnectionFlags {
  url?: string;
  apiKeyFile?: string;
  profile?: string;
  /** Requests per minute; 0 turns pacing off. */
  rateLimit?: number;
  concurrency?: number;
}

export interface Connection {
  url: string;
  apiKey: string;
  /** Where the key came from, for messages: `TWENTY_API_KEY`, `file ~/.config/…`. Never the key. */
  keySource: string;
  profile?: string;
  pacing: PacingOptions;
  concurrency?: number;
}

export type ConnectionResult = { ok: true; connection: Connection; warnings: ConfigProblem[] } | { ok: false; problems: ConfigProblem[] };

export interface ConnectionContext {
  flags: ConnectionFlags;
  env: NodeJS.ProcessEnv;
  packDir: string;
  homeDir?: string;
  readText?: (path: string) => Promise<string>;
  /** File mode bits, to warn about a key file others can read. */
  fileMode?: (path: string) => Promise<number | undefined>;
}

export async function resolveConnection(ctx: ConnectionContext): Promise<ConnectionResult> {
  const home = ctx.homeDir ?? homedir();
  const read = ctx.readText ?? ((p: string) => readFile(p, 'utf8'));
  const problems: ConfigProblem[] = [];
  const warnings: ConfigProblem[] = [];

  let profile: Awaited<ReturnType<typeof findProfile>>['profile'];
  if (ctx.flags.profile) {
    const found = await findProfile(ctx.flags.profile, profileFiles(ctx.packDir, ctx.env, home), read);
    if (!found.profile) return { ok: false, problems: found.problems };
    profile = found.profile;
  }

  const rawUrl = ctx.flags.url ?? profile?.url ?? ctx.env.TWENTY_URL;
  const url = rawUrl ? checkUrl(rawUrl, problems) : undefined;
  if (!rawUrl) {
    problems.push({
      message: 'no Twenty URL',
      hint: 'pass --url https://crm.example.com, set TWENTY_URL, or use --profile NAME',
    });
  }

  const key = await readKey(ctx, profile, home, read, problems, warnings);
  if (!url || key === undefined || problems.length > 0) return { ok: false, problems };

  const rateLimit = ctx.flags.rateLimit ?? profile?.rateLimit;
  const concurrency = ctx.flags.concurrency ?? profile?.concurrency;
  return {
    ok: true,
    warnings,
    connection: {
      url,
      apiKey: key.value,
      keySource: key.source,
      ...(profile ? { profile: profile.name } : {}),
      pacing:
        rateLimit === undefined
          ? DEFAULT_PACING
          : { perMinute: rateLimit, burst: Math.max(1, Math.min(DEFAULT_PACING.burst, Math.floor(rateLimit / 6) || 1)) },
      ...(concurrency !== undefined ? { concurrency } : {}),
    },
  };
}

function checkUrl(raw: string, problems: ConfigProblem[]): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    problems.push({ message: `"${raw}" is not a URL`, hint: 'e.g. --url https://crm.example.com' });
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    problems.push({ message: `the Twenty URL must start with https:// (or http:// for a local server), not ${parsed.protocol}` });
    return undefined;
  }
  if (parsed.username || parsed.password) {
    problems.push({
      message: 'the Twenty URL must not carry credentials',
      hint: 'give the API key through TWENTY_API_KEY or --api-key-file',
    });
    return undefined;
  }
  // The client adds /metadata and /graphql itself; accept a URL that already ends in one.
  const path = parsed.pathname.replace(/\/+$/, '').replace(/\/(graphql|metadata)$/, '');
  return `${parsed.origin}${path}`;
}

async function readKey(
  ctx: ConnectionContext,
  profile: { apiKeyEnv?: string; apiKeyFile?: string; file: string; name: string } | undefined,
  home: string,
  read: (path: string) => Promise<string>,
  problems: ConfigProblem[],
  warnings: ConfigProblem[],
): Promise<{ value: string; source: string } | undefined> {
  const fromFile = async (path: string, origin: string, baseDir?: string): Promise<{ value: string; source: string } | undefined> => {
    const full = expandHome(path, home, baseDir);
    let text: string;
    try {
      text = await read(full);
    } catch {
      problems.push({ message: `cannot read the API key file ${path} (${origin})`, hint: 'check the path and its permissions' });
      return undefined;
    }
    const value = text.trim();
    if (value === '') {
      problems.push({ message: `the API key file ${path} is empty` });
      return undefined;
    }
    const mode = await (ctx.fileMode ?? fileMode)(full);
    if (mode !== undefined && (mode & 0o077) !== 0) {
      warnings.push({ severity: 'warning', message: `the API key file ${path} can be read by other users`, hint: `chmod 600 ${path}` });
    }
    return { value, source: `file ${path}` };
  };

  if (ctx.flags.apiKeyFile) return fromFile(ctx.flags.apiKeyFile, '--api-key-file');
  if (profile?.apiKeyFile) return fromFile(profile.apiKeyFile, `profile ${profile.name}`, dirname(profile.file));
  const envName = profile?.apiKeyEnv ?? 'TWENTY_API_KEY';
  const value = ctx.env[envName]?.trim();
  if (value) return { value, source: envName };
  problems.push({
    message: profile?.apiKeyEnv ? `the environment variable ${envName} (named by profile ${profile.name}) is not set` : 'no API key',
    hint: 'set TWENTY_API_KEY, pass --api-key-file PATH, or use a profile with apiKeyEnv / apiKeyFile (Settings → APIs & Webhooks creates a key)',
  });
  return undefined;
}

/** `~/x` is in the home folder; a relative path in a profile is relative to its file. */
function expandHome(path: string, home: string, baseDir?: string): string {
  if (path === '~') return home;
  if (path.startsWith('~/')) return join(home, path.slice(2));
  if (isAbsolute(path)) return path;
  return baseDir ? resolve(baseDir, path) : resolve(path);
}

async function fileMode(path: string): Promise<number | undefined> {
  if (process.platform === 'win32') return undefined;
  try {
    return (await stat(path)).mode;
  } catch {
    return undefined;
  }
}
