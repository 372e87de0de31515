// The mutation catalogue: the mistakes an admin editing the pack's YAML plausibly makes
// (many of them typed through a Chinese input method), one edit each. A mutation looks at
// one site (./sites.ts) and returns the edit, or undefined where it does not apply.
// Every edit is plain data, so a mutant can be printed as one line and replayed.
import type { NodePath } from '../../src/pack/model.ts';
import type { Random } from '../../src/jobs/prng.ts';
import type { Site, SiteKind } from './sites.ts';

/** Whole-file edits: what an editor or an input method does to the bytes. */
export type TextTransform = 'bom' | 'crlf' | 'tab-indent' | 'fullwidth-colon' | 'gbk' | 'duplicate-key';

export type Edit =
  { op: 'set'; path: NodePath; value: unknown } | { op: 'remove'; path: NodePath } | { op: 'text'; transform: TextTransform; line: number };

export interface Mutant {
  mutation: string;
  file: string;
  edit: Edit;
  /** Deploy in this locale (a mutated translation is sent as the label there). */
  locale?: string;
}

/** Values seen across the pack, for mutations that swap in a real but wrong one. */
export interface Pools {
  ids: string[];
  optionValues: string[];
  references: string[];
  /** Line count per file, for whole-file edits. */
  lines: Map<string, number>;
}

export interface Mutation {
  id: string;
  /** The mistake, in words. */
  describe: string;
  kinds: readonly SiteKind[];
  make(site: Site, pools: Pools, random: Random): Edit | undefined;
}

const TEXTS: readonly SiteKind[] = ['label', 'option-label', 'description', 'translation'];
const NAMES: readonly SiteKind[] = ['option-value', 'filter-value', 'reference', 'name', 'enum'];
const STRINGS: readonly SiteKind[] = [...TEXTS, ...NAMES, 'id', 'text'];

const pick = <T>(xs: readonly T[], random: Random): T => xs[Math.floor(random() * xs.length)]!;
const str = (site: Site): string | undefined => (typeof site.value === 'string' ? site.value : undefined);
const set = (site: Site, value: unknown): Edit => ({ op: 'set', path: site.path, value });

/** `s` with `piece` inserted at a random place (never at 0 for a one-character string). */
function insert(s: string, piece: string, random: Random): string {
  const chars = [...s];
  const at = chars.length === 0 ? 0 : 1 + Math.floor(random() * chars.length);
  chars.splice(at, 0, piece);
  return chars.join('');
}

/** One typo: drop, double, swap two neighbours, or change one letter. */
function nearMiss(s: string, random: Random): string {
  const c = [...s];
  if (c.length < 2) return `${s}${s}`;
  const i = Math.floor(random() * (c.length - 1));
  switch (Math.floor(random() * 4)) {
    case 0:
      c.splice(i, 1);
      break;
    case 1:
      c.splice(i, 0, c[i]!);
      break;
    case 2:
      [c[i], c[i + 1]] = [c[i + 1]!, c[i]!];
      break;
    default:
      c[i] = c[i] === 'e' ? 'a' : c[i] === 'E' ? 'A' : /[A-Z]/.test(c[i]!) ? 'E' : 'e';
  }
  const out = c.join('');
  return out === s ? `${s}x` : out;
}

function recase(s: string, random: Random): string {
  const options = [s.toLowerCase(), s.toUpperCase(), s.charAt(0).toUpperCase() + s.slice(1), s.charAt(0).toLowerCase() + s.slice(1)].filter(
    (x) => x !== s,
  );
  return options.length > 0 ? pick(options, random) : `${s}_`;
}

/** A UUID of the same digits and another version: v1, v3, v5 (accepted by twenty-sdk), v7, v0, v8. */
function otherVersion(id: string, random: Random): string | undefined {
  const m = /^([0-9a-f]{8}-[0-9a-f]{4}-)([0-9a-f])([0-9a-f]{3}-)([0-9a-f])/i.exec(id);
  if (!m) return undefined;
  const versions = ['1', '3', '5', '7', '0', '8'].filter((v) => v !== m[3]);
  const variant = random() < 0.2 ? 'c' : m[4]!;
  return `${m[1]}${pick(versions, random)}${m[3]}${variant}${id.slice(m[0].length)}`;
}

