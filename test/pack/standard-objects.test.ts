import { readFileSync } from 'node:fs';
import { STANDARD_OBJECT } from 'twenty-sdk/define';
import { describe, expect, it } from 'vitest';
import { buildStandardCatalogue, renderCatalogueJson, type SdkStandardObjects } from '../../src/pack/standard/build-catalogue.ts';
import { field, manyToOne, type HandObject } from '../../src/pack/standard/field-info/define.ts';
import { STANDARD_FIELD_INFO, SYSTEM_FIELDS } from '../../src/pack/standard/field-info/index.ts';
import {
  CUSTOM_OBJECT_DEFAULT_FIELDS,
  customObjectInverseFieldName,
  findStandardField,
  findStandardObject,
  findStandardObjectUsingName,
  STANDARD_OBJECTS,
  standardFieldNames,
  type StandardField,
  type StandardObject,
} from '../../src/pack/standard/index.ts';

const GENERATED = new URL('../../src/pack/standard/standard-objects.generated.json', import.meta.url);

function object(name: string): StandardObject {
  const found = findStandardObject(name);
  if (!found) throw new Error(`no standard object ${name}`);
  return found;
}
function fieldOf(objectName: string, fieldName: string): StandardField {
  const found = findStandardField(object(objectName), fieldName);
  if (!found) throw new Error(`no field ${objectName}.${fieldName}`);
  return found;
}

