import type { Command } from 'commander';
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { addConnectionOptions, connect, CONNECTION_HELP, err, reportError, type ConnectionCliOptions } from '../../deploy/cli-support.ts';
import { pullFiles } from '../../deploy/pull.ts';
import { readCustomApplicationId, readObjects, readTranslations, readViews } from '../../deploy/read-actual.ts';
import { readRoles } from '../../deploy/index.ts';
import { checkServer, unsupportedServerError } from '../../twenty/compat.ts';
import type { Done } from './index.ts';

interface PullCliOptions extends ConnectionCliOptions {
  out?: string;
  overwrite?: boolean;
}

export function registerPull(program: Command, done: Done): void {
  const cmd = program
    .command('pull')
    .description("Write the workspace's custom objects, fields, views and roles as pack YAML, to bring what was built in Twenty's UI under the pack.");
  addConnectionOptions(cmd)
    .option('--out <dir>', 'where to write (default: the pack folder, --dir)')
    .option('--overwrite', 'replace files that already exist (default: keep them)')
    .addHelpText('after', `
Writes objects/<name>.object.yaml, fields/<object>-<field>.field.yaml (custom fields of
standard objects), views/<object>-<id>.view.yaml (their views), roles/<label>-<id>.role.yaml
(roles made in the workspace; not Twenty's Admin nor its default Member role), and
pack.yaml when the folder has none. A pulled view or role keeps its workspace id as
universalIdentifier.
A pull followed by \`bankpack plan --dir <out>\` shows no changes.

Examples:
  $ bankpack pull --profile staging --out ./pulled
  $ bankpack pull --url http://127.0.0.1:3000 --overwrite
${CONNECTION_HELP}

Exit codes: 0 written, 1 failed.`)
    .action(async (opts: PullCliOptions) => done(await runPull(opts)));
}

async function runPull(opts: PullCliOptions): Promise<number> {
  const conn = await connect(opts);
  if (!conn) return 1;
  const out = resolve(opts.out ?? opts.dir);
  const manifest = await readManifest(join(resolve(opts.dir), 'pack.yaml'));
  const defaultLocale = manifest?.defaultLocale ?? 'en';
  const locales = manifest?.locales ?? [defaultLocale];
  try {
    const caps = await checkServer(conn.client);
    if (!caps.ok) throw unsupportedServerError(caps, conn.client.url);
    const [objects, views, customApplicationId, roles] = await Promise.all([readObjects(conn.client), readViews(conn.client), readCustomApplicationId(conn.client), readRoles(conn.client)]);
    await Promise.all(locales.filter((l) => l !== defaultLocale).map((l) => readTranslations(conn.client, objects, l)));
    const hasManifest = await exists(join(out, 'pack.yaml'));
    const files = pullFiles(
      { objects, views, records: {}, locales },
      { customApplicationId: customApplicationId ?? '', defaultLocale, roles, ...(hasManifest ? {} : { manifest: { name: manifest?.name ?? basename(out), locales } }) },
    );
    let written = 0;
    let kept = 0;
    for (const f of files) {
      const path = join(out, f.path);
      if (!opts.overwrite && (await exists(path))) {
        kept++;
        continue;
      }
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, f.text);
      written++;
      process.stdout.write(`wrote ${f.path}\n`);
    }
    err(`Pulled ${files.length} file(s) from ${conn.client.url} into ${out}: ${written} written${kept > 0 ? `, ${kept} kept as they were (--overwrite replaces them)` : ''}.`);
    return 0;
  } catch (e) {
    reportError(e);
    return 1;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

async function readManifest(path: string): Promise<{ name?: string; defaultLocale?: string; locales?: string[] } | undefined> {
  try {
    const data = parse(await readFile(path, 'utf8')) as Record<string, unknown> | null;
    if (!data || typeof data !== 'object') return undefined;
    return {
      ...(typeof data.name === 'string' ? { name: data.name } : {}),
      ...(typeof data.defaultLocale === 'string' ? { defaultLocale: data.defaultLocale } : {}),
      ...(Array.isArray(data.locales) ? { locales: data.locales.map(String) } : {}),
    };
  } catch {
    return undefined;
  }
}