export const CATALOGUE: readonly Mutation[] = [
  {
    id: 'near-miss',
    describe: 'a value swapped for a near miss (one typo)',
    kinds: NAMES,
    make: (s, _p, r) => (str(s) ? set(s, nearMiss(str(s)!, r)) : undefined),
  },
  {
    id: 'casing',
    describe: 'the same word in other casing',
    kinds: [...NAMES, 'id'],
    make: (s, _p, r) => (str(s) ? set(s, recase(str(s)!, r)) : undefined),
  },
  {
    id: 'ascii-punctuation',
    describe: 'an ASCII punctuation mark typed into the value',
    kinds: [...TEXTS, ...NAMES],
    make: (s, _p, r) =>
      str(s) !== undefined
        ? set(s, insert(str(s)!, pick([',', ';', ':', '.', '-', '/', '#', '&', '(', ')', '[', '{', '*', '!', '?', '|', '@', '%'], r), r))
        : undefined,
  },
  {
    id: 'fullwidth-punctuation',
    describe: 'a full-width punctuation mark (what a Chinese input method types)',
    kinds: [...TEXTS, ...NAMES],
    make: (s, _p, r) =>
      str(s) !== undefined
        ? set(s, insert(str(s)!, pick(['，', '：', '；', '。', '（', '）', '“', '”', '、', '！', '？', '\u3000', '＿', 'Ａ'], r), r))
        : undefined,
  },
  {
    id: 'comma',
    describe: 'a comma inside a label, description or translation',
    kinds: TEXTS,
    make: (s, _p, r) => (str(s) !== undefined ? set(s, insert(str(s)!, pick([',', ', ', ',,'], r), r)) : undefined),
  },
  {
    id: 'quote',
    describe: 'a quote inside a text',
    kinds: [...TEXTS, 'text'],
    make: (s, _p, r) => (str(s) !== undefined ? set(s, insert(str(s)!, pick(['"', "'", '`', '\\', '{{', '}}'], r), r)) : undefined),
  },
  {
    id: 'newline',
    describe: 'a line break or tab inside a text',
    kinds: [...TEXTS, 'text'],
    make: (s, _p, r) => (str(s) !== undefined ? set(s, insert(str(s)!, pick(['\n', '\r\n', '\t', '\u2028'], r), r)) : undefined),
  },
  {
    id: 'missing-name',
    describe: 'an option value, filter value or reference renamed to something that does not exist',
    kinds: ['option-value', 'filter-value', 'reference'],
    make: (s, _p, r) => {
      const v = str(s);
      if (v === undefined) return undefined;
      if (/^[0-9a-f]{8}-/i.test(v)) return set(s, '0b3c5a7e-1d2f-4e6a-9b8c-7d6e5f4a3b2c');
      return set(
        s,
        /^[A-Z0-9_]+$/.test(v)
          ? pick(['NO_SUCH_VALUE', 'OTHER', 'PLATINUM_PLUS'], r)
          : pick(['noSuchThing', 'standard:noSuchObject', 'leadSource'], r),
      );
    },
  },
  {
    id: 'near-name',
    describe: 'an option value, filter value or reference swapped for a real name of something else',
    kinds: ['option-value', 'filter-value', 'reference'],
    make: (s, p, r) => {
      const v = str(s);
      const pool = (s.kind === 'reference' ? p.references : p.optionValues).filter((x) => x !== v);
      return v !== undefined && pool.length > 0 ? set(s, pick(pool, r)) : undefined;
    },
  },
  {
    id: 'duplicate-id',
    describe: 'an id copied from another entity',
    kinds: ['id'],
    make: (s, p, r) =>
      str(s)
        ? set(
            s,
            pick(
              p.ids.filter((x) => x !== str(s)),
              r,
            ),
          )
        : undefined,
  },
  {
    id: 'uuid-version',
    describe: 'an id of another UUID version (v1, v3, v5, v7, v0, v8)',
    kinds: ['id'],
    make: (s, _p, r) => (str(s) ? ((v) => (v ? set(s, v) : undefined))(otherVersion(str(s)!, r)) : undefined),
  },
  {
    id: 'malformed-id',
    describe: 'an id cut short, braced or with a stray character',
    kinds: ['id'],
    make: (s, _p, r) =>
      str(s)
        ? set(
            s,
            pick([str(s)!.slice(0, 35), `{${str(s)!}}`, `${str(s)!} `, str(s)!.replace(/-/g, ''), str(s)!.replace(/[0-9a-f]$/, 'g')], r),
          )
        : undefined,
  },
  {
    id: 'out-of-range',
    describe: 'a number out of range (negative, fractional, huge)',
    kinds: ['number'],
    make: (s, _p, r) => set(s, pick([-1, -0.5, 0.5, 1e9, 2 ** 31, 2 ** 53 + 1, 1e308, 1000000], r)),
  },
  {
    id: 'empty-string',
    describe: 'an empty string',
    kinds: STRINGS,
    make: (s) => (str(s) !== undefined && str(s) !== '' ? set(s, '') : undefined),
  },
  { id: 'blank-string', describe: 'a string of spaces', kinds: STRINGS, make: (s) => (str(s) !== undefined ? set(s, '   ') : undefined) },
  {
    id: 'oversized-string',
    describe: 'a string of 64, 256 or 10,000 characters',
    kinds: STRINGS,
    make: (s, _p, r) => {
      const v = str(s);
      if (v === undefined) return undefined;
      const n = pick([64, 256, 10_000], r);
      // eslint-disable-next-line no-control-regex -- \x00-\x7f is all of ASCII: a non-ASCII value is padded with a CJK character
      const unit = /[^\x00-\x7f]/.test(v) ? '长' : s.kind === 'option-value' || s.kind === 'enum' ? 'A' : 'a';
      return set(s, (v + unit.repeat(n)).slice(0, n));
    },
  },
  {
    id: 'wrong-type',
    describe: 'a number written as text, or text as a number',
    kinds: ['number', 'label', 'name', 'option-value', 'enum'],
    make: (s) => set(s, typeof s.value === 'number' ? String(s.value) : 12),
  },
  { id: 'remove-key', describe: 'a key removed', kinds: ['key'], make: (s) => ({ op: 'remove', path: s.path }) },
];

/** Whole-file mutations, applied at a line of the file. */
export const TEXT_MUTATIONS: ReadonlyArray<{ id: TextTransform; describe: string }> = [
  { id: 'bom', describe: 'a byte-order mark at the start (Windows Notepad)' },
  { id: 'crlf', describe: 'CRLF line endings' },
  { id: 'tab-indent', describe: 'a tab used for indentation' },
  { id: 'fullwidth-colon', describe: 'a full-width colon after a key (label：…)' },
  { id: 'gbk', describe: 'the file saved as GBK' },
  { id: 'duplicate-key', describe: 'a key line written twice' },
];
