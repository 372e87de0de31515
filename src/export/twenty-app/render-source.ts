// An app entity as a TypeScript file a person can read and edit: one `define*`
// call, keys in the order the model gives them, strings single-quoted, enum values
// by member name. Same entity → same bytes.
import type { AppEntity } from './app-model.ts';
import { EnumValue } from './enum-value.ts';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const INDENT = '  ';

export function renderEntity(entity: AppEntity): string {
  const enums = new Set<string>();
  collectEnums(entity.config, enums);
  const names = [entity.define, ...[...enums].sort()];
  return `import { ${names.join(', ')} } from 'twenty-sdk/define';\n\nexport default ${entity.define}(${literal(entity.config, 0)});\n`;
}

function collectEnums(value: unknown, into: Set<string>): void {
  if (value instanceof EnumValue) into.add(value.enumName);
  else if (Array.isArray(value)) for (const v of value) collectEnums(v, into);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) collectEnums(v, into);
}

function literal(value: unknown, depth: number): string {
  if (value instanceof EnumValue) return `${value.enumName}.${value.member}`;
  if (value === null) return 'null';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const pad = INDENT.repeat(depth + 1);
  const end = INDENT.repeat(depth);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => `${pad}${literal(v, depth + 1)},`).join('\n')}\n${end}]`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return '{}';
    return `{\n${entries.map(([k, v]) => `${pad}${IDENTIFIER.test(k) ? k : quote(k)}: ${literal(v, depth + 1)},`).join('\n')}\n${end}}`;
  }
  throw new Error(`export: cannot write a value of type ${typeof value}`);
}

function quote(s: string): string {
  return `'${s
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')}'`;
}
