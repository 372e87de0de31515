// Which modules a CLI run loads: the CLI runs in a child process with an ESM loader hook
// (registered through --import) that appends every module URL it loads to a file.
// CommonJS packages show up by their entry file, which is all the callers need.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

const HOOKS = `import { appendFileSync } from 'node:fs';
let log;
export function initialize(data) { log = data.log; }
export async function load(url, context, next) { appendFileSync(log, url + '\\n'); return next(url, context); }`;

const REGISTER = `import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(HOOKS)}), { data: { log: process.env.BANKPACK_LOAD_LOG } });`;

export interface LoadedRun {
  code: number;
  stdout: string;
  /** The URL of every module loaded, in load order. */
  loaded: string[];
}

/** Runs `node <entry> ...args` in `cwd` and records what it loaded. */
export async function runRecordingLoads(entry: string, args: string[], cwd: string): Promise<LoadedRun> {
  const dir = await mkdtemp(join(tmpdir(), 'bankpack-loads-'));
  const log = join(dir, 'loaded.txt');
  const env = { ...process.env, NO_COLOR: '1', BANKPACK_LOAD_LOG: log };
  const argv = ['--import', `data:text/javascript,${encodeURIComponent(REGISTER)}`, entry, ...args];
  try {
    let code = 0;
    let stdout = '';
    try {
      stdout = (await exec(process.execPath, argv, { cwd, env })).stdout;
    } catch (e) {
      const x = e as { code?: number; stdout?: string };
      if (typeof x.code !== 'number') throw e;
      code = x.code;
      stdout = x.stdout ?? '';
    }
    return { code, stdout, loaded: (await readFile(log, 'utf8')).split('\n').filter(Boolean) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
