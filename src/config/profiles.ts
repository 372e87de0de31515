// Named connection profiles (`--profile production`), read from the pack folder's
// bankpack.config.yaml or the user's ~/.config/bankpack/profiles.yaml. A profile
// says where the workspace is and where its key comes from, never the key itself.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseYaml } from '../pack/index.ts';
import type { ConfigProblem } from './problem.ts';

export const PACK_CONFIG_FILE = 'bankpack.config.yaml';

export interface Profile {
  name: string;
  url?: string;
  /** Name of the environment variable that holds the key. */
  apiKeyEnv?: string;
  /** Path of a file that holds the key (`~` is the home folder). */
  apiKeyFile?: string;
  /** Requests per minute; 0 turns pacing off (a local sandbox). */
  rateLimit?: number;
  concurrency?: number;
  /** Where the profile was read, for messages. */
  file: string;
}

const KNOWN = new Set(['url', 'apiKeyEnv', 'apiKeyFile', 'rateLimit', 'concurrency']);
const LOOKS_LIKE_A_SECRET = /^(api[-_]?key|key|token|secret|password)$/i;

/** The files searched, most specific first. */
export function profileFiles(packDir: string, env: NodeJS.ProcessEnv, homeDir: string): string[] {
  const configHome = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME !== '' ? env.XDG_CONFIG_HOME : join(homeDir, '.config');
  return [join(packDir, PACK_CONFIG_FILE), join(configHome, 'bankpack', 'profiles.yaml')];
}

/** Parse one profiles file. Pure apart from nothing: text in, profiles and problems out. */
export function parseProfiles(text: string, file: string): { profiles: Profile[]; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const { source, errors } = parseYaml(text);
  if (!source) return { profiles: [], problems: errors.map((e) => ({ file, line: e.line, col: e.col, message: `YAML: ${e.message}` })) };
  const at = (path: Array<string | number>, message: string, hint?: string, atKey = false): void => {
    const profile = path[0] === 'profiles' && typeof path[1] === 'string' ? { profile: path[1] } : {};
    problems.push({ file, ...source.locate(path, atKey), message, ...(hint ? { hint } : {}), ...profile });
  };
  const root = source.data;
  if (root === null || root === undefined) return { profiles: [], problems };
  if (typeof root !== 'object' || Array.isArray(root) || !('profiles' in root)) {
    at([], 'expected a `profiles:` mapping', 'see `bankpack deploy --help` for the format');
    return { profiles: [], problems };
  }
  const map = (root as { profiles: unknown }).profiles;
  if (map === null || typeof map !== 'object' || Array.isArray(map)) {
    at(['profiles'], '`profiles` must map a profile name to its settings');
    return { profiles: [], problems };
  }
  const profiles: Profile[] = [];
  for (const [name, raw] of Object.entries(map as Record<string, unknown>)) {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      at(['profiles', name], `profile ${name} must be a mapping (url, apiKeyEnv or apiKeyFile, …)`);
      continue;
    }
    const p: Profile = { name, file };
    let ok = true;
    for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
      const path = ['profiles', name, key];
      if (LOOKS_LIKE_A_SECRET.test(key)) {
        at(
          path,
          `profile ${name} holds a key: a profile says where the key comes from, never the key itself`,
          'put the key in a file (apiKeyFile: PATH) or an environment variable (apiKeyEnv: NAME), and rotate it if this file was shared',
          true,
        );
        ok = false;
      } else if (!KNOWN.has(key)) {
        at(path, `unknown setting \`${key}\` in profile ${name}`, `use ${[...KNOWN].join(', ')}`, true);
        ok = false;
      } else if ((key === 'rateLimit' || key === 'concurrency') && (typeof value !== 'number' || value < 0 || !Number.isFinite(value))) {
        at(path, `\`${key}\` must be a number ≥ 0`);
        ok = false;
      } else if ((key === 'url' || key === 'apiKeyEnv' || key === 'apiKeyFile') && (typeof value !== 'string' || value.trim() === '')) {
        at(path, `\`${key}\` must be a non-empty string`);
        ok = false;
      } else {
        (p as unknown as Record<string, unknown>)[key] = value;
      }
    }
    if (p.apiKeyEnv && p.apiKeyFile) {
      at(['profiles', name], `profile ${name} names both apiKeyEnv and apiKeyFile`, 'keep one');
      ok = false;
    }
    if (ok) profiles.push(p);
  }
  return { profiles, problems };
}

/** Find a profile by name; the first file that defines it wins. */
export async function findProfile(
  name: string,
  files: readonly string[],
  read: (path: string) => Promise<string> = (p) => readFile(p, 'utf8'),
): Promise<{ profile?: Profile; problems: ConfigProblem[] }> {
  const known: string[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await read(file);
    } catch {
      continue;
    }
    const { profiles, problems } = parseProfiles(text, file);
    const broken = problems.filter((p) => p.profile === undefined || p.profile === name);
    if (broken.length > 0) return { problems: broken };
    const found = profiles.find((p) => p.name === name);
    if (found) return { profile: found, problems: [] };
    known.push(...profiles.map((p) => p.name));
  }
  return {
    problems: [
      {
        message: `no profile named "${name}"`,
        hint:
          known.length > 0 ? `known profiles: ${[...new Set(known)].join(', ')}` : `define it under \`profiles:\` in ${files.join(' or ')}`,
      },
    ],
  };
}
