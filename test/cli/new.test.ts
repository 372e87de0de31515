// `bankpack new`: the file lands where `twenty pull` would put it, carries fresh UUIDs
// and the $schema line, passes `bankpack validate`, and never replaces an existing file.
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { validatePack } from '../../src/validate/index.ts';
import { formatProblem } from '../../src/pack/problems.ts';
import { bareManifest } from '../support/bare-manifest.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const UUID_V4 = /[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/g;

let out = '';
let err = '';
beforeEach(() => {
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
});
afterEach(() => vi.restoreAllMocks());

async function emptyPack(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bankpack-new-'));
  await writeFile(join(dir, 'pack.yaml'), await bareManifest());
  return dir;
}

async function problemsOf(dir: string): Promise<string[]> {
  return (await validatePack(dir)).problems.map(formatProblem);
}

describe('bankpack new', () => {
  it('writes each kind of file where Twenty names it, and the pack still validates', async () => {
    const dir = await emptyPack();
    const runs: Array<[string[], string]> = [
      [['object', 'clientTier'], 'objects/client-tier.object.yaml'],
      [['field', 'riskLevel', '--object', 'company', '--type', 'SELECT'], 'fields/company-risk-level.field.yaml'],
      [['field', 'score', '--object', 'clientTier', '--type', 'number'], 'fields/client-tier-score.field.yaml'],
      [['view', 'tiers by level', '--object', 'clientTier'], 'views/tiers-by-level.view.yaml'],
      [['workflow', 'new-lead-task'], 'workflows/new-lead-task.workflow.yaml'],
      [['template', 'tier-upgrade-notice', '--object', 'company'], 'templates/letters/tier-upgrade-notice.hbs'],
    ];
    for (const [args, path] of runs) {
      expect(await main(['new', ...args, '--dir', dir]), `${args.join(' ')}: ${err}`).toBe(0);
      expect(out).toContain(`created ${path}`);
      expect(existsSync(join(dir, path)), path).toBe(true);
    }
    expect(await problemsOf(dir)).toEqual([]);

    const field = await readFile(join(dir, 'fields/client-tier-score.field.yaml'), 'utf8');
    expect(field).toContain('objectUniversalIdentifier: clientTier'); // a pack object, by name
    expect(field).toContain('type: NUMBER');
    expect(await readFile(join(dir, 'fields/company-risk-level.field.yaml'), 'utf8')).toContain(
      'objectUniversalIdentifier: standard:company',
    );
    expect(await readFile(join(dir, 'views/tiers-by-level.view.yaml'), 'utf8')).toContain(
      '- { fieldMetadataUniversalIdentifier: name, position: 0 }',
    );
  });

  it('starts each file with a $schema line that reaches the schema, and fresh UUIDs', async () => {
    const a = await emptyPack();
    const b = await emptyPack();
    await mkdir(join(a, 'schemas'));
    await copyFile(join(ROOT, 'schemas/object.schema.json'), join(a, 'schemas/object.schema.json'));
    expect(await main(['new', 'object', 'lead', '--dir', a])).toBe(0);
    expect(await main(['new', 'object', 'lead', '--dir', b])).toBe(0);
    const textA = readFileSync(join(a, 'objects/lead.object.yaml'), 'utf8');
    const textB = readFileSync(join(b, 'objects/lead.object.yaml'), 'utf8');
    // In a pack with its own schemas/ (this repository) the line is the usual relative one.
    expect(textA.split('\n')[0]).toBe('# yaml-language-server: $schema=../schemas/object.schema.json');
    const refB = /\$schema=(\S+)/.exec(textB)![1]!;
    expect(existsSync(resolve(b, 'objects', refB))).toBe(true);
    const idsA = textA.match(UUID_V4)!;
    const idsB = textB.match(UUID_V4)!;
    expect(new Set(idsA).size).toBe(2); // the object and its name field (used twice: field and label identifier)
    expect(idsA.some((id) => idsB.includes(id))).toBe(false);
  });

  it('refuses to overwrite an existing file, says which, and leaves it untouched', async () => {
    const dir = await emptyPack();
    expect(await main(['new', 'workflow', 'weekly-meeting', '--dir', dir])).toBe(0);
    const before = readFileSync(join(dir, 'workflows/weekly-meeting.workflow.yaml'), 'utf8');
    expect(await main(['new', 'workflow', 'weekly meeting', '--dir', dir])).toBe(1);
    expect(err).toContain('workflows/weekly-meeting.workflow.yaml already exists');
    expect(readFileSync(join(dir, 'workflows/weekly-meeting.workflow.yaml'), 'utf8')).toBe(before);
  });

  it('exits 2 on wrong usage, with the reason', async () => {
    const dir = await emptyPack();
    expect(await main(['new', 'field', 'riskLevel', '--dir', dir])).toBe(2);
    expect(err).toContain('a field needs --object');
    expect(await main(['new', 'field', 'riskLevel', '--object', 'company', '--type', 'TXT', '--dir', dir])).toBe(2);
    expect(err).toContain('"TXT" is not a field type');
    expect(await main(['new', 'object', '客户', '--dir', dir])).toBe(2);
    expect(err).toContain('cannot be an API name');
    expect(await main(['new', 'report', 'x', '--dir', dir])).toBe(2);
    expect(await main(['new', 'object', '--dir', dir])).toBe(2);
    expect(await main(['new', 'view', 'all-leads', '--dir', dir])).toBe(2);
    expect(err).toContain('a view needs --object');
    expect(existsSync(join(dir, 'objects'))).toBe(false);
    expect(existsSync(join(dir, 'fields'))).toBe(false);
  });

  it('has --help with an example', async () => {
    expect(await main(['new', '--help'])).toBe(0);
    expect(out).toContain('Examples:');
    expect(out).toContain('bankpack new object clientTier');
  });

  it('refuses a name validate would refuse, with the message validate gives, and writes nothing', async () => {
    for (const [name, plural] of [
      ['lead2go', 'lead2gos'],
      ['company', 'companies'],
    ] as const) {
      // The file written by hand: what validate says about it.
      const byHand = await emptyPack();
      await mkdir(join(byHand, 'objects'));
      const text = `universalIdentifier: 5b0e2f0c-8a51-4f7e-9a43-2f1d3c4b5a69\nnameSingular: ${name}\nnamePlural: ${plural}\nlabelSingular: A\nlabelPlural: B\nicon: IconBox\n`;
      await writeFile(join(byHand, 'objects', `${name}.object.yaml`), text);
      const said = (await validatePack(byHand)).problems.find((p) => p.severity === 'error');
      expect(said?.message).toContain(`nameSingular "${name}"`);

      const dir = await emptyPack();
      expect(await main(['new', 'object', name, '--dir', dir])).toBe(2);
      expect(err).toContain(said!.message);
      expect(existsSync(join(dir, 'objects', `${name}.object.yaml`))).toBe(false);
      err = '';
    }
  });
});
