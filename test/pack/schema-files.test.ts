// The schema files themselves: usable by an editor (relative refs that resolve on disk,
// help text on every key), faithful to twenty-sdk's enums, and met by the pack's files.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FOLDERS } from '../../src/pack/load-files.ts';
import { SCHEMA_DIR, SCHEMA_FILE, schemaRegistry } from '../../src/pack/schema-registry.ts';
import { validatePack } from '../../src/validate/index.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
type Json = { [key: string]: unknown };
const schemaFiles = readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.schema.json'));
const schemas = new Map(schemaFiles.map((f) => [f, JSON.parse(readFileSync(join(SCHEMA_DIR, f), 'utf8')) as Json]));

/** Every object node of a schema with its JSON pointer. */
function* nodes(node: unknown, pointer = ''): Generator<[Json, string]> {
  if (node === null || typeof node !== 'object') return;
  if (!Array.isArray(node)) yield [node as Json, pointer];
  for (const [k, v] of Object.entries(node)) yield* nodes(v, `${pointer}/${k}`);
}

function resolvePointer(doc: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .filter((s) => s !== '')
    .reduce<unknown>((n, s) => (n !== null && typeof n === 'object' ? (n as Json)[s] : undefined), doc);
}

describe('schema files', () => {
  it('has one schema per file kind, each draft 2020-12 with a title', () => {
    for (const file of Object.values(SCHEMA_FILE)) expect(schemaFiles).toContain(file);
    for (const [file, schema] of schemas) {
      expect(schema.$schema, file).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(typeof schema.title, file).toBe('string');
    }
  });

  it('links schemas only by relative file refs that resolve on disk, as an editor reads them', () => {
    for (const [file, schema] of schemas) {
      expect(schema.$id, `${file} must not name a URL an editor would fetch`).toBeUndefined();
      for (const [node, at] of nodes(schema)) {
        if (typeof node.$ref !== 'string') continue;
        const [target = '', pointer = ''] = node.$ref.split('#');
        expect(target, `${file}${at}`).not.toMatch(/^[a-z]+:/);
        const doc = target === '' ? schema : schemas.get(target);
        expect(doc, `${file}${at}: ${node.$ref}`).toBeDefined();
        expect(resolvePointer(doc, pointer), `${file}${at}: ${node.$ref}`).toBeDefined();
      }
    }
  });

  it('gives every key help text for an editor to show on hover', () => {
    const described = (s: unknown): boolean => {
      if (s === false) return true; // a key refused for some field types
      if (s === null || typeof s !== 'object') return false;
      const node = s as Json;
      return typeof node.description === 'string' || typeof node.title === 'string' || typeof node.$ref === 'string';
    };
    for (const [file, schema] of schemas) {
      for (const [node, at] of nodes(schema)) {
        if (/\/(?:if|then)(?:\/|$)/.test(at)) continue;
        const props = node.properties;
        if (!props || typeof props !== 'object') continue;
        for (const [key, sub] of Object.entries(props)) expect(described(sub), `${file}${at}/properties/${key}`).toBe(true);
      }
    }
  });

  it("lists exactly twenty-sdk 2.43.0's enum values", async () => {
    const sdk = (await import('twenty-sdk/define')) as unknown as Record<string, Record<string, string>>;
    const defs = (schemas.get('defs.schema.json')!.$defs ?? {}) as Record<string, Json>;
    const view = schemas.get('view.schema.json')!;
    const enumAt = (doc: unknown, pointer: string): unknown => (resolvePointer(doc, pointer) as Json).enum;
    const sameSet = (ours: unknown, theirs: object): void => expect(new Set(ours as string[])).toEqual(new Set(Object.values(theirs)));
    sameSet(defs.fieldType!.enum, sdk.FieldType!);
    sameSet(defs.relationType!.enum, sdk.RelationType!);
    sameSet(defs.onDeleteAction!.enum, sdk.OnDeleteAction!);
    sameSet(defs.aggregateOperation!.enum, sdk.AggregateOperations!);
    sameSet(defs.writability!.enum, sdk.MetadataWritability!);
    sameSet(defs.readability!.enum, sdk.MetadataReadability!);
    sameSet(enumAt(view, '/properties/type'), sdk.ViewType!);
    sameSet(enumAt(view, '/properties/visibility'), sdk.ViewVisibility!);
    sameSet(enumAt(view, '/properties/openRecordIn'), sdk.ViewOpenRecordIn!);
    sameSet(enumAt(view, '/properties/calendarLayout'), sdk.ViewCalendarLayout!);
    sameSet(enumAt(view, '/$defs/viewFilter/properties/operand'), sdk.ViewFilterOperand!);
    sameSet(enumAt(view, '/$defs/viewSort/properties/direction'), sdk.ViewSortDirection!);
    sameSet(enumAt(view, '/$defs/viewFilterGroup/properties/logicalOperator'), sdk.ViewFilterGroupLogicalOperator!);
    sameSet(enumAt(schemas.get('object.schema.json'), '/properties/openRecordIn'), sdk.ObjectOpenRecordIn!);
    // TAG_COLORS is a type-level constant only: read it from the SDK's declarations.
    const dts = readFileSync(join(ROOT, 'node_modules/twenty-sdk/dist/define/index.d.ts'), 'utf8');
    const colours = /TAG_COLORS: readonly \[([^\]]+)\]/
      .exec(dts)![1]!
      .match(/"([a-z]+)"/g)!
      .map((c) => c.slice(1, -1));
    expect(defs.tagColor!.enum).toEqual(colours);
  });

  it('compiles every kind once and shares the compiled validators', () => {
    const registry = schemaRegistry();
    for (const kind of Object.keys(SCHEMA_FILE) as Array<keyof typeof SCHEMA_FILE>) {
      expect(registry.validator(kind)).toBe(schemaRegistry().validator(kind));
    }
  });
});

describe("the repository's pack files", () => {
  const packFiles = (): string[] => {
    const out = ['pack.yaml'];
    const walk = (dir: string): void => {
      if (!existsSync(dir)) return;
      for (const name of readdirSync(dir)) {
        const full = join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else out.push(relative(ROOT, full));
      }
    };
    for (const { folder } of FOLDERS) walk(join(ROOT, folder));
    walk(join(ROOT, 'test', 'fixtures'));
    return out.filter((f) => /\.(ya?ml|hbs)$/.test(f));
  };

  it('name, in their $schema line, a schema that exists and fits their kind', () => {
    let checked = 0;
    for (const file of packFiles()) {
      const line = /^#\s*yaml-language-server:\s*\$schema=(\S+)/m.exec(readFileSync(join(ROOT, file), 'utf8'));
      if (!line) continue;
      checked++;
      const target = resolve(dirname(join(ROOT, file)), line[1]!);
      expect(existsSync(target), `${file}: ${line[1]}`).toBe(true);
      const folder = FOLDERS.find((f) => file.endsWith(f.suffix));
      const expected = file.endsWith('pack.yaml') ? SCHEMA_FILE.manifest : folder ? SCHEMA_FILE[folder.kind] : undefined;
      if (expected) expect(target, file).toBe(join(SCHEMA_DIR, expected));
    }
    expect(checked).toBeGreaterThan(3);
  });

  it('meet their schemas', async () => {
    const { problems, files } = await validatePack(ROOT);
    expect(files.length).toBeGreaterThan(3);
    expect(problems.filter((p) => p.rule === 'schema' || p.rule === 'syntax' || p.rule === 'file')).toEqual([]);
  });
});
