// Read every file of a pack directory: classify it by folder and suffix, decode it
// as UTF-8, parse its YAML (or a template's front matter) with positions.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { NodePath } from './model.ts';
import type { PendingProblem, Problem } from './problems.ts';
import { fullWidthColonCause, gbkCause, tabCause } from './editor-causes.ts';
import { parseYaml, type Position, type YamlSource } from './yaml-source.ts';

export type FileKind = 'manifest' | 'object' | 'field' | 'view' | 'workflow' | 'template' | 'seed' | 'policy' | 'settings' | 'role';

/** Each configuration folder and the suffix its files carry. */
export const FOLDERS: ReadonlyArray<{ folder: string; kind: FileKind; suffix: string }> = [
  { folder: 'objects', kind: 'object', suffix: '.object.yaml' },
  { folder: 'fields', kind: 'field', suffix: '.field.yaml' },
  { folder: 'views', kind: 'view', suffix: '.view.yaml' },
  { folder: 'workflows', kind: 'workflow', suffix: '.workflow.yaml' },
  { folder: 'templates', kind: 'template', suffix: '.hbs' },
  { folder: 'seeds', kind: 'seed', suffix: '.seed.yaml' },
  { folder: 'policies', kind: 'policy', suffix: '.policy.yaml' },
  { folder: 'roles', kind: 'role', suffix: '.role.yaml' },
];

export const MANIFEST_FILE = 'pack.yaml';
/** The bank's own details (name, hotline, e-mail addresses): one file, optional. */
export const SETTINGS_FILE = 'settings/bank.yaml';

export interface PackFile {
  /** Relative to the pack root, with forward slashes. */
  path: string;
  kind: FileKind;
  text: string;
  data: unknown;
  /** The Handlebars body of a template (after its front matter). */
  body?: string;
  bodyLine?: number;
  locate(path: NodePath, atKey?: boolean): Position;
}

export interface LoadedFiles {
  files: PackFile[];
  problems: Problem[];
}

const YAML_FILE = /\.ya?ml$/i;

/** Read and parse every pack file below `root`. Problems, never exceptions. */
export async function loadFiles(root: string): Promise<LoadedFiles> {
  const files: PackFile[] = [];
  const problems: Problem[] = [];
  const add = (file: string, message: string, hint?: string, pos: Position = { line: 1, col: 1 }): void => {
    problems.push({ file, ...pos, message, rule: 'file', severity: 'error', ...(hint ? { hint } : {}) });
  };

  const candidates: Array<{ path: string; kind: FileKind }> = [];
  try {
    await readFile(join(root, MANIFEST_FILE));
    candidates.push({ path: MANIFEST_FILE, kind: 'manifest' });
  } catch {
    add(MANIFEST_FILE, `no ${MANIFEST_FILE} in the pack folder`, 'run bankpack in the pack folder, or pass --dir');
  }
  for (const path of await listFiles(root, 'settings')) {
    if (path === SETTINGS_FILE) candidates.push({ path, kind: 'settings' });
    else
      add(
        path,
        `unrecognised file in settings/: the pack's settings are one file, ${SETTINGS_FILE}`,
        `move its keys into ${SETTINGS_FILE}`,
      );
  }
  for (const { folder, kind, suffix } of FOLDERS) {
    const refused: Array<{ path: string; message: string; hint: string }> = [];
    for (const path of await listFiles(root, folder, refused)) {
      if (path.endsWith(suffix)) candidates.push({ path, kind });
      else if (YAML_FILE.test(path) || path.endsWith('.hbs')) {
        const other = FOLDERS.find((f) => path.endsWith(f.suffix));
        add(
          path,
          other
            ? `a ${other.kind} file in ${folder}/: files here must end in ${suffix}`
            : `unrecognised file in ${folder}/: files here must end in ${suffix}`,
          other ? `move it to ${other.folder}/` : `rename it to *${suffix}`,
        );
      }
    }
    for (const r of refused) add(r.path, r.message, r.hint);
  }

  for (const c of candidates) {
    const loaded = await loadOne(root, c.path, c.kind);
    if ('problems' in loaded) problems.push(...loaded.problems);
    else files.push(loaded.file);
  }
  return { files, problems };
}

/**
 * The files below `folder`. A symbolic link to a file is followed; a link to a folder or to
 * nothing is refused by name in `refused` (never skipped in silence).
 */
async function listFiles(
  root: string,
  folder: string,
  refused: Array<{ path: string; message: string; hint: string }> = [],
): Promise<string[]> {
  try {
    const entries = await readdir(join(root, folder), { recursive: true, withFileTypes: true });
    const out: string[] = [];
    for (const e of entries) {
      const path = relative(root, join(e.parentPath, e.name)).split(sep).join('/');
      if (e.isFile()) out.push(path);
      else if (e.isSymbolicLink()) {
        const target = await stat(join(root, path)).catch(() => undefined);
        if (target?.isFile()) out.push(path);
        else if (target?.isDirectory())
          refused.push({
            path,
            message: 'a symbolic link to a folder: bankpack does not follow folder links',
            hint: 'move the files into the pack, or link each file',
          });
        else refused.push({ path, message: 'a symbolic link to a file that does not exist', hint: 'fix or delete the link' });
      }
    }
    return out.sort();
  } catch {
    return [];
  }
}

