// Options, default values, labels and identifiers: what `bankpack validate` prints.
import { describe, expect, it } from 'vitest';
import { toUpperSnake } from '../../src/pack/rules/options.ts';
import { NAME_FIELD, objectYaml, UID, validateLines } from './rules-fixture.ts';

const FILE = 'objects/client.object.yaml';
const client = (fields: string, over: Partial<Parameters<typeof objectYaml>[0]> = {}): Record<string, string> => ({
  [FILE]: objectYaml({ uid: UID.client, singular: 'client', plural: 'clients', fields: NAME_FIELD + fields, ...over }),
});
const field = (body: string, uid: string = UID.f1): string => `  - universalIdentifier: ${uid}\n${body.replace(/^/gm, '    ').trimEnd()}\n`;
const select = (type: string, extra: string): string =>
  field(
    `name: stage\ntype: ${type}\nlabel: 阶段\noptions:\n  - { value: NEW, label: 新建, position: 0 }\n  - { value: WON, label: 已成交, position: 1 }\n${extra}`,
  );

describe('options', () => {
  it('accepts UPPER_SNAKE_CASE values with digits', async () => {
    expect(
      await validateLines(
        client(field('name: quarter\ntype: SELECT\nlabel: 季度\noptions:\n  - { value: Q3_2026, label: 三季度, position: 0 }')),
      ),
    ).toEqual([]);
  });

  it('suggests an UPPER_SNAKE_CASE spelling', () => {
    expect(toUpperSnake('in-progress')).toBe('IN_PROGRESS');
    expect(toUpperSnake('highValue')).toBe('HIGH_VALUE');
    expect(toUpperSnake('A__B')).toBe('A_B');
  });

  it('refuses an id used by two options, and options on a RATING field', async () => {
    const id = '36314e29-cf2d-4dd0-b1cb-24fe76bbc6e6';
    const lines = await validateLines(
      client(
        field(
          `name: tier\ntype: SELECT\nlabel: 等级\noptions:\n  - { id: ${id}, value: A, label: 甲, position: 0 }\n  - { id: ${id}, value: B, label: 乙, position: 1 }`,
        ) + field('name: score\ntype: RATING\nlabel: 评分\noptions:\n  - { value: RATING_1, label: 一星, position: 0 }', UID.f2),
      ),
    );
    expect(lines).toEqual([
      'objects/client.object.yaml:17:15  option id "36314e29-cf2d-4dd0-b1cb-24fe76bbc6e6" is also the id of option 1  (every option of client.tier needs its own id)',
      'objects/client.object.yaml:17:15  universalIdentifier 36314e29-cf2d-4dd0-b1cb-24fe76bbc6e6 of option B of client.tier is already the identifier of option A of client.tier (objects/client.object.yaml)  (give option B of client.tier a fresh UUID (npx uuid v4); keep the other one, it may already be deployed)',
      "objects/client.object.yaml:23:7  RATING field client.score lists options; Twenty generates a rating's options itself  (remove options)",
    ]);
  });
});

describe('default values', () => {
  it('accepts quoted literals, option values and computed defaults where they belong', async () => {
    const lines = await validateLines(
      client(
        select('MULTI_SELECT', `defaultValue: ["'NEW'", "'WON'"]`) +
          field(`name: openedAt\ntype: DATE_TIME\nlabel: 开户\nisNullable: false\ndefaultValue: now`, UID.f2) +
          field(`name: balance\ntype: CURRENCY\nlabel: 余额\ndefaultValue: { amountMicros: null, currencyCode: "'CNY'" }`, UID.f3),
      ),
    );
    expect(lines).toEqual([]);
  });

  it('checks every item of a MULTI_SELECT default', async () => {
    expect(await validateLines(client(select('MULTI_SELECT', `defaultValue: ["'NEW'", "'NEW'", "'LOST'"]`)))).toEqual([
      'objects/client.object.yaml:18:29  defaultValue lists "\'NEW\'" twice  (keep one)',
      'objects/client.object.yaml:18:38  defaultValue "\'LOST\'" is not one of the options of client.stage  (options: NEW, WON; write one quoted, e.g. "\'NEW\'")',
    ]);
    expect(await validateLines(client(select('MULTI_SELECT', 'defaultValue: []')))).toEqual([
      'objects/client.object.yaml:18:19  defaultValue of client.stage is an empty list  (list at least one quoted option value, or remove defaultValue)',
    ]);
  });

  it('quotes the string leaves of composite defaults, and keeps computed defaults to their types', async () => {
    const lines = await validateLines(
      client(
        field(`name: balance\ntype: CURRENCY\nlabel: 余额\ndefaultValue: { amountMicros: null, currencyCode: CNY }`) +
          field(`name: code\ntype: TEXT\nlabel: 编号\ndefaultValue: uuid`, UID.f2),
      ),
    );
    expect(lines).toEqual([
      'objects/client.object.yaml:15:55  defaultValue "CNY" is not quoted; Twenty reads a bare string as a computed default (uuid, now)  (wrap the text in single quotes: "\'CNY\'")',
      'objects/client.object.yaml:20:19  defaultValue "uuid" is a computed default of UUID fields, not of a TEXT field  (wrap the text in single quotes: "\'uuid\'")',
    ]);
  });

  it('needs a default on a non-nullable field, suggesting one of its type', async () => {
    expect(await validateLines(client(field('name: vip\ntype: BOOLEAN\nlabel: 贵宾\nisNullable: false')))).toEqual([
      'objects/client.object.yaml:15:17  client.vip has isNullable: false but no defaultValue; Twenty needs a default for a field that may not be empty  (add defaultValue: false, or remove isNullable: false)',
    ]);
  });
});

describe('labels', () => {
  it('refuses an object label over 63 characters and a translated plural equal to its singular', async () => {
    const long = '客'.repeat(64);
    const lines = await validateLines(
      client('', { labels: [long, '客户库'], extra: 'translations:\n  en: { labelSingular: Client, labelPlural: client }' }),
    );
    expect(lines).toEqual([
      'objects/client.object.yaml:4:16  labelSingular is 64 characters long; Twenty allows at most 63  (shorten it; put the detail in the description)',
      'objects/client.object.yaml:7:45  labelPlural (en) "client" is the same as labelSingular; Twenty needs two different labels  (give the plural its own wording in this locale)',
    ]);
  });
});

describe('identifiers', () => {
  it('refuses an identifier shared across files, naming where it was first used', async () => {
    const lines = await validateLines({
      ...client(''),
      'views/clients.view.yaml': `universalIdentifier: ${UID.clientName}\nname: 客户\nobjectUniversalIdentifier: client\nfields:\n  - { fieldMetadataUniversalIdentifier: name, position: 0 }\n`,
    });
    expect(lines).toEqual([
      `views/clients.view.yaml:1:22  universalIdentifier ${UID.clientName} of view "客户" is already the identifier of field client.name (objects/client.object.yaml)  (give view "客户" a fresh UUID (npx uuid v4); keep the other one, it may already be deployed)`,
    ]);
  });
});
