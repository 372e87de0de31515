// Views, seeds, label identifiers and icons: what `bankpack validate` prints, and the repo's
// own pack passing every rule.
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/pack/index.ts';
import { validatePack } from '../../src/validate/index.ts';
import { unknownIcon } from '../../src/pack/rules/icons.ts';
import { ROOT } from './domain-pack.ts';
import { NAME_FIELD, objectYaml, UID, validateLines } from './rules-fixture.ts';

const clientFields =
  NAME_FIELD +
  `  - universalIdentifier: ${UID.f1}\n    name: stage\n    type: SELECT\n    label: 阶段\n    options:\n      - { value: NEW, label: 新建, position: 0 }\n      - { value: WON, label: 已成交, position: 1 }\n` +
  `  - universalIdentifier: ${UID.f2}\n    name: balance\n    type: CURRENCY\n    label: 余额\n`;
const client = (extra?: string): Record<string, string> => ({
  'objects/client.object.yaml': objectYaml({
    uid: UID.client,
    singular: 'client',
    plural: 'clients',
    fields: clientFields,
    ...(extra ? { extra } : {}),
  }),
});
const view = (body: string): Record<string, string> => ({
  'views/clients.view.yaml': `universalIdentifier: ${UID.view}\nname: 客户\nobjectUniversalIdentifier: client\n${body}`,
});

describe('views', () => {
  it('accepts bare names, system fields, UUIDs and filters that fit their type', async () => {
    const lines = await validateLines({
      ...client(),
      ...view(
        `type: KANBAN\nmainGroupByFieldMetadataUniversalIdentifier: stage\ngroups:\n  - { universalIdentifier: ${UID.f3}, fieldValue: WON, position: 0 }\nfields:\n  - { fieldMetadataUniversalIdentifier: name, position: 0 }\n  - { fieldMetadataUniversalIdentifier: ${UID.f2}, position: 1 }\nsorts:\n  - { fieldMetadataUniversalIdentifier: createdAt, direction: DESC }\nfilters:\n  - { fieldMetadataUniversalIdentifier: balance, subFieldName: currencyCode, operand: IS, value: CNY }\n`,
      ),
    });
    expect(lines).toEqual([]);
  });

  it('refuses the view keys deploy does not send, at the key, with what to do instead', async () => {
    const lines = await validateLines({
      ...client(),
      ...view(
        'type: TABLE\nisCompact: true\nfields:\n  - { fieldMetadataUniversalIdentifier: name, position: 0, aggregateOperation: COUNT }\nfilterGroups:\n  - { universalIdentifier: ' +
          UID.f3 +
          ', logicalOperator: OR }\n',
      ),
    });
    expect(lines).toEqual([
      "views/clients.view.yaml:5:1  isCompact is in Twenty's view shape, but bankpack deploy does not send it  (set it in Twenty (view options) after the deploy, or remove it)",
      "views/clients.view.yaml:7:60  aggregateOperation is in Twenty's view shape, but bankpack deploy does not send it  (set the column footer in Twenty after the deploy, or remove it)",
      "views/clients.view.yaml:8:1  filterGroups is in Twenty's view shape, but bankpack deploy does not send it  (list the conditions under filters: (they all apply, AND); OR groups are set in Twenty)",
    ]);
  });

  it('asks a KANBAN view for its group-by field, naming the SELECT fields it could use', async () => {
    expect(
      await validateLines({ ...client(), ...view('type: KANBAN\nfields:\n  - { fieldMetadataUniversalIdentifier: name, position: 0 }\n') }),
    ).toEqual([
      'views/clients.view.yaml:4:7  a KANBAN view needs mainGroupByFieldMetadataUniversalIdentifier: the field whose options are its columns  (SELECT fields of client: stage)',
    ]);
  });

  it('checks groups against the options, duplicate columns and the view object', async () => {
    const lines = await validateLines({
      ...client(),
      ...view(
        `type: KANBAN\nmainGroupByFieldMetadataUniversalIdentifier: stage\ngroups:\n  - { universalIdentifier: ${UID.f3}, fieldValue: LOST, position: 0 }\nfields:\n  - { fieldMetadataUniversalIdentifier: name, position: 0 }\n  - { fieldMetadataUniversalIdentifier: client.name, position: 1 }\n`,
      ),
    });
    expect(lines).toEqual([
      'views/clients.view.yaml:7:78  group "LOST" is not an option of client.stage  (options: NEW, WON)',
      'views/clients.view.yaml:10:41  name is already shown in column 1  (remove one of the two columns)',
    ]);
    expect(
      await validateLines({
        ...client(),
        'views/clients.view.yaml': `universalIdentifier: ${UID.view}\nname: 客户\nobjectUniversalIdentifier: clients\n`,
      }),
    ).toEqual([
      'views/clients.view.yaml:3:28  view "客户" shows an unknown object: no object is named "clients"  (objects are referred to by their singular name: "client")',
    ]);
  });
});

describe('objects', () => {
  it('resolves the label identifier on its own object, by name or UUID', async () => {
    expect(await validateLines(client(`labelIdentifierFieldMetadataUniversalIdentifier: ${UID.clientName}`))).toEqual([]);
    expect(await validateLines(client('labelIdentifierFieldMetadataUniversalIdentifier: nmae'))).toEqual([
      'objects/client.object.yaml:6:50  the label identifier does not resolve: client has no field "nmae"  (did you mean "name"?)',
    ]);
  });
});

describe('seeds', () => {
  it('accepts fields, join columns and option values of the object', async () => {
    const lines = await validateLines({
      ...client(),
      'seeds/clients.seed.yaml': 'object: client\nkey: [name]\nrecords:\n  - { name: 华东集团, stage: WON, position: 1 }\n',
    });
    expect(lines).toEqual([]);
  });

  it('reports an unknown key field at its place in the key list', async () => {
    expect(await validateLines({ ...client(), 'seeds/clients.seed.yaml': 'object: client\nkey: [code]\nrecords: []\n' })).toEqual([
      'seeds/clients.seed.yaml:2:7  client has no field "code"',
    ]);
  });
});

describe('icons', () => {
  it("knows Twenty's favourites and the aliases @tabler/icons-react exports", () => {
    for (const icon of ['IconBuildingSkyscraper', 'IconTargetArrow', 'Icon123', 'IconUserCircle', 'IconStarFilled'])
      expect(unknownIcon(icon)).toBeUndefined();
  });

  it('offers the nearest real name for a misspelt one', () => {
    expect(unknownIcon('IconTargetArow')?.hint).toBe('did you mean "IconTargetArrow"?');
    expect(unknownIcon('IconQwertyuiopAsdfgh')?.hint).toBe(
      'pick a name from https://tabler.io/icons, written Icon + PascalCase (IconUserCircle)',
    );
  });
});

describe("the repo's own pack", () => {
  it('passes every rule', async () => {
    const { problems } = await validatePack(ROOT);
    expect(problems.map(formatProblem)).toEqual([]);
  });
});