async function loadOne(root: string, path: string, kind: FileKind): Promise<{ file: PackFile } | { problems: Problem[] }> {
  const fail = (message: string, hint?: string, pos: Position = { line: 1, col: 1 }): { problems: Problem[] } => ({
    problems: [{ file: path, ...pos, message, rule: 'syntax', severity: 'error', ...(hint ? { hint } : {}) }],
  });
  const bytes = await readFile(join(root, path));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const gbk = gbkCause(bytes);
    if (gbk) return fail(gbk.message, gbk.hint, gbk);
    return fail('not valid UTF-8 text', 'save the file as UTF-8 (without BOM)', firstInvalidUtf8(bytes));
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return fail('the file is empty', `delete it, or run \`bankpack new ${kind} NAME\``);

  let yamlText = text;
  let lineOffset = 0;
  let body: string | undefined;
  let bodyLine: number | undefined;
  if (kind === 'template') {
    const split = splitFrontMatter(text);
    if (!split)
      return fail('a template starts with YAML front matter between two `---` lines', 'add `---`, the front matter, `---` at the top');
    ({ yamlText, lineOffset, body, bodyLine } = split);
  }
  const colon = fullWidthColonCause(yamlText, lineOffset);
  if (colon) return fail(colon.message, colon.hint, colon);
  const { source, errors } = parseYaml(yamlText, lineOffset);
  if (!source) {
    const tab = errors[0] ? tabCause(errors[0].message, errors[0]) : undefined;
    if (tab) return fail(tab.message, tab.hint, tab);
    return {
      problems: errors.map((e) => ({
        file: path,
        line: e.line,
        col: e.col,
        message: `YAML: ${e.message}`,
        rule: 'syntax',
        severity: 'error' as const,
        ...(e.hint ? { hint: e.hint } : {}),
      })),
    };
  }
  if (source.data === null || typeof source.data !== 'object' || Array.isArray(source.data)) {
    return fail(`the file must hold a YAML mapping (key: value), not ${describe(source.data)}`);
  }
  return { file: toPackFile(path, kind, text, source, body, bodyLine) };
}

function toPackFile(path: string, kind: FileKind, text: string, source: YamlSource, body?: string, bodyLine?: number): PackFile {
  return {
    path,
    kind,
    text,
    data: source.data,
    ...(body !== undefined ? { body, bodyLine: bodyLine ?? 1 } : {}),
    locate: source.locate,
  };
}

/** `---\n<yaml>\n---\n<body>`; lines are 1-based. */
export function splitFrontMatter(text: string): { yamlText: string; lineOffset: number; body: string; bodyLine: number } | undefined {
  const lines = text.split('\n');
  if (lines[0]?.trim() !== '---') return undefined;
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (end < 0) return undefined;
  return {
    yamlText: lines.slice(1, end).join('\n'),
    lineOffset: 1,
    body: lines.slice(end + 1).join('\n'),
    bodyLine: end + 2,
  };
}

function describe(value: unknown): string {
  if (value === null) return 'an empty document';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}

function firstInvalidUtf8(bytes: Uint8Array): Position {
  const at = invalidUtf8Offset(bytes);
  const prefix = new TextDecoder().decode(bytes.subarray(0, at));
  const lines = prefix.split('\n');
  return { line: lines.length, col: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence (RFC 3629, table 3-7). */
function invalidUtf8Offset(bytes: Uint8Array): number {
  const cont = (x: number | undefined, lo = 0x80, hi = 0xbf): boolean => x !== undefined && x >= lo && x <= hi;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const [n1, n2, n3] = [bytes[i + 1], bytes[i + 2], bytes[i + 3]];
    let len = 0;
    if (b < 0x80) len = 1;
    else if (b >= 0xc2 && b <= 0xdf) len = cont(n1) ? 2 : 0;
    else if (b >= 0xe0 && b <= 0xef) {
      const lo = b === 0xe0 ? 0xa0 : 0x80;
      const hi = b === 0xed ? 0x9f : 0xbf;
      len = cont(n1, lo, hi) && cont(n2) ? 3 : 0;
    } else if (b >= 0xf0 && b <= 0xf4) {
      const lo = b === 0xf0 ? 0x90 : 0x80;
      const hi = b === 0xf4 ? 0x8f : 0xbf;
      len = cont(n1, lo, hi) && cont(n2) && cont(n3) ? 4 : 0;
    }
    if (len === 0) return i;
    i += len;
  }
  return bytes.length;
}

/** Resolve a pending problem's position against the file it names. */
export function resolveProblem(p: PendingProblem, files: ReadonlyMap<string, PackFile>): Problem {
  const file = files.get(p.file);
  const pos = p.at ?? (file ? file.locate(p.path, p.atKey) : { line: 1, col: 1 });
  return {
    file: p.file,
    ...pos,
    message: p.message,
    rule: p.rule,
    severity: p.severity ?? 'error',
    ...(p.hint ? { hint: p.hint } : {}),
  };
}
