// Rebuilds Twenty's /metadata SDL from the pinned twenty-client-sdk (2.43.0), as
// ../shared/twenty/metadata-api.md §8 describes: the genql type map in
// dist/metadata.mjs gives every type, field, argument and argument type string;
// dist/metadata/generated/schema.d.ts gives nullability, lists, enum values,
// unions, descriptions and deprecations; genql's dropped defaults come back from
// sdl-defaults.ts. Run: `npx tsx packages/twenty-sandbox/src/schema/gen-metadata-sdl.ts` to
// rewrite metadata.graphql.
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runInNewContext } from 'node:vm';
import { buildSchema, printSchema } from 'graphql';
import { ARGUMENT_DEFAULTS, CONNECTION_FILTER_DEFAULT, CONNECTION_PAGING_DEFAULT, INPUT_FIELD_DEFAULTS } from './sdl-defaults.ts';

export const METADATA_SDL_PATH = join(dirname(fileURLToPath(import.meta.url)), 'metadata.graphql');
const BUILT_IN_SCALARS = new Set(['String', 'Boolean', 'Int', 'Float', 'ID']);

type ArgSpec = [number, string?];
type FieldSpec = [number, Record<string, ArgSpec>?];
interface TypeMap {
  scalars: number[];
  types: Record<string, Record<string, FieldSpec>>;
}

interface DtsField {
  optional: boolean;
  /** The TypeScript type text, e.g. `(Scalars['String'] | null)` or `Field[]`. */
  type: string;
  description?: string;
  deprecated?: string;
}

interface DtsDecl {
  kind: 'interface' | 'enum' | 'union';
  description?: string;
  fields: Map<string, DtsField>;
  isOutput: boolean;
  enumValues: string[];
  members: string[];
}

function packageDist(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('twenty-client-sdk/metadata'));
}

