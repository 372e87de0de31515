// Relations: both sides present and agreeing, join columns, onDelete, the inverse of a
// relation to a standard object, unique flags. What `bankpack validate` prints.
import { describe, expect, it } from 'vitest';
import { NAME_FIELD, objectYaml, UID, validateLines } from './rules-fixture.ts';

interface Side {
  uid: string;
  name: string;
  target: string;
  targetField: string;
  settings: string;
  extra?: string;
}
const relation = (s: Side): string =>
  `  - universalIdentifier: ${s.uid}\n    name: ${s.name}\n    type: RELATION\n    label: 关系\n    relationTargetObjectMetadataUniversalIdentifier: ${s.target}\n    relationTargetFieldMetadataUniversalIdentifier: ${s.targetField}\n    universalSettings: ${s.settings}\n${s.extra ?? ''}`;

const MANY = '{ relationType: MANY_TO_ONE, onDelete: SET_NULL, joinColumnName: advisorId }';
const ONE = '{ relationType: ONE_TO_MANY }';
const clientAdvisor = (over: Partial<Side> = {}): string =>
  relation({ uid: UID.clientAdvisor, name: 'advisor', target: 'advisor', targetField: 'clients', settings: MANY, ...over });
const advisorClients = (over: Partial<Side> = {}): string =>
  relation({ uid: UID.advisorClients, name: 'clients', target: UID.client, targetField: UID.clientAdvisor, settings: ONE, ...over });

const pack = (clientFields: string, advisorFields: string, more: Record<string, string> = {}): Record<string, string> => ({
  'objects/client.object.yaml': objectYaml({ uid: UID.client, singular: 'client', plural: 'clients', fields: NAME_FIELD + clientFields }),
  'objects/advisor.object.yaml': objectYaml({
    uid: UID.advisor,
    singular: 'advisor',
    plural: 'advisors',
    labels: ['客户经理', '客户经理库'],
    fields: `  - universalIdentifier: ${UID.advisorName}\n    name: name\n    type: TEXT\n    label: 姓名\n${advisorFields}`,
  }),
  ...more,
});

describe('relations', () => {
  it('accepts a pair that points both ways, written by name on one side and by UUID on the other', async () => {
    expect(await validateLines(pack(clientAdvisor(), advisorClients()))).toEqual([]);
  });

  it('accepts a relation to a standard object whose inverse the pack adds to it', async () => {
    const lines = await validateLines(
      pack(
        clientAdvisor() +
          relation({
            uid: UID.f1,
            name: 'employer',
            target: 'standard:company',
            targetField: UID.companyField,
            settings: '{ relationType: MANY_TO_ONE, joinColumnName: employerId }',
          }),
        advisorClients(),
        {
          'fields/company-clients.field.yaml': `objectUniversalIdentifier: standard:company\nuniversalIdentifier: ${UID.companyField}\nname: bankClients\ntype: RELATION\nlabel: 客户\nrelationTargetObjectMetadataUniversalIdentifier: client\nrelationTargetFieldMetadataUniversalIdentifier: employer\nuniversalSettings: { relationType: ONE_TO_MANY }\n`,
        },
      ),
    );
    expect(lines).toEqual([]);
  });

  it('reports a target field that lives on another object', async () => {
    const lines = await validateLines(pack(clientAdvisor({ targetField: 'client.name' }), advisorClients()));
    expect(lines).toEqual([
      'objects/advisor.object.yaml:16:53  client.advisor does not point back at advisor.clients (it points at client.name)  (in objects/client.object.yaml, set relationTargetObjectMetadataUniversalIdentifier: advisor and relationTargetFieldMetadataUniversalIdentifier: 55fa2a2d-f460-448f-9685-7599e7be98cf)',
      "objects/client.object.yaml:16:53  client.name is on client, not on the relation's target object advisor  (point relationTargetFieldMetadataUniversalIdentifier at a field of advisor)",
    ]);
  });

  it('refuses onDelete and joinColumnName on the ONE_TO_MANY side', async () => {
    const lines = await validateLines(
      pack(clientAdvisor(), advisorClients({ settings: '{ relationType: ONE_TO_MANY, onDelete: CASCADE, joinColumnName: clientId }' })),
    );
    expect(lines).toEqual([
      'objects/advisor.object.yaml:17:63  onDelete applies only to the MANY_TO_ONE side of a relation  (move onDelete to the other side, or remove it)',
      'objects/advisor.object.yaml:17:88  a ONE_TO_MANY field has no join column: the foreign key lives on the other side  (remove joinColumnName (it belongs on the MANY_TO_ONE side))',
    ]);
  });

  it('refuses a unique relation, and a relation whose other side is not a relation', async () => {
    const lines = await validateLines(pack(clientAdvisor({ targetField: 'name', extra: '    isUnique: true\n' }), advisorClients()));
    expect(lines).toEqual([
      'objects/advisor.object.yaml:16:53  client.advisor does not point back at advisor.clients (it points at advisor.name)  (in objects/client.object.yaml, set relationTargetObjectMetadataUniversalIdentifier: advisor and relationTargetFieldMetadataUniversalIdentifier: 55fa2a2d-f460-448f-9685-7599e7be98cf)',
      'objects/client.object.yaml:16:53  the other side of client.advisor is advisor.name, a TEXT field, not a relation  (point at a RELATION field of advisor)',
      'objects/client.object.yaml:18:15  client.advisor is a RELATION field, which cannot be unique  (remove isUnique)',
    ]);
  });
});
