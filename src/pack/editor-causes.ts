// The real cause of a file that does not parse, in the words of the editor that made it:
// a file saved as GBK/GB18030, a full-width colon typed by a Chinese input method, a tab
// used for indentation. Each is reported instead of the parser's echo of it.
import type { Position } from './yaml-source.ts';

export interface Cause extends Position {
  message: string;
  hint: string;
}

const CJK = /[\u3400-\u9fff]/;

/** A file that is not UTF-8 but reads as Chinese in GB18030 (GBK's superset): saved as GBK. */
export function gbkCause(bytes: Uint8Array): Cause | undefined {
  let text: string;
  try {
    text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  if (!CJK.test(text)) return undefined;
  const lines = text.split('\n');
  // eslint-disable-next-line no-control-regex -- \x00-\x7f is all of ASCII: the first line with anything else
  const line = lines.findIndex((l) => /[^\x00-\x7f]/.test(l));
  return {
    line: line + 1,
    col: [...lines[line]!].findIndex((c) => c.charCodeAt(0) > 0x7f) + 1,
    message: 'the file is saved as GBK/GB18030, not UTF-8',
    hint: 'in the editor: Save with Encoding → UTF-8 (VS Code: click "GBK" in the status bar; Notepad: Save as → Encoding UTF-8)',
  };
}

/** `label：值` — a key followed by a full-width colon, in block or flow style. */
const FULL_WIDTH_KEY = /(^\s*(?:-\s+)?|[{,]\s*)([A-Za-z_][\w.-]*)\s*：/;

/** The first key written with a full-width colon, 1-based, shifted by `lineOffset`. */
export function fullWidthColonCause(text: string, lineOffset = 0): Cause | undefined {
  const lines = text.split('\n');
  for (const [i, l] of lines.entries()) {
    if (l.trimStart().startsWith('#')) continue;
    const m = FULL_WIDTH_KEY.exec(l);
    if (!m) continue;
    return {
      line: i + 1 + lineOffset,
      col: [...l.slice(0, m.index + m[0].length - 1)].length + 1,
      message: `a full-width colon "：" after the key ${m[2]}; YAML needs the ASCII colon ":"`,
      hint: `write "${m[2]}: " (switch the input method to half-width punctuation)`,
    };
  }
  return undefined;
}

/** The parser's tab complaint, said in the editor's terms. */
export function tabCause(message: string, pos: Position): Cause | undefined {
  if (!/tab/i.test(message)) return undefined;
  return {
    ...pos,
    message: 'a tab indents this line; YAML indents with spaces only',
    hint: 'replace the tab with spaces (VS Code: "Convert Indentation to Spaces")',
  };
}