/** The object literal assigned to genql's type map (`re = { scalars: [...], types: {...} }`). */
export function extractTypeMap(bundle: string): TypeMap {
  const marker = bundle.search(/=\s*\{\s*scalars:\s*\[/);
  if (marker < 0) throw new Error('genql type map not found in dist/metadata.mjs');
  const start = bundle.indexOf('{', marker);
  let depth = 0;
  let end = start;
  for (let i = start; i < bundle.length; i++) {
    const ch = bundle[i];
    if (ch === '"') {
      i = bundle.indexOf('"', i + 1);
      continue;
    }
    if (ch === '{') depth++;
    else if (ch === '}') {
      depth--;
      if (depth === 0) {
        end = i + 1;
        break;
      }
    }
  }
  return runInNewContext(`(${bundle.slice(start, end)})`) as TypeMap;
}

function docOf(line: string): { description?: string; deprecated?: string } {
  const text = line
    .replace(/^\s*\/\*\*\s?/, '')
    .replace(/\s?\*\/\s*$/, '')
    .trim();
  const dep = /^@deprecated\s*(.*)$/.exec(text);
  if (dep) return { deprecated: dep[1] ?? '' };
  return { description: text };
}

/** Parses genql's schema.d.ts into declarations keyed by type name. */
export function parseDts(dts: string): Map<string, DtsDecl> {
  const decls = new Map<string, DtsDecl>();
  const lines = dts.split('\n');
  let pendingDoc: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.startsWith('/**')) {
      pendingDoc = docOf(line).description;
      continue;
    }
    const iface = /^export interface (\w+) \{$/.exec(line);
    const enumDecl = /^export type (\w+) = ('.*');$/.exec(line);
    const unionDecl = /^export type (\w+) = \(([\w |]+)\) & \{$/.exec(line);
    if (iface?.[1]) {
      const decl: DtsDecl = { kind: 'interface', description: pendingDoc, fields: new Map(), isOutput: false, enumValues: [], members: [] };
      let doc: { description?: string; deprecated?: string } = {};
      for (i++; i < lines.length && lines[i] !== '}'; i++) {
        const body = lines[i] ?? '';
        if (body.trim().startsWith('/**')) {
          doc = docOf(body);
          continue;
        }
        const field = /^ {4}(\w+)(\?)?: (.+);$/.exec(body);
        if (field?.[1] && field[3]) {
          if (field[1] === '__typename') decl.isOutput = true;
          else decl.fields.set(field[1], { optional: field[2] === '?', type: field[3], ...doc });
        }
        doc = {};
      }
      decls.set(iface[1], decl);
    } else if (enumDecl?.[1] && enumDecl[2]) {
      const values = [...enumDecl[2].matchAll(/'([^']*)'/g)].map((m) => m[1] ?? '');
      decls.set(enumDecl[1], {
        kind: 'enum',
        description: pendingDoc,
        fields: new Map(),
        isOutput: false,
        enumValues: values,
        members: [],
      });
    } else if (unionDecl?.[1] && unionDecl[2]) {
      const members = unionDecl[2].split('|').map((s) => s.trim());
      decls.set(unionDecl[1], { kind: 'union', description: pendingDoc, fields: new Map(), isOutput: true, enumValues: [], members });
    }
    pendingDoc = undefined;
  }
  return decls;
}

/** `(X[] | null)` → { nullable, lists }; the base name comes from the type map. */
function wrappers(tsType: string): { nullable: boolean; lists: number } {
  let t = tsType.trim();
  let nullable = false;
  const opt = /^\((.*) \| null\)$/.exec(t);
  if (opt?.[1] !== undefined) {
    nullable = true;
    t = opt[1];
  }
  let lists = 0;
  while (t.endsWith('[]')) {
    lists++;
    t = t.slice(0, -2);
  }
  return { nullable, lists };
}

function wrapType(base: string, nullable: boolean, lists: number): string {
  let t = `${base}!`;
  for (let i = 0; i < lists; i++) t = `[${t}]!`;
  return nullable ? t.slice(0, -1) : t;
}

function descriptionBlock(text: string | undefined, indent: string): string {
  return text ? `${indent}${JSON.stringify(text)}\n` : '';
}

function deprecation(reason: string | undefined): string {
  return reason === undefined ? '' : ` @deprecated(reason: ${JSON.stringify(reason)})`;
}

/** Builds the SDL text (not yet canonicalised) from the package files. */
export function buildSdl(typeMap: TypeMap, decls: Map<string, DtsDecl>): string {
  const names = Object.keys(typeMap.types);
  const nameAt = (i: number): string => {
    const n = names[i];
    if (n === undefined) throw new Error(`type index ${i} out of range`);
    return n;
  };
  const scalarIdx = new Set(typeMap.scalars);
  const implementers = new Map<string, string[]>();
  for (const [name, decl] of decls) {
    const fields = typeMap.types[name] ?? {};
    const isInterface = decl.kind === 'union' && Object.keys(fields).some((f) => !f.startsWith('on_') && f !== '__typename');
    if (isInterface) for (const m of decl.members) implementers.set(m, [...(implementers.get(m) ?? []), name]);
  }
  const out: string[] = [];
  names.forEach((name, idx) => {
    if (BUILT_IN_SCALARS.has(name)) return;
    const decl = decls.get(name);
    const fields = typeMap.types[name] ?? {};
    if (scalarIdx.has(idx) || Object.keys(fields).length === 0) {
      if (decl?.kind === 'enum') {
        out.push(`${descriptionBlock(decl.description, '')}enum ${name} {\n${decl.enumValues.map((v) => `  ${v}`).join('\n')}\n}`);
      } else {
        out.push(`${descriptionBlock(decl?.description, '')}scalar ${name}`);
      }
      return;
    }
    if (!decl) throw new Error(`no declaration for ${name} in schema.d.ts`);
    if (decl.kind === 'union') {
      const own = Object.keys(fields).filter((f) => !f.startsWith('on_') && f !== '__typename');
      if (own.length === 0) {
        out.push(`${descriptionBlock(decl.description, '')}union ${name} = ${decl.members.join(' | ')}`);
        return;
      }
    }
    const isInput = decl.kind === 'interface' && !decl.isOutput;
    const keyword = isInput ? 'input' : decl.kind === 'union' ? 'interface' : 'type';
    const impl = implementers.get(name);
    const lines: string[] = [];
    const declFields = decl.kind === 'union' ? decls.get(decl.members[0] ?? '')?.fields : decl.fields;
    for (const [fieldName, spec] of Object.entries(fields)) {
      if (fieldName === '__typename' || fieldName.startsWith('on_')) continue;
      const df = declFields?.get(fieldName);
      if (!df) throw new Error(`${name}.${fieldName} missing from schema.d.ts`);
      const base = nameAt(spec[0]);
      const w = wrappers(df.type);
      const nullable = isInput ? w.nullable || df.optional : df.optional;
      let text = `${descriptionBlock(df.description, '  ')}  ${fieldName}`;
      const args = spec[1];
      if (args && Object.keys(args).length > 0) {
        const hasPaging = 'paging' in args;
        const argText = Object.entries(args).map(([argName, [argIdx, argType]]) => {
          const typeText = argType ?? nameAt(argIdx);
          let def = ARGUMENT_DEFAULTS[`${name}.${fieldName}(${argName})`];
          if (argName === 'paging' && typeText === 'CursorPaging!') def = CONNECTION_PAGING_DEFAULT;
          if (argName === 'filter' && hasPaging && typeText.endsWith('!')) def = CONNECTION_FILTER_DEFAULT;
          return `${argName}: ${typeText}${def === undefined ? '' : ` = ${def}`}`;
        });
        text += `(${argText.join(', ')})`;
      }
      text += `: ${wrapType(base, nullable, w.lists)}`;
      const def = isInput ? INPUT_FIELD_DEFAULTS[`${name}.${fieldName}`] : undefined;
      if (def !== undefined) text += ` = ${def}`;
      lines.push(text + deprecation(df.deprecated));
    }
    const implText = impl ? ` implements ${impl.join(' & ')}` : '';
    out.push(`${descriptionBlock(decl.description, '')}${keyword} ${name}${implText} {\n${lines.join('\n')}\n}`);
  });
  return `${out.join('\n\n')}\n`;
}

/** The canonical SDL text that metadata.graphql must hold. */
export async function generateMetadataSdl(): Promise<string> {
  const dist = packageDist();
  const [bundle, dts] = await Promise.all([
    readFile(join(dist, 'metadata.mjs'), 'utf8'),
    readFile(join(dist, 'metadata', 'generated', 'schema.d.ts'), 'utf8'),
  ]);
  const sdl = buildSdl(extractTypeMap(bundle), parseDts(dts));
  const header = '# Twenty /metadata schema, rebuilt from twenty-client-sdk 2.43.0 by gen-metadata-sdl.ts. Do not edit.\n\n';
  return header + printSchema(buildSchema(sdl)) + '\n';
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const sdl = await generateMetadataSdl();
  await writeFile(METADATA_SDL_PATH, sdl);
  process.stdout.write(`wrote ${METADATA_SDL_PATH} (${sdl.length} characters)\n`);
}
