// `bankpack new`: write one new pack file with fresh UUIDs, never over an existing one.
// Problems are returned as values: code 2 for a request that cannot be met as asked,
// code 1 when the file is already there.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { defaultLocaleOf, loadFiles, type FieldType, schemaRegistry, SCHEMA_DIR } from '../pack/index.ts';
import { validatePack } from '../validate/index.ts';
import { toApiName, toKebab } from './names.ts';
import {
  renderField,
  renderObject,
  renderRole,
  renderTemplate,
  renderView,
  renderWorkflow,
  type RenderContext,
  type Rendered,
} from './render.ts';

export const SCAFFOLD_KINDS = ['object', 'field', 'view', 'workflow', 'template', 'role'] as const;
export type ScaffoldKind = (typeof SCAFFOLD_KINDS)[number];

export interface ScaffoldRequest {
  kind: ScaffoldKind;
  name: string;
  /** The pack folder. */
  dir: string;
  /** The object a field, view or template belongs to. */
  object?: string;
  /** A field's type (TEXT when absent). */
  type?: string;
}

export type ScaffoldResult = { ok: true; relPath: string } | { ok: false; code: 1 | 2; message: string; hint?: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function scaffold(req: ScaffoldRequest): Promise<ScaffoldResult> {
  const usage = (message: string, hint?: string): ScaffoldResult => ({ ok: false, code: 2, message, ...(hint ? { hint } : {}) });
  const pack = await readPack(req.dir);
  const ctx: RenderContext = {
    uuid: randomUUID,
    defaultLocale: pack.defaultLocale,
    schemaRef: (schemaFile, relPath) => schemaRef(req.dir, schemaFile, relPath),
  };

  let rendered: Rendered;
  if (req.kind === 'object' || req.kind === 'field') {
    const name = toApiName(req.name);
    if (!name)
      return usage(`"${req.name}" cannot be an API name`, 'use English words or camelCase, e.g. intelLead; the label can be Chinese');
    if (req.kind === 'object') rendered = renderObject(ctx, name);
    else {
      if (!req.object) return usage('a field needs --object: the object it is added to', 'e.g. --object company, or --object intelLead');
      const object = resolveObject(req.object, pack.objects);
      if ('error' in object) return usage(object.error);
      const type = (req.type ?? 'TEXT').toUpperCase();
      if (!fieldTypes().includes(type)) return usage(`"${req.type}" is not a field type`, `use one of: ${fieldTypes().join(', ')}`);
      if (type === 'RELATION' || type === 'MORPH_RELATION') {
        return usage('relations have two sides that point at each other: write them by hand', 'see "Relations" in README.md');
      }
      rendered = renderField(ctx, name, object, type as FieldType);
    }
  } else {
    const slug = toKebab(toApiName(req.name) ?? '');
    if (slug === '') return usage(`"${req.name}" cannot be a file name`, 'use English words, e.g. leads-by-stage');
    if (req.kind === 'workflow') rendered = renderWorkflow(ctx, slug);
    else if (req.kind === 'role') {
      const object = req.object
        ? resolveObject(req.object, pack.objects)
        : { ref: pack.objects[0]?.nameSingular ?? 'standard:company', apiName: '' };
      if ('error' in object) return usage(object.error);
      rendered = renderRole(ctx, slug, object.ref);
    } else {
      if (req.kind === 'view' && !req.object)
        return usage('a view needs --object: the object whose records it shows', 'e.g. --object intelLead');
      const object = resolveObject(req.object ?? 'standard:person', pack.objects);
      if ('error' in object) return usage(object.error);
      rendered =
        req.kind === 'view'
          ? renderView(ctx, slug, object.ref, pack.objects.find((o) => o.nameSingular === object.ref)?.fieldNames.slice(0, 5) ?? [])
          : renderTemplate(ctx, slug, object.ref);
    }
  }

  const target = join(req.dir, rendered.relPath);
  await mkdir(dirname(target), { recursive: true });
  try {
    await writeFile(target, rendered.text, { flag: 'wx' }); // wx: fail rather than overwrite
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
      return { ok: false, code: 1, message: `${rendered.relPath} already exists`, hint: 'choose another name, or edit that file' };
    }
    return { ok: false, code: 1, message: `could not write ${rendered.relPath}: ${(e as Error).message}` };
  }
  // `new` refuses what `validate` refuses, in validate's words: the file is checked with the
  // whole pack, and taken back if the pack's rules refuse it (a name Twenty reserves, …).
  const refused = (await validatePack(req.dir)).problems.find((p) => p.severity === 'error' && p.file === rendered.relPath);
  if (refused) {
    await rm(target, { force: true });
    return { ok: false, code: 2, message: refused.message, ...(refused.hint ? { hint: refused.hint } : {}) };
  }
  return { ok: true, relPath: rendered.relPath };
}

interface PackObjectSummary {
  nameSingular: string;
  universalIdentifier: string;
  fieldNames: string[];
}

async function readPack(dir: string): Promise<{ defaultLocale: string; objects: PackObjectSummary[] }> {
  const { files } = await loadFiles(dir);
  const manifest = files.find((f) => f.kind === 'manifest')?.data as Record<string, unknown> | undefined;
  const objects = files
    .filter((f) => f.kind === 'object')
    .map((f) => f.data as Record<string, unknown>)
    .map((d) => ({
      nameSingular: String(d.nameSingular ?? ''),
      universalIdentifier: String(d.universalIdentifier ?? ''),
      fieldNames: (Array.isArray(d.fields) ? (d.fields as unknown[]) : [])
        .map((f) => (f !== null && typeof f === 'object' ? (f as Record<string, unknown>).name : undefined))
        .filter((n): n is string => typeof n === 'string'),
    }));
  return { defaultLocale: defaultLocaleOf(manifest), objects };
}

/** `company` → standard:company unless the pack has an object of that name; `standard:x` and UUIDs as given. */
function resolveObject(input: string, objects: readonly PackObjectSummary[]): { ref: string; apiName: string } | { error: string } {
  if (input.startsWith('standard:')) {
    const apiName = toApiName(input.slice('standard:'.length));
    return apiName ? { ref: `standard:${apiName}`, apiName } : { error: `"${input}" is not a standard object name` };
  }
  if (UUID.test(input)) {
    const found = objects.find((o) => o.universalIdentifier.toLowerCase() === input.toLowerCase());
    return found
      ? { ref: input, apiName: found.nameSingular }
      : { error: `no object of the pack has the UUID ${input}: give the object by name` };
  }
  const apiName = toApiName(input);
  if (!apiName) return { error: `"${input}" is not an object name` };
  return objects.some((o) => o.nameSingular === apiName) ? { ref: apiName, apiName } : { ref: `standard:${apiName}`, apiName };
}

function fieldTypes(): string[] {
  const def = schemaRegistry().resolveRef('defs.schema.json#/$defs/fieldType', 'defs.schema.json');
  return typeof def === 'object' && Array.isArray(def.enum) ? def.enum.map(String) : [];
}

/** The pack's own schemas/ when it has them (this repository), else the installed ones. */
function schemaRef(dir: string, schemaFile: string, relPath: string): string {
  const local = join(dir, 'schemas', schemaFile);
  const schema = existsSync(local) ? local : join(SCHEMA_DIR, schemaFile);
  return relative(dirname(join(dir, relPath)), schema)
    .split(sep)
    .join('/');
}