describe('the committed catalogue', () => {
  it('is exactly what the generator produces from the installed twenty-sdk (regenerate after an upgrade)', () => {
    const build = buildStandardCatalogue(STANDARD_OBJECT, STANDARD_FIELD_INFO, SYSTEM_FIELDS);
    expect(build.errors).toEqual([]);
    expect(readFileSync(GENERATED, 'utf8')).toBe(renderCatalogueJson(build.objects));
  });

  it('lists every object of the SDK constant, with its universal identifiers', () => {
    const sdk: SdkStandardObjects = STANDARD_OBJECT;
    expect(STANDARD_OBJECTS.map((o) => o.nameSingular).sort()).toEqual(Object.keys(sdk).sort());
    expect(object('company').universalIdentifier).toBe(sdk.company?.universalIdentifier);
    expect(fieldOf('person', 'emails').universalIdentifier).toBe(sdk.person?.fields.emails?.universalIdentifier);
  });

  it('types every field of the objects jobs, letters and workflows use', () => {
    const full = [
      'company',
      'person',
      'opportunity',
      'note',
      'task',
      'noteTarget',
      'taskTarget',
      'attachment',
      'timelineActivity',
      'workspaceMember',
      'workflow',
      'workflowVersion',
      'workflowRun',
      'workflowAutomatedTrigger',
    ];
    for (const name of full) expect(object(name).untypedFieldNames, name).toBeUndefined();
  });

  it('gives every object the system fields the SDK lists for it', () => {
    const expected: Record<string, string> = {
      id: 'UUID',
      createdAt: 'DATE_TIME',
      updatedAt: 'DATE_TIME',
      deletedAt: 'DATE_TIME',
      createdBy: 'ACTOR',
      updatedBy: 'ACTOR',
      position: 'POSITION',
      searchVector: 'TS_VECTOR',
    };
    for (const o of STANDARD_OBJECTS) {
      for (const [name, type] of Object.entries(expected)) {
        const sdkHasIt = STANDARD_OBJECT[o.nameSingular as keyof typeof STANDARD_OBJECT].fields[name as 'id'] !== undefined;
        if (sdkHasIt) expect(findStandardField(o, name)?.type, `${o.nameSingular}.${name}`).toBe(type);
      }
    }
  });

  it('links each typed relation to an inverse that points back', () => {
    for (const o of STANDARD_OBJECTS) {
      for (const f of o.fields) {
        if (!f.relation) continue;
        const target = findStandardObject(f.relation.targetObject);
        expect(target, `${o.nameSingular}.${f.name} target`).toBeDefined();
        const inverse = target && findStandardField(target, f.relation.targetField);
        if (!inverse) continue; // the inverse sits on an object whose fields are not typed yet
        expect(inverse.relation?.targetObject, `${o.nameSingular}.${f.name} inverse`).toBe(o.nameSingular);
        expect(inverse.relation?.targetField, `${o.nameSingular}.${f.name} inverse`).toBe(f.name);
        expect(inverse.relation?.type, `${o.nameSingular}.${f.name} inverse`).not.toBe(f.relation.type);
      }
    }
  });

  it('has no two standard objects sharing a singular or plural name', () => {
    const names = STANDARD_OBJECTS.flatMap((o) => [o.nameSingular, o.namePlural]);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('field facts the jobs and letters rely on', () => {
  it('describes a person', () => {
    expect(fieldOf('person', 'name').type).toBe('FULL_NAME');
    expect(fieldOf('person', 'emails').type).toBe('EMAILS');
    expect(fieldOf('person', 'phones').type).toBe('PHONES');
    expect(fieldOf('person', 'company').relation).toEqual({ type: 'MANY_TO_ONE', targetObject: 'company', targetField: 'people' });
    // twenty-sdk 2.43.0 has no person.city.
    expect(standardFieldNames(object('person'))).not.toContain('city');
  });

  it('describes a company', () => {
    expect(fieldOf('company', 'name').type).toBe('TEXT');
    expect(fieldOf('company', 'address').type).toBe('ADDRESS');
    expect(fieldOf('company', 'annualRevenue').type).toBe('CURRENCY');
    expect(standardFieldNames(object('company'))).not.toContain('employees');
    expect(fieldOf('company', 'accountOwner').relation).toEqual({
      type: 'MANY_TO_ONE',
      targetObject: 'workspaceMember',
      targetField: 'accountOwnerForCompanies',
    });
    expect(object('company').labelIdentifierFieldName).toBe('name');
  });

  it('describes tasks and notes', () => {
    expect(fieldOf('task', 'status').options?.map((o) => o.value)).toEqual(['TODO', 'IN_PROGRESS', 'DONE']);
    expect(fieldOf('task', 'dueAt').type).toBe('DATE_TIME');
    expect(fieldOf('task', 'assignee').relation?.targetObject).toBe('workspaceMember');
    expect(fieldOf('task', 'bodyV2').type).toBe('RICH_TEXT');
    expect(fieldOf('note', 'bodyV2').type).toBe('RICH_TEXT');
    expect(fieldOf('noteTarget', 'targetCompany')).toMatchObject({
      type: 'MORPH_RELATION',
      relation: { type: 'MANY_TO_ONE', targetObject: 'company' },
    });
  });

  it('describes opportunity stages and workspace members', () => {
    expect(fieldOf('opportunity', 'stage')).toMatchObject({ type: 'SELECT', isNullable: false, defaultValue: "'NEW'" });
    expect(fieldOf('opportunity', 'stage').options?.map((o) => [o.value, o.position])).toEqual([
      ['NEW', 0],
      ['SCREENING', 1],
      ['MEETING', 2],
      ['PROPOSAL', 3],
      ['CUSTOMER', 4],
    ]);
    expect(fieldOf('workspaceMember', 'name').type).toBe('FULL_NAME');
    expect(fieldOf('workspaceMember', 'userEmail').type).toBe('TEXT');
    expect(object('workspaceMember').isSystem).toBe(true);
  });
});

describe('lookups', () => {
  it('finds an object by nameSingular, universal identifier (any case) or standard: reference', () => {
    const company = object('company');
    expect(findStandardObject(company.universalIdentifier)).toBe(company);
    expect(findStandardObject(company.universalIdentifier.toUpperCase())).toBe(company);
    expect(findStandardObject('standard:company')).toBe(company);
    expect(findStandardObject('companies')).toBeUndefined();
    expect(findStandardObject('intelLead')).toBeUndefined();
  });

  it('reports the standard object a custom object name would clash with, singular or plural', () => {
    expect(findStandardObjectUsingName('people')?.nameSingular).toBe('person');
    expect(findStandardObjectUsingName('workspaceMember')?.nameSingular).toBe('workspaceMember');
    expect(findStandardObjectUsingName('intelLeads')).toBeUndefined();
  });

  it('finds a field by name or universal identifier', () => {
    const stage = fieldOf('opportunity', 'stage');
    expect(findStandardField(object('opportunity'), stage.universalIdentifier)).toBe(stage);
    expect(findStandardField(object('opportunity'), 'nope')).toBeUndefined();
  });

  it('keeps the names of fields it cannot type yet, so they still count as taken', () => {
    const message = object('message');
    expect(findStandardField(message, 'subject')).toBeUndefined();
    expect(standardFieldNames(message)).toContain('subject');
  });
});

describe('custom object defaults', () => {
  it('lists the fields Twenty adds to a new custom object, relations towards real standard objects', () => {
    expect(CUSTOM_OBJECT_DEFAULT_FIELDS.map((f) => f.name)).toEqual([
      'id',
      'name',
      'createdAt',
      'updatedAt',
      'deletedAt',
      'createdBy',
      'updatedBy',
      'position',
      'searchVector',
      'timelineActivities',
      'attachments',
      'noteTargets',
      'taskTargets',
    ]);
    for (const f of CUSTOM_OBJECT_DEFAULT_FIELDS) {
      if (f.relation) expect(findStandardObject(f.relation.targetObject), f.name).toBeDefined();
    }
    expect(customObjectInverseFieldName('intelLead')).toBe('targetIntelLead');
  });
});

describe('the generator refuses a table that disagrees with the SDK', () => {
  const sdk: SdkStandardObjects = {
    widget: {
      universalIdentifier: 'w-1',
      fields: { id: { universalIdentifier: 'f-1' }, name: { universalIdentifier: 'f-2' }, colour: { universalIdentifier: 'f-3' } },
    },
  };
  const widget: HandObject = {
    namePlural: 'widgets',
    labelSingular: 'Widget',
    labelPlural: 'Widgets',
    icon: 'IconBox',
    isSystem: false,
    labelIdentifierFieldName: 'name',
    fields: { name: field('TEXT', 'Name', 'IconAbc') },
  };

  it('builds what it can and lists the SDK fields it cannot type', () => {
    const build = buildStandardCatalogue(sdk, { widget }, SYSTEM_FIELDS);
    expect(build.errors).toEqual([]);
    expect(build.untyped).toEqual(['widget.colour']);
    expect(build.objects[0]?.fields.map((f) => f.name)).toEqual(['id', 'name']);
    expect(build.objects[0]?.untypedFieldNames).toEqual(['colour']);
  });

  it('names a table field, object or relation target the SDK lacks', () => {
    const stale: HandObject = {
      ...widget,
      fields: { ...widget.fields, city: field('TEXT', 'City', 'IconMap'), owner: manyToOne('Owner', 'IconUser', 'gadget', 'widgets') },
    };
    const build = buildStandardCatalogue(sdk, { widget: stale, gizmo: widget }, SYSTEM_FIELDS);
    expect(build.errors.join('\n')).toMatch(/object "gizmo", which twenty-sdk's STANDARD_OBJECT does not have/);
    expect(build.errors.join('\n')).toMatch(/field "widget\.city", which twenty-sdk's STANDARD_OBJECT does not have/);
    expect(build.errors.join('\n')).toMatch(/"widget\.owner" points at object "gadget"/);
  });

  it('names an SDK object the table does not describe', () => {
    const build = buildStandardCatalogue(sdk, {}, SYSTEM_FIELDS);
    expect(build.errors).toEqual([expect.stringMatching(/has object "widget", which the hand table does not describe/)]);
  });
});
