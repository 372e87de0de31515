// Draw mutants from the real pack: a fixed seed gives the same list on any machine.
// Each draw takes one mutation of the catalogue (in turn, so every kind is tried) and a
// random site it applies to; a mutant that was already drawn is drawn again.
import { mulberry32, seedFromText, type Random } from '../../src/jobs/prng.ts';
import type { PackFile } from '../../src/pack/index.ts';
import { CATALOGUE, TEXT_MUTATIONS, type Mutant, type Pools } from './catalogue.ts';
import { fuzzable, sitesOf, type Site } from './sites.ts';

export const DEFAULT_SEED = 13;

export function poolsOf(files: readonly PackFile[], sites: readonly Site[]): Pools {
  const strings = (kind: Site['kind']): string[] =>
    [...new Set(sites.filter((s) => s.kind === kind && typeof s.value === 'string').map((s) => s.value as string))].sort();
  return {
    ids: strings('id'),
    optionValues: strings('option-value'),
    references: strings('reference').filter((r) => !/^[0-9a-f]{8}-/i.test(r)),
    lines: new Map(files.map((f) => [f.path, f.text.split('\n').length])),
  };
}

/** `count` distinct mutants of the pack's files. */
export function drawMutants(files: readonly PackFile[], count: number, seed = DEFAULT_SEED): Mutant[] {
  const targets = files.filter(fuzzable);
  const sites = targets.flatMap(sitesOf);
  const pools = poolsOf(targets, sites);
  const random: Random = mulberry32(seedFromText(`fuzz:${seed}`));
  const byKind = new Map<string, Site[]>();
  for (const s of sites) byKind.set(s.kind, [...(byKind.get(s.kind) ?? []), s]);
  const slots = CATALOGUE.length + TEXT_MUTATIONS.length;
  const out: Mutant[] = [];
  const seen = new Set<string>();
  for (let draw = 0; out.length < count && draw < count * 20; draw++) {
    const slot = draw % slots;
    let mutant: Mutant | undefined;
    if (slot < CATALOGUE.length) {
      const mutation = CATALOGUE[slot]!;
      const candidates = mutation.kinds.flatMap((k) => byKind.get(k) ?? []);
      if (candidates.length === 0) continue;
      const site = candidates[Math.floor(random() * candidates.length)]!;
      const edit = mutation.make(site, pools, random);
      if (edit) mutant = { mutation: mutation.id, file: site.file, edit, ...(site.locale ? { locale: site.locale } : {}) };
    } else {
      const t = TEXT_MUTATIONS[slot - CATALOGUE.length]!;
      const file = targets[Math.floor(random() * targets.length)]!;
      const line = 1 + Math.floor(random() * (pools.lines.get(file.path) ?? 1));
      mutant = { mutation: t.id, file: file.path, edit: { op: 'text', transform: t.id, line } };
    }
    if (!mutant) continue;
    const key = JSON.stringify(mutant);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(mutant);
  }
  return out;
}

/** The one-line reproduction of a mutant: `npm run fuzz -- --replay '<json>'`. */
export function reproduction(m: Mutant): string {
  return `npm run fuzz -- --replay '${JSON.stringify(m).replace(/'/g, "'\\''")}'`;
}
