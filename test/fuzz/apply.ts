// Apply one edit to one file's text, touching nothing else: a value is replaced in
// place at its node's source range (written as a JSON string, which is valid YAML),
// a key is removed through the yaml Document, and whole-file edits rewrite the bytes.
import { isScalar, parseDocument, type Node } from 'yaml';
import type { Edit, TextTransform } from './catalogue.ts';

/** The mutated file's bytes. Throws when the edit does not fit the text (the caller skips it). */
export function applyEdit(text: string, edit: Edit): Uint8Array {
  if (edit.op === 'text') return transform(text, edit.transform, edit.line);
  const doc = parseDocument(text, { keepSourceTokens: false });
  if (edit.op === 'remove') {
    if (!doc.deleteIn(edit.path)) throw new Error(`no key at ${edit.path.join('.')}`);
    return utf8(doc.toString({ lineWidth: 0 }));
  }
  const node = doc.getIn(edit.path, true) as Node | undefined;
  if (!node?.range) throw new Error(`no value at ${edit.path.join('.')}`);
  const [start, end] = node.range;
  const written =
    typeof edit.value === 'string'
      ? JSON.stringify(edit.value)
      : isScalar(node) || typeof edit.value !== 'object'
        ? String(edit.value)
        : JSON.stringify(edit.value);
  return utf8(text.slice(0, start) + written + text.slice(end));
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Lines that hold a `key: value` pair outside a comment, 1-based. */
function keyLines(lines: string[]): number[] {
  return lines.flatMap((l, i) => (/^\s*(- )?[A-Za-z][\w]*: /.test(l) && !l.trimStart().startsWith('#') ? [i + 1] : []));
}

/** The nearest line at or after `line` (wrapping) among `candidates`. */
function near(candidates: number[], line: number): number {
  if (candidates.length === 0) throw new Error('no line fits');
  return candidates.find((c) => c >= line) ?? candidates[0]!;
}

function transform(text: string, kind: TextTransform, line: number): Uint8Array {
  const lines = text.split('\n');
  switch (kind) {
    case 'bom':
      return utf8(`\ufeff${text}`);
    case 'crlf':
      return utf8(text.replace(/\r?\n/g, '\r\n'));
    case 'gbk':
      // eslint-disable-next-line no-control-regex -- \x00-\x7f is all of ASCII
      if (!/[^\x00-\x7f]/.test(text)) throw new Error('an ASCII file reads the same in GBK');
      return encodeGbk(text);
    case 'tab-indent': {
      const at = near(
        lines.flatMap((l, i) => (/^ {2,}\S/.test(l) ? [i + 1] : [])),
        line,
      );
      lines[at - 1] = lines[at - 1]!.replace(/^ {2}/, '\t');
      return utf8(lines.join('\n'));
    }
    case 'fullwidth-colon': {
      const at = near(keyLines(lines), line);
      lines[at - 1] = lines[at - 1]!.replace(/: /, '： ');
      return utf8(lines.join('\n'));
    }
    case 'duplicate-key': {
      const at = near(
        keyLines(lines).filter((n) => !/^\s*- /.test(lines[n - 1]!)),
        line,
      );
      lines.splice(at, 0, lines[at - 1]!);
      return utf8(lines.join('\n'));
    }
  }
}

let gbkTable: Map<string, number[]> | undefined;

/** GBK bytes of `text`, by inverting Node's GBK decoder once (no encoder ships with Node). */
export function encodeGbk(text: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && ch !== '\ufffd' && !gbkTable.has(ch)) gbkTable.set(ch, [lead, trail]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else out.push(...(gbkTable.get(ch) ?? [0x3f]));
  }
  return new Uint8Array(out);
}
