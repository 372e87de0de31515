// The text of each scaffolded file: the SDK's key names, fresh UUIDs, the `$schema`
// line for editors, and comments that say what to edit next. Pure: no I/O.
import type { FieldType } from '../pack/index.ts';
import { humanize, pluralize, toKebab } from './names.ts';

export interface RenderContext {
  /** A fresh UUID v4 on each call. */
  uuid(): string;
  /** The `$schema` path for a schema file, as seen from the folder of `relPath`. */
  schemaRef(schemaFile: string, relPath: string): string;
  /** The pack's default locale (pack.yaml), for templates. */
  defaultLocale: string;
}

export interface Rendered {
  /** Relative to the pack root, with forward slashes. */
  relPath: string;
  text: string;
}

const header = (ctx: RenderContext, schemaFile: string, relPath: string): string =>
  `# yaml-language-server: $schema=${ctx.schemaRef(schemaFile, relPath)}\n`;

export function renderObject(ctx: RenderContext, nameSingular: string): Rendered {
  const relPath = `objects/${toKebab(nameSingular)}.object.yaml`;
  const nameField = ctx.uuid();
  const label = humanize(nameSingular);
  const text = `${header(ctx, 'object.schema.json', relPath)}# ${label}: say here what one record is. Labels are in the pack's default locale;
# other locales go in \`translations\`. Never change a universalIdentifier once deployed.
universalIdentifier: ${ctx.uuid()}
nameSingular: ${nameSingular}
namePlural: ${pluralize(nameSingular)}
labelSingular: ${label}
labelPlural: ${humanize(pluralize(nameSingular))}
icon: IconBox
labelIdentifierFieldMetadataUniversalIdentifier: ${nameField}
fields:
  - universalIdentifier: ${nameField}
    name: name
    type: TEXT
    label: Name
    icon: IconAbc
`;
  return { relPath, text };
}

export function renderField(ctx: RenderContext, name: string, object: { ref: string; apiName: string }, type: FieldType): Rendered {
  const relPath = `fields/${toKebab(object.apiName)}-${toKebab(name)}.field.yaml`;
  const options =
    type === 'SELECT' || type === 'MULTI_SELECT'
      ? `options:
  - { value: OPTION_ONE, label: Option one, color: blue, position: 0 }
  - { value: OPTION_TWO, label: Option two, color: green, position: 1 }
`
      : '';
  const text = `${header(ctx, 'field.schema.json', relPath)}# A field added to ${object.ref}.
objectUniversalIdentifier: ${object.ref}
universalIdentifier: ${ctx.uuid()}
name: ${name}
type: ${type}
label: ${humanize(name)}
${options}`;
  return { relPath, text };
}

export function renderView(ctx: RenderContext, slug: string, objectRef: string, columns: readonly string[]): Rendered {
  const relPath = `views/${slug}.view.yaml`;
  const fields =
    columns.length > 0
      ? `fields:\n${columns.map((c, i) => `  - { fieldMetadataUniversalIdentifier: ${c}, position: ${i} }`).join('\n')}\n`
      : `# Columns in order, by field name: - { fieldMetadataUniversalIdentifier: name, position: 0 }\nfields: []\n`;
  const text = `${header(ctx, 'view.schema.json', relPath)}universalIdentifier: ${ctx.uuid()}
name: ${humanize(slug.replace(/-/g, ' '))}
objectUniversalIdentifier: ${objectRef}
type: TABLE
icon: IconTable
${fields}`;
  return { relPath, text };
}

export function renderWorkflow(ctx: RenderContext, slug: string): Rendered {
  const relPath = `workflows/${slug}.workflow.yaml`;
  const text = `${header(ctx, 'workflow.schema.json', relPath)}universalIdentifier: ${ctx.uuid()}
name: ${humanize(slug.replace(/-/g, ' '))}
description: Say here what starts this workflow and what it does.
trigger:
  type: MANUAL
# Steps in order; each has a stable id that later steps refer to (docs/workflows.md).
steps:
  - id: createTask
    name: Create a task
    type: CREATE_RECORD
    object: task
    set:
      title: Follow up
`;
  return { relPath, text };
}

export function renderTemplate(ctx: RenderContext, slug: string, objectRef: string): Rendered {
  const relPath = `templates/letters/${slug}.hbs`;
  const text = `---
${header(ctx, 'template.schema.json', relPath)}description: ${humanize(slug.replace(/-/g, ' '))}
object: ${objectRef}
locale: ${ctx.defaultLocale}
paper: A4
fields: []
---
{{!-- The letter's body: HTML with Handlebars. List in \`fields\` every field it reads. --}}
<p></p>
`;
  return { relPath, text };
}

/** A role that may read one object (the pack's first, or `objectRef`) and nothing else yet. */
export function renderRole(ctx: RenderContext, slug: string, objectRef: string): Rendered {
  const relPath = `roles/${slug}.role.yaml`;
  const text = `${header(ctx, 'role.schema.json', relPath)}# ${humanize(slug.replace(/-/g, ' '))}: say here who holds this role and why (docs/roles.md).
# Least privilege: nothing is allowed unless listed. Field permissions can only restrict.
universalIdentifier: ${ctx.uuid()}
label: ${humanize(slug.replace(/-/g, ' '))}
description: Say here what this role may see and change.
icon: IconUserShield
canReadAllObjectRecords: false
canUpdateAllObjectRecords: false
canSoftDeleteAllObjectRecords: false
canDestroyAllObjectRecords: false
canBeAssignedToUsers: true
canBeAssignedToApiKeys: false
objectPermissions:
  - objectUniversalIdentifier: ${objectRef}
    canReadObjectRecords: true
    canUpdateObjectRecords: false
fieldPermissions: []
`;
  return { relPath, text };
}
