// `bankpack validate` beside the bare `yaml` parse of the same files (issue 2: at most 3×).
// Validation here is the whole command's work: read the files, parse with positions,
// check each against its JSON Schema, cross-check the pack. The baseline is
// `YAML.parse` of the same texts already in memory.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parse as parseYamlBare } from 'yaml';
import { loadFiles, splitFrontMatter } from '../src/pack/load-files.ts';
import { checkFileSchema } from '../src/pack/schema-check.ts';
import { validatePack } from '../src/validate/index.ts';
import type { BenchRow, Benchmark } from './types.ts';

const ROOT = resolve(import.meta.dirname, '..');
const COPIES = 100;

/**
 * Median milliseconds per call of `subject` and of `baseline`, run in turns so that both
 * see the same load on a busy machine; at least `minRuns` each and `minMs` in all.
 */
async function medians(subject: () => unknown, baseline: () => unknown, minRuns: number, minMs: number): Promise<[number, number]> {
  const a: number[] = [];
  const b: number[] = [];
  const start = performance.now();
  while (a.length < minRuns || performance.now() - start < minMs) {
    let t = performance.now();
    await subject();
    a.push(performance.now() - t);
    t = performance.now();
    await baseline();
    b.push(performance.now() - t);
  }
  const mid = (xs: number[]): number => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  return [mid(a), mid(b)];
}

/** The YAML texts of a pack: its .yaml files, and the front matter of its templates. */
async function yamlTexts(root: string): Promise<string[]> {
  const { files } = await loadFiles(root);
  return Promise.all(
    files.map(async (f) => {
      const text = await readFile(join(root, f.path), 'utf8');
      return f.kind === 'template' ? (splitFrontMatter(text)?.yamlText ?? '') : text;
    }),
  );
}

const row = (name: string, value: number, baseline: number, problems: number): BenchRow => ({
  name: `${name}${problems > 0 ? ` (${problems} problems reported)` : ''}`,
  value: Math.round(value * 100) / 100,
  unit: 'ms',
  baseline: Math.round(baseline * 100) / 100,
  baselineName: 'yaml parse',
  ratio: value / baseline,
  target: 'ratio <= 3',
  ok: value / baseline <= 3,
});

/**
 * Write `times` copies of the pack's files into `dest` (one pack.yaml), each copy with
 * its own UUIDs and its own object and field names, so that the copies form one valid
 * pack rather than a pile of duplicates.
 */
async function copyPackTimes(root: string, dest: string, times: number): Promise<void> {
  const { files } = await loadFiles(root);
  const uuids = new Set<string>();
  const names = new Set<string>();
  for (const f of files) {
    for (const m of f.text.matchAll(/universalIdentifier:\s*([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/gi))
      uuids.add(m[1]!);
    const data = f.data as Record<string, unknown>;
    if (f.kind === 'object') for (const k of ['nameSingular', 'namePlural']) if (typeof data[k] === 'string') names.add(data[k]);
    if (f.kind === 'field' && typeof data.name === 'string') names.add(data.name);
  }
  const byLength = (a: string, b: string): number => b.length - a.length;
  const uuidPattern = new RegExp([...uuids].join('|'), 'gi');
  const namePattern = new RegExp(`\\b(${[...names].sort(byLength).join('|')})(?=\\b|Id\\b)`, 'g');
  await writeFile(join(dest, 'pack.yaml'), await readFile(join(root, 'pack.yaml')));
  for (let k = 0; k < times; k++) {
    for (const f of files.filter((x) => x.kind !== 'manifest')) {
      const text =
        k === 0
          ? f.text
          : f.text
              .replace(uuidPattern, (u) => `${u.slice(0, 24)}${k.toString(16).padStart(4, '0')}${u.slice(28)}`)
              .replace(namePattern, (n) => `${n}C${k}`);
      const [folder, ...rest] = f.path.split('/');
      const target = join(dest, folder!, `copy-${k}`, ...rest);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, text);
    }
  }
}

const bench: Benchmark = {
  name: 'validate',
  async run(): Promise<BenchRow[]> {
    const rows: BenchRow[] = [];
    const texts = await yamlTexts(ROOT);
    const parseOnce = (): void => {
      for (const t of texts) parseYamlBare(t);
    };

    // First run in the process: includes reading and compiling the schemas.
    let t = performance.now();
    const first = await validatePack(ROOT);
    const cold = performance.now() - t;
    t = performance.now();
    parseOnce();
    rows.push({
      name: `validate: whole pack (${texts.length} files), first run, compiling the schemas`,
      value: Math.round(cold),
      unit: 'ms',
      baseline: Math.round((performance.now() - t) * 100) / 100,
      baselineName: 'first yaml parse',
    });

    const [validateMs, parseMs] = await medians(() => validatePack(ROOT), parseOnce, 7, 3000);
    rows.push(row(`validate: whole pack (${texts.length} files)`, validateMs, parseMs, first.problems.length));

    // The schema layer alone, on files already loaded: what this layer adds to the parse.
    const { files } = await loadFiles(ROOT);
    const [schemaMs, parseMs2] = await medians(() => files.forEach(checkFileSchema), parseOnce, 7, 2000);
    rows.push(row('validate: schema check only, whole pack', schemaMs, parseMs2, 0));

    const copy = await mkdtemp(join(tmpdir(), 'bankpack-bench-'));
    try {
      await copyPackTimes(ROOT, copy, COPIES);
      const bigTexts = await yamlTexts(copy);
      const big = await validatePack(copy);
      const [bigMs, bigParse] = await medians(
        () => validatePack(copy),
        () => bigTexts.forEach((x) => parseYamlBare(x)),
        3,
        0,
      );
      rows.push(row(`validate: pack x${COPIES} (${bigTexts.length} files)`, bigMs, bigParse, big.problems.length));
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
    return rows;
  },
};

export default bench;
