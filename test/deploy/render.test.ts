import { describe, expect, it } from 'vitest';
import { planToJson, renderPlan, type Plan } from '../../src/deploy/index.ts';

const plan: Plan = {
  url: 'https://crm.bank.example',
  locale: 'zh-CN',
  prune: true,
  unchanged: { prospect: 4, company: 2 },
  changes: [
    {
      kind: 'field',
      action: 'create',
      object: 'prospect',
      title: 'field score (NUMBER)',
      diffs: [{ property: 'label', from: null, to: '评分' }],
      apply: { op: 'updateField', objectName: 'prospect', fieldName: 'score', update: {}, ddl: false },
    },
    {
      kind: 'field',
      action: 'update',
      object: 'prospect',
      title: 'field stage (SELECT)',
      diffs: [{ property: 'label', from: '阶段', to: '线索阶段' }],
      notes: ['keeps option ON_HOLD (not in pack; --prune removes)'],
      apply: { op: 'updateField', objectName: 'prospect', fieldName: 'stage', id: 'f1', update: { label: '线索阶段' }, ddl: false },
    },
    {
      kind: 'field',
      action: 'conflict',
      object: 'prospect',
      title: 'field prospect.location',
      reason: 'the workspace has it as TEXT, the pack says ADDRESS',
      options: ['rename it', 'or change the pack back'],
    },
    {
      kind: 'field',
      action: 'not-in-pack',
      object: 'company',
      title: 'field legacy (TEXT)',
      records: 12,
      apply: {
        op: 'removeField',
        id: 'f9',
        objectName: 'company',
        namePlural: 'companies',
        fieldName: 'legacy',
        type: 'TEXT',
        isActive: true,
      },
    },
  ],
};

describe('renderPlan', () => {
  it('groups by object, one sign per change, old → new, the reason and options of a conflict, and a summary', () => {
    expect(renderPlan(plan, { color: false })).toBe(
      [
        'Twenty at https://crm.bank.example, labels in zh-CN',
        '',
        'prospect',
        '  + field score (NUMBER)',
        '      label: "评分"',
        '  ~ field stage (SELECT)',
        '      label: "阶段" → "线索阶段"',
        '      · keeps option ON_HOLD (not in pack; --prune removes)',
        '  ! field prospect.location',
        '      the workspace has it as TEXT, the pack says ADDRESS',
        '      options:',
        '        - rename it',
        '        - or change the pack back',
        '  = 4 unchanged',
        '',
        'company',
        '  - field legacy (TEXT)  (values in up to 12 records would be lost)',
        '  = 2 unchanged',
        '',
        'Plan: 1 to create, 1 to update, 1 to remove, 6 unchanged, 1 conflict.',
        '',
      ].join('\n'),
    );
  });

  it('colours only when asked (a terminal)', () => {
    expect(renderPlan(plan, { color: false })).not.toContain('\u001b[');
    expect(renderPlan(plan, { color: true })).toContain('\u001b[32m+');
  });

  it("leaves apply's internals out of the JSON plan, and marks removals", () => {
    const json = planToJson(plan) as { counts: Record<string, number>; changes: Array<Record<string, unknown>> };
    expect(json.counts).toEqual({ create: 1, update: 1, unchanged: 6, conflict: 1, notInPack: 0, remove: 1 });
    expect(json.changes.every((c) => !('apply' in c))).toBe(true);
    expect(json.changes[3]).toMatchObject({ title: 'field legacy (TEXT)', records: 12, remove: true });
  });
});
