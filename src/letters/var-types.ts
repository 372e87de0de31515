// What a template variable can be, as the static check sees it, and how a path
// (`company.relationshipManager.name`) is followed through the catalogue. `select`
// is the path below the recipient record, for the query that fetches it.
import { didYouMean } from '../pack/index.ts';
import { COMPOSITE_SUBFIELDS, type Catalogue, type CatalogueField } from './catalogue.ts';

export type VarType =
  | { kind: 'record'; object: string; select?: string[] }
  | { kind: 'list'; of: VarType; select?: string[] }
  | { kind: 'composite'; field: CatalogueField; fieldKey: string; select?: string[] }
  | { kind: 'value'; field?: CatalogueField; fieldKey?: string; select?: string[]; what: string }
  | { kind: 'struct'; what: string; members: Record<string, VarType>; hint?: string }
  | { kind: 'any' };

export type Resolved = { ok: true; type: VarType } | { ok: false; message: string; hint?: string; at: number };

const LIST_MEMBERS = new Set(['length']);

/** The type of a field of `object`, with `select` extended by the field's name. */
export function fieldType(catalogue: Catalogue, object: string, field: CatalogueField, select: string[] | undefined): VarType {
  const path = select ? [...select, field.name] : undefined;
  const fieldKey = `${object}.${field.name}`;
  if (field.type === 'RELATION' && field.relation) {
    const record: VarType = { kind: 'record', object: field.relation.target, ...(path ? { select: path } : {}) };
    return field.relation.type === 'ONE_TO_MANY' ? { kind: 'list', of: record, ...(path ? { select: path } : {}) } : record;
  }
  if (COMPOSITE_SUBFIELDS[field.type]) return { kind: 'composite', field, fieldKey, ...(path ? { select: path } : {}) };
  if (field.type === 'MULTI_SELECT' || field.type === 'ARRAY') {
    return { kind: 'list', of: { kind: 'value', field, fieldKey, what: `a ${field.type} item` }, ...(path ? { select: path } : {}) };
  }
  if (field.type === 'RAW_JSON') return { kind: 'any' };
  return { kind: 'value', field, fieldKey, what: `a ${field.type} field`, ...(path ? { select: path } : {}) };
}

/** Follow `parts` from `start`; on failure, which part failed and a did-you-mean. */
export function resolveParts(catalogue: Catalogue, start: VarType, parts: readonly string[]): Resolved {
  let type = start;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const shown = parts.slice(0, i).join('.');
    switch (type.kind) {
      case 'any':
        return { ok: true, type };
      case 'record': {
        const object = catalogue.objects.get(type.object);
        if (!object) return { ok: true, type: { kind: 'any' } };
        const field = object.fields.get(part);
        if (!field) {
          const hint = didYouMean(part, object.fields.keys());
          return {
            ok: false,
            at: i,
            message: `\`${part}\` is not a field of ${type.object}${shown && shown !== type.object ? ` (${shown})` : ''}`,
            ...(hint ? { hint } : {}),
          };
        }
        type = fieldType(catalogue, type.object, field, type.select);
        break;
      }
      case 'list':
        if (/^\d+$/.test(part)) type = type.of;
        else if (LIST_MEMBERS.has(part)) type = { kind: 'value', what: 'a count' };
        else
          return {
            ok: false,
            at: i,
            message: `\`${shown}\` is a list; \`${part}\` is not one of its members`,
            hint: `loop over it with {{#each ${shown}}}…{{/each}}`,
          };
        break;
      case 'composite': {
        const subs = COMPOSITE_SUBFIELDS[type.field.type] ?? [];
        if (!subs.includes(part)) {
          const hint = didYouMean(part, subs);
          return {
            ok: false,
            at: i,
            message: `\`${part}\` is not part of ${shown} (a ${type.field.type}: ${subs.join(', ')})`,
            ...(hint ? { hint } : {}),
          };
        }
        type = {
          kind: 'value',
          field: type.field,
          fieldKey: type.fieldKey,
          what: `part of a ${type.field.type}`,
          ...(type.select ? { select: [...type.select, part] } : {}),
        };
        break;
      }
      case 'value':
        return { ok: false, at: i, message: `\`${shown}\` is ${type.what}: it has no \`${part}\`` };
      case 'struct': {
        const member = type.members[part];
        if (!member) {
          const hint = didYouMean(part, Object.keys(type.members)) ?? type.hint;
          return {
            ok: false,
            at: i,
            message: `\`${part}\` is not known in ${type.what}`,
            ...(hint ? { hint } : { hint: `known here: ${Object.keys(type.members).join(', ')}` }),
          };
        }
        type = member;
        break;
      }
    }
  }
  return { ok: true, type };
}

/** The bank's details and e-mail addresses of settings/bank.yaml, as `{{bank.…}}` and `{{email.…}}`. */
export const SETTINGS_MEMBERS = {
  bank: ['name', 'shortName', 'nameEn', 'department', 'departmentEn', 'hotline', 'address', 'addressEn', 'postcode', 'website'],
  email: ['from', 'replyTo'],
} as const;

function settingsMembers(settingsKnown: boolean): Record<string, VarType> {
  const out: Record<string, VarType> = {};
  for (const [group, keys] of Object.entries(SETTINGS_MEMBERS)) {
    const members: Record<string, VarType> = {};
    if (settingsKnown) for (const k of keys) members[k] = { kind: 'value', what: `${group}.${k} of settings/bank.yaml` };
    out[group] = settingsKnown
      ? { kind: 'struct', what: `${group} (settings/bank.yaml)`, members }
      : {
          kind: 'struct',
          what: `${group}: the pack has no valid settings/bank.yaml`,
          members,
          hint: 'add settings/bank.yaml (schemas/settings.schema.json), or fix its problems',
        };
  }
  return out;
}

/** The variables every template has besides its record (see docs/letters.md). */
export function rootType(recordName: string, object: string, extra: Record<string, VarType> = {}, settingsKnown = true): VarType {
  const text = (what: string): VarType => ({ kind: 'value', what });
  return {
    kind: 'struct',
    what: 'the template (its record and the built-in variables)',
    members: {
      [recordName]: { kind: 'record', object, select: [] },
      today: text('the date of the run'),
      campaign: text('the campaign name'),
      recipient: { kind: 'struct', what: 'recipient', members: { name: text('the recipient name'), email: text('the recipient address') } },
      unsubscribe: {
        kind: 'struct',
        what: 'unsubscribe',
        members: { url: text('the unsubscribe link'), mailto: text('the unsubscribe address') },
      },
      template: {
        kind: 'struct',
        what: 'template',
        members: { id: text('the template id'), description: text('the template description') },
      },
      confidential: text('true for a letter with `confidential: true`'),
      ...settingsMembers(settingsKnown),
      ...extra,
    },
  };
}

/** What layouts have in addition: the rendered body and the page settings. */
export const LAYOUT_MEMBERS: Record<string, VarType> = {
  body: { kind: 'value', what: 'the rendered body' },
  title: { kind: 'value', what: 'the title (the subject, else the template name)' },
  subject: { kind: 'value', what: 'the subject' },
  paper: { kind: 'value', what: 'the paper size' },
  lang: { kind: 'value', what: 'the language' },
};
