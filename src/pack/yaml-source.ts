// Parse one YAML text keeping source positions, and map a node path back to line:col.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { NodePath } from './model.ts';

/** Aliases beyond this are refused: a "billion laughs" file must fail fast, not eat memory. */
export const MAX_ALIAS_COUNT = 100;

export interface Position {
  line: number;
  col: number;
}

export interface YamlSource {
  doc: Document.Parsed;
  data: unknown;
  /** Line:col of the node at `path` (or of its key), falling back to the deepest node that exists. */
  locate(path: NodePath, atKey?: boolean): Position;
}

export interface YamlSyntaxError {
  message: string;
  hint?: string;
  line: number;
  col: number;
}

/**
 * Parse `text`; `lineOffset` shifts reported lines (front matter starts below `---`).
 * Returns either the source or the syntax errors found, never throws.
 */
export function parseYaml(text: string, lineOffset = 0): { source?: YamlSource; errors: YamlSyntaxError[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const toPos = (offset: number): Position => {
    const p = lineCounter.linePos(offset);
    return { line: p.line + lineOffset, col: p.col };
  };
  if (doc.errors.length > 0) {
    // Only the first: after one syntax error the parser's further complaints are mostly echoes of it.
    const e = doc.errors[0]!;
    return { errors: [{ ...plainYamlError(e.code, e.message, text, e.pos[0]), ...toPos(e.pos[0]) }] };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const anchored = firstAlias(doc.contents);
    return {
      errors: [
        {
          message: /alias/i.test(message)
            ? `too many YAML aliases (more than ${MAX_ALIAS_COUNT} expansions): refused as a resource-exhaustion risk`
            : cleanYamlMessage(message),
          ...(anchored ? toPos(anchored) : { line: 1 + lineOffset, col: 1 }),
        },
      ],
    };
  }
  const locate = (path: NodePath, atKey = false): Position => {
    let node: unknown = doc.contents;
    let offset = (doc.contents as Node | null)?.range?.[0] ?? 0;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i]!;
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) break;
        const keyNode = pair.key as Node;
        const valueNode = pair.value as Node | null;
        const last = i === path.length - 1;
        offset = (atKey && last ? keyNode.range?.[0] : valueNode?.range?.[0]) ?? keyNode.range?.[0] ?? offset;
        node = valueNode;
      } else if (isSeq(node) && typeof seg === 'number') {
        const item = node.items[seg] as Node | undefined;
        if (!item) break;
        offset = item.range?.[0] ?? offset;
        node = isPair(item) ? item.value : item;
      } else break;
    }
    return toPos(offset);
  };
  return { source: { doc, data, locate }, errors: [] };
}

function firstAlias(node: unknown): number | undefined {
  let found: number | undefined;
  const visit = (n: unknown): void => {
    if (found !== undefined || n === null || typeof n !== 'object') return;
    const rec = n as { type?: string; range?: [number, number]; items?: unknown[]; key?: unknown; value?: unknown };
    if ((n as { constructor?: { name?: string } }).constructor?.name === 'Alias' && rec.range) {
      found = rec.range[0];
      return;
    }
    if (Array.isArray(rec.items)) rec.items.forEach(visit);
    if ('key' in rec) visit(rec.key);
    if ('value' in rec) visit(rec.value);
  };
  visit(node);
  return found;
}

/** The yaml package's messages end with a code frame and "at line N, column M"; keep the sentence. */
function cleanYamlMessage(message: string): string {
  return message
    .split('\n')[0]!
    .replace(/ at line \d+, column \d+:?$/, '')
    .trim();
}

/** The parser's wording where it speaks to programmers rather than to the person editing the file. */
function plainYamlError(code: string, message: string, text: string, offset: number): { message: string; hint?: string } {
  if (code === 'DUPLICATE_KEY') {
    const key = /^\s*["']?([^"':\n]+?)["']?\s*:/.exec(text.slice(offset))?.[1];
    return key
      ? { message: `the key "${key}" appears twice in the same map`, hint: 'keep one of them' }
      : { message: cleanYamlMessage(message), hint: 'keep one of them' };
  }
  if (code === 'MULTIPLE_DOCS') {
    return { message: 'a second YAML document starts here (---): a pack file holds one document', hint: 'move it to a file of its own' };
  }
  return { message: cleanYamlMessage(message) };
}
