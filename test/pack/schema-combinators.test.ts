// oneOf / anyOf, as a later workflow schema will use them (one branch per step type):
// one message for the branch the person meant, not the complaints of every branch.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { translateSchemaErrors, type SchemaLookup } from '../../src/pack/schema-errors.ts';

const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: false });
const validate = ajv.compile({
  $defs: {
    sendEmail: {
      type: 'object',
      properties: { type: { const: 'SEND_EMAIL' }, to: { type: 'string' }, subject: { type: 'string' } },
      required: ['type', 'to'],
      additionalProperties: false,
    },
  },
  type: 'object',
  properties: {
    steps: {
      type: 'array',
      items: {
        oneOf: [
          {
            type: 'object',
            properties: { type: { const: 'CREATE_RECORD' }, object: { type: 'string' } },
            required: ['type', 'object'],
            additionalProperties: false,
          },
          { $ref: '#/$defs/sendEmail' },
        ],
      },
    },
    delay: { anyOf: [{ type: 'number' }, { type: 'string', pattern: '^[0-9]+[smhd]$' }] },
  },
});
const lookup: SchemaLookup = { resolveRef: () => undefined, fileOf: () => undefined };

function messages(data: unknown): string[] {
  validate(data);
  return translateSchemaErrors(validate.errors ?? [], data, 'w.yaml', lookup).map(
    (p) => `${JSON.stringify(p.path)} ${p.message}${p.hint ? ` (${p.hint})` : ''}`,
  );
}

describe('errors under oneOf / anyOf', () => {
  it('keeps only the errors of the branch whose discriminator matched', () => {
    expect(messages({ steps: [{ type: 'SEND_EMAIL', to: 5 }] })).toEqual([
      '["steps",0,"to"] "to" must be a string, not a whole number (put the value in quotes)',
    ]);
  });

  it('reports an unknown key of the meant branch, without the keys the other branch does not know', () => {
    expect(messages({ steps: [{ type: 'SEND_EMAIL', to: 'a@b.cn', subjet: 'x' }] })).toEqual([
      '["steps",0,"subjet"] unknown key "subjet" (did you mean "subject"?)',
    ]);
  });

  it('names the allowed discriminator values when the value matches none', () => {
    expect(messages({ steps: [{ type: 'SEND_MAIL', to: 'a' }] })).toEqual([
      '["steps",0,"type"] "SEND_MAIL" is not an allowed value of "type" (use one of: CREATE_RECORD, SEND_EMAIL)',
    ]);
  });

  it('says which types a value may have when it has none of them', () => {
    expect(messages({ delay: true })).toEqual(['["delay"] "delay" must be a number or a string, not true (put the value in quotes)']);
  });

  it('prefers the branch of the right type over the one that merely found another type', () => {
    expect(messages({ delay: '5 minutes' })).toEqual(['["delay"] "delay" does not match the pattern ^[0-9]+[smhd]$: "5 minutes"']);
  });
});
