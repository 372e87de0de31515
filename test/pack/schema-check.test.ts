// The schema layer as a person editing YAML meets it: one plain message per mistake,
// at the key or the value that is wrong, with a hint where a fix is known.
import { describe, expect, it } from 'vitest';
import type { FileKind, PackFile } from '../../src/pack/load-files.ts';
import { resolveProblem } from '../../src/pack/load-files.ts';
import { formatProblem } from '../../src/pack/problems.ts';
import { checkFileSchema } from '../../src/pack/schema-check.ts';
import { parseYaml } from '../../src/pack/yaml-source.ts';

const OBJECT_HEAD = `universalIdentifier: 1d9d3f52-4f7c-4a0e-9a39-0d3c5a1e7b21
nameSingular: client
namePlural: clients
labelSingular: 客户
labelPlural: 客户库
`;

function fileOf(kind: FileKind, text: string, path = `${kind}s/x.${kind}.yaml`): PackFile {
  const { source, errors } = parseYaml(text);
  if (!source) throw new Error(`test YAML does not parse: ${errors[0]?.message}`);
  return { path, kind, text, data: source.data, locate: source.locate };
}

/** The lines `bankpack validate` would print for this one file's schema problems. */
function lines(kind: FileKind, text: string): string[] {
  const file = fileOf(kind, text, 'f.yaml');
  return checkFileSchema(file).map((p) => formatProblem(resolveProblem(p, new Map([[file.path, file]]))));
}

