// The pack's JSON Schemas (schemas/*.schema.json), read and compiled once per process.
// Each file is registered in ajv under its file name as `$id`, so the relative `$ref`s
// between them ("defs.schema.json#/$defs/uuid") resolve in ajv exactly as an editor
// resolves them against the files on disk.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import semver from 'semver';
import type { FileKind } from './load-files.ts';

export const SCHEMA_DIR = join(import.meta.dirname, '..', '..', 'schemas');

/** The schema file for each kind of pack file. */
export const SCHEMA_FILE: Readonly<Record<FileKind, string>> = {
  manifest: 'pack.schema.json',
  object: 'object.schema.json',
  field: 'field.schema.json',
  view: 'view.schema.json',
  workflow: 'workflow.schema.json',
  template: 'template.schema.json',
  seed: 'seed.schema.json',
  policy: 'policy.schema.json',
  settings: 'settings.schema.json',
  role: 'role.schema.json',
};

export type JsonSchema = { [key: string]: unknown } | boolean;

export interface SchemaRegistry {
  validator(kind: FileKind): ValidateFunction;
  /** The raw schema a `$ref` points at, resolved from the file `base` it is written in. */
  resolveRef(ref: string, base: string): JsonSchema | undefined;
  /** The schema file a (sub)schema object was read from, for resolving its relative refs. */
  fileOf(schema: object): string | undefined;
}

let registry: SchemaRegistry | undefined;

/** The compiled schemas; compiled on first use, then shared by every call. */
export function schemaRegistry(): SchemaRegistry {
  registry ??= buildRegistry();
  return registry;
}

// ajv-formats is CommonJS; under ESM its default export is the plugin itself or wraps it.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;

function buildRegistry(): SchemaRegistry {
  const raw = new Map<string, { [key: string]: unknown }>();
  for (const name of readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.schema.json'))) {
    raw.set(name, JSON.parse(readFileSync(join(SCHEMA_DIR, name), 'utf8')) as { [key: string]: unknown });
  }
  const owner = new WeakMap<object, string>();
  for (const [name, schema] of raw) markOwner(schema, name, owner);

  // allErrors: report every mistake in a file, not only the first. verbose: errors carry
  // their schema and data, which the translation into plain words needs.
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictTypes: false, strictTuples: false, strictRequired: false });
  addFormats(ajv);
  ajv.addFormat('semver-range', { type: 'string', validate: (s: string) => semver.validRange(s) !== null });
  for (const [name, schema] of raw) {
    const withId = { ...schema, $id: name };
    owner.set(withId, name);
    ajv.addSchema(withId);
  }
  const compiled = new Map<FileKind, ValidateFunction>();
  for (const [kind, file] of Object.entries(SCHEMA_FILE) as Array<[FileKind, string]>) {
    const validate = ajv.getSchema(file);
    if (!validate) throw new Error(`schema ${file} is missing from ${SCHEMA_DIR}`);
    compiled.set(kind, validate);
  }

  return {
    validator: (kind) => compiled.get(kind)!,
    fileOf: (schema) => owner.get(schema),
    resolveRef(ref, base) {
      const [filePart, pointer = ''] = ref.split('#', 2);
      const file = filePart === '' || filePart === undefined ? base : filePart;
      let node: unknown = raw.get(file);
      for (const seg of pointer.split('/').filter((s) => s !== '')) {
        const key = decodeURIComponent(seg).replace(/~1/g, '/').replace(/~0/g, '~');
        node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
      }
      return node === undefined ? undefined : (node as JsonSchema);
    },
  };
}

function markOwner(node: unknown, file: string, owner: WeakMap<object, string>): void {
  if (node === null || typeof node !== 'object') return;
  owner.set(node, file);
  for (const child of Array.isArray(node) ? node : Object.values(node)) markOwner(child, file, owner);
}