describe('checkFileSchema', () => {
  it('accepts a complete object with SELECT, CURRENCY and RELATION fields', () => {
    const text = `${OBJECT_HEAD}icon: IconUser
translations: { en: { labelSingular: Client, labelPlural: Clients } }
fields:
  - universalIdentifier: 3f0c1c57-8e4b-4a34-b7a4-3d0c2f5e8a10
    name: tier
    type: SELECT
    label: 等级
    isNullable: false
    defaultValue: "'GOLD'"
    options:
      - { value: GOLD, label: 金卡, color: amber, position: 0, translations: { en: Gold } }
      - { value: BASIC, label: 普通, color: null, position: 1 }
  - universalIdentifier: 52a3a2f1-9f0e-4c55-8f4e-2b7c9d0e1a33
    name: deposits
    type: CURRENCY
    label: 存款
    universalSettings: { format: short, decimals: 2 }
    defaultValue: { amountMicros: null, currencyCode: "'CNY'" }
  - universalIdentifier: 6a0f2c1d-5b3e-4f7a-9c8d-1e2f3a4b5c6d
    name: company
    type: RELATION
    label: 企业
    relationTargetObjectMetadataUniversalIdentifier: standard:company
    relationTargetFieldMetadataUniversalIdentifier: clients
    universalSettings: { relationType: MANY_TO_ONE, onDelete: SET_NULL, joinColumnName: companyId }
`;
    expect(lines('object', text)).toEqual([]);
  });

  it('points at the unknown key itself and suggests the allowed key it resembles', () => {
    expect(lines('object', `${OBJECT_HEAD}iconn: IconUser\n`)).toEqual(['f.yaml:6:1  unknown key "iconn"  (did you mean "icon"?)']);
  });

  it('reports a misspelt required key once, not also as missing', () => {
    const text = `${OBJECT_HEAD}fields:\n  - { universalIdentifier: 3f0c1c57-8e4b-4a34-b7a4-3d0c2f5e8a10, name: a, type: TEXT, lable: A }\n`;
    expect(lines('object', text)).toEqual(['f.yaml:7:87  unknown key "lable"  (did you mean "label"?)']);
  });

  it('says which required keys are missing, at the map that lacks them', () => {
    const text = `universalIdentifier: 1d9d3f52-4f7c-4a0e-9a39-0d3c5a1e7b21\nnameSingular: client\nnamePlural: clients\nlabelSingular: 客户\n`;
    expect(lines('object', text)).toEqual([
      'f.yaml:1:1  missing required key "labelPlural"  (Display name, plural, in the pack\'s default locale.)',
    ]);
  });

  it('names the expected and the actual type at the value, with a fix for quoted numbers', () => {
    const text = `universalIdentifier: 2e7d9a41-3b6c-4d8e-9f0a-1b2c3d4e5f60
name: v
objectUniversalIdentifier: intelLead
position: "3"
isCompact: 1
`;
    expect(lines('view', text)).toEqual([
      'f.yaml:4:11  "position" must be a number, not a string  (write 3 without quotes)',
      'f.yaml:5:12  "isCompact" must be true or false, not a whole number',
    ]);
  });

  it('says limits in words', () => {
    const text =
      'universalIdentifier: 2e7d9a41-3b6c-4d8e-9f0a-1b2c3d4e5f60\nname: v\nobjectUniversalIdentifier: intelLead\nfields:\n  - { fieldMetadataUniversalIdentifier: name, position: 0, size: -5 }\n';
    expect(lines('view', text)).toEqual(['f.yaml:5:66  "size" must be at least 0, not -5']);
  });

  it('reports a wrong type once, not also the checks that only apply to the right type', () => {
    expect(lines('object', `${OBJECT_HEAD}icon: 42\n`)).toEqual([
      'f.yaml:6:7  "icon" must be a string, not a whole number  (put the value in quotes)',
    ]);
  });

  it('names an unknown field type, with a did-you-mean or else the list', () => {
    const text = `${OBJECT_HEAD}fields:
  - { universalIdentifier: 3f0c1c57-8e4b-4a34-b7a4-3d0c2f5e8a10, name: a, label: A, type: NUMBR }
  - { universalIdentifier: 52a3a2f1-9f0e-4c55-8f4e-2b7c9d0e1a33, name: b, label: B, type: MONEY }
`;
    const out = lines('object', text);
    expect(out[0]).toBe('f.yaml:7:91  "NUMBR" is not a field type  (did you mean "NUMBER"?)');
    expect(out[1]).toMatch(/^f\.yaml:8:91 {2}"MONEY" is not a field type {2}\(use one of: ACTOR, ADDRESS, .* UUID\)$/);
    expect(out).toHaveLength(2);
  });

  it('explains a pattern by what it means, not by the regex', () => {
    expect(lines('object', `${OBJECT_HEAD}icon: building\n`)).toEqual([
      'f.yaml:6:7  "icon" must be a Tabler icon name such as IconUser, not "building"  (did you mean "IconBuilding"?)',
    ]);
  });

  it('tells a UUID of a version Twenty refuses apart from text that is no UUID at all', () => {
    expect(
      lines('workflow', 'universalIdentifier: 01890a5d-ac96-774b-bcce-b302099a8057\nname: w\ntrigger: { type: MANUAL }\nsteps: []\n'),
    ).toEqual([
      'f.yaml:1:22  "universalIdentifier" is a UUID of version 7; Twenty accepts versions 1 to 5  (replace it with a fresh one: npx uuid v4)',
    ]);
  });

  it('applies the rules of a field type, and says which type asked for them', () => {
    const text = `${OBJECT_HEAD}fields:
  - universalIdentifier: 3f0c1c57-8e4b-4a34-b7a4-3d0c2f5e8a10
    name: tier
    type: SELECT
    label: 等级
  - universalIdentifier: 52a3a2f1-9f0e-4c55-8f4e-2b7c9d0e1a33
    name: note
    type: TEXT
    label: 备注
    options: [{ value: A, label: A, position: 0 }]
    defaultValue: 5
  - universalIdentifier: 6a0f2c1d-5b3e-4f7a-9c8d-1e2f3a4b5c6d
    name: company
    type: RELATION
    label: 企业
    relationTargetObjectMetadataUniversalIdentifier: standard:company
    relationTargetFieldMetadataUniversalIdentifier: clients
    universalSettings: { relationType: MANY_TO_ONE }
`;
    expect(lines('object', text)).toEqual([
      'f.yaml:7:5  missing required key "options"  (a SELECT field needs at least one option)',
      'f.yaml:15:5  "options" does not apply to a TEXT field  (only SELECT, MULTI_SELECT and RATING fields have options)',
      'f.yaml:16:19  "defaultValue" must be a string, not a whole number  (put the value in quotes)',
      'f.yaml:23:24  missing required key "joinColumnName"  (needed when relationType is MANY_TO_ONE)',
    ]);
  });

  it('collapses a colour that is neither a tag colour nor null into one message', () => {
    const text = `${OBJECT_HEAD}fields:
  - universalIdentifier: 3f0c1c57-8e4b-4a34-b7a4-3d0c2f5e8a10
    name: tier
    type: SELECT
    label: 等级
    options: [{ value: A, label: A, position: 0, color: grey }]
`;
    expect(lines('object', text)).toEqual(['f.yaml:11:57  "grey" is not a Twenty tag colour  (did you mean "gray"?)']);
  });

  it('refuses translation keys that are not locale codes, at the key', () => {
    const text = `${OBJECT_HEAD}translations: { EN: { labelSingular: Client } }\n`;
    expect(lines('object', text)).toEqual(['f.yaml:6:17  "EN" is not a locale code such as zh-CN or en']);
  });

  it('checks pack.yaml: semver version and a Twenty range that semver understands', () => {
    expect(lines('manifest', 'name: p\nversion: 0.1.0\ntwenty: ">=2.40.0 <2.44.0"\ndefaultLocale: zh-CN\n')).toEqual([]);
    expect(lines('manifest', 'name: p\nversion: 0.1\ntwenty: "~2.x || >=3"\ndefaultLocale: zh-CN\n')).toEqual([
      'f.yaml:2:10  "version" must be a string, not a number  (put the value in quotes)',
    ]);
    expect(lines('manifest', 'name: p\nversion: "0.1"\ntwenty: next\ndefaultLocale: zh-CN\n')).toEqual([
      'f.yaml:2:10  "version" must be a semantic version such as 0.1.0, not "0.1"',
      'f.yaml:3:9  "twenty" must be a semver range of Twenty versions such as >=2.40.0 <2.44.0, not "next"',
    ]);
  });

  it('checks workflow triggers and steps by their type (schemas/workflow.schema.json, detailed by the workflow compiler)', () => {
    const text =
      'universalIdentifier: 4c5d6e7f-8a9b-4c0d-9e1f-2a3b4c5d6e7f\nname: w\ntrigger: { type: DATABASE_EVENT, object: intelLead, event: created }\nsteps:\n  - { id: a, type: CREATE_RECORD, object: task, set: { title: x } }\n';
    expect(lines('workflow', text)).toEqual([]);
    expect(lines('workflow', text.replace('set: { title: x }', 'settings: { x: 1 }'))).toEqual([
      'f.yaml:5:5  missing required key "set"  (Field values by field name: a SELECT takes an option value, a relation the related record\'s id, an EMAILS field an address, rich text a string.)',
      'f.yaml:5:49  unknown key "settings"  (allowed keys: type, id, name, retryOnFailure, continueOnFailure, object, set)',
    ]);
  });

  it('never throws, whatever the data', () => {
    const kinds: FileKind[] = ['manifest', 'object', 'field', 'view', 'workflow', 'template', 'seed', 'policy'];
    const weird: unknown[] = [
      {},
      { fields: [null, 1, 'x', [], { type: null }, { type: 'SELECT', options: [null, { color: {} }] }] },
      { ['__proto__']: 1, constructor: 'x', 'a/b~c': { 'd~1': [] }, translations: { '': null } },
      { universalSettings: [], type: 'RELATION', fields: { a: 1 } },
      JSON.parse('{"__proto__": {"polluted": true}, "fields": [{"__proto__": null}]}'),
      { trigger: [], steps: [[]], records: 'x', key: [1, 1], sorts: [{ direction: [] }] },
    ];
    for (const kind of kinds) {
      for (const data of weird) {
        const file: PackFile = { path: 'w.yaml', kind, text: '', data, locate: () => ({ line: 1, col: 1 }) };
        const problems = checkFileSchema(file);
        expect(Array.isArray(problems)).toBe(true);
        for (const p of problems) expect(p.message).not.toMatch(/internal error|undefined|\[object Object\]/);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
