// The workflow rule family on small workflows: what it refuses, and where it points.
import { describe, expect, it } from 'vitest';
import { checkWorkflow, checkWorkflows } from '../../src/workflows/check.ts';
import { rewriteVariables } from '../../src/workflows/variables.ts';
import { catalogue, LEAD_CREATED, workflow } from './helpers.ts';

const problems = (steps: unknown[], trigger: Record<string, unknown> = LEAD_CREATED) =>
  checkWorkflow(workflow(steps, trigger), catalogue()).map(
    (p) => `${p.path.join('.')}: ${p.message}${p.hint ? ` (${p.hint})` : ''}${p.severity === 'warning' ? ' [warning]' : ''}`,
  );

const task = (id: string, title: string) => ({ id, type: 'CREATE_RECORD', object: 'task', set: { title } });

describe('the workflow rules', () => {
  it('accept a workflow whose references all resolve', () => {
    expect(
      problems([
        { id: 'owner', type: 'FIND_RECORDS', object: 'workspaceMember', where: { id: '{{record.ownerId}}' }, limit: 1 },
        {
          id: 't',
          type: 'CREATE_RECORD',
          object: 'task',
          set: { title: '{{record.name}} for {{steps.owner.first.name.firstName}}', assignee: '{{steps.owner.first.id}}', status: 'TODO' },
        },
      ]),
    ).toEqual([]);
  });

  it('read {{item.…}} as the loop item inside an ITERATOR only, with the fields of what the loop runs over', () => {
    const loop = (body: unknown[]) => [
      { id: 'leads', type: 'FIND_RECORDS', object: 'lead' },
      { id: 'each', type: 'ITERATOR', items: '{{steps.leads.all}}', steps: body },
    ];
    expect(problems(loop([task('t', '{{item.name}}')]), { type: 'CRON', pattern: '0 8 * * 1' })).toEqual([]);
    expect(problems(loop([task('t', '{{item.nmae}}')]), { type: 'CRON', pattern: '0 8 * * 1' })).toEqual([
      'steps.1.steps.0.set.title: {{item.nmae}}: lead has no field "nmae" (reading a lead) (did you mean "name"?)',
    ]);
    expect(problems([task('t', '{{item.name}}')])).toEqual([
      'steps.0.set.title: {{item.name}}: {{item.…}} is only meaningful inside an ITERATOR loop (move the step into the loop, or name a step: {{steps.<id>.…}})',
    ]);
  });

  it('know what each trigger gives: no record on a schedule, `before` only for updates and deletions', () => {
    expect(problems([task('t', '{{record.name}}')], { type: 'CRON', pattern: '0 8 * * 1' })).toEqual([
      'steps.0.set.title: {{record.name}}: a scheduled (CRON) workflow has no trigger record (find the records you need with a FIND_RECORDS step)',
    ]);
    expect(problems([task('t', '{{before.stage}}')])).toEqual([
      'steps.0.set.title: {{before.stage}}: {{before.…}} exists only for records that were updated or deleted',
    ]);
    expect(
      problems([task('t', '{{before.stage}}')], { type: 'DATABASE_EVENT', object: 'lead', event: 'updated', fields: ['stage'] }),
    ).toEqual([]);
  });

  it('say that a record event carries only the record’s own columns, and how to reach a related one', () => {
    expect(problems([task('t', '{{record.owner.name}}')])).toEqual([
      'steps.0.set.title: {{record.owner.name}}: the trigger record does not carry its related record "owner" (a record event holds only the record’s own columns) (use {{…ownerId}} and a FIND_RECORDS step on workspaceMember)',
    ]);
  });

  it('refuse outputs a step does not have, and steps that have none', () => {
    expect(
      problems([
        { id: 'f', type: 'FIND_RECORDS', object: 'lead' },
        { id: 'w', type: 'DELAY', for: { hours: 1 } },
        task('t', '{{steps.f.frist.name}} {{steps.w.x}}'),
      ]),
    ).toEqual([
      'steps.2.set.title: {{steps.f.frist.name}}: FIND_RECORDS gives first, last, all, totalCount, not "frist" (did you mean "first"?)',
      'steps.2.set.title: {{steps.w.x}}: a DELAY step ("w") has no output to read',
    ]);
  });

  it('refuse two steps with one id, fields Twenty sets itself, and lists that cannot be set from this side', () => {
    expect(
      problems([
        task('t', 'a'),
        { id: 't', type: 'UPDATE_RECORD', object: 'lead', record: '{{record.id}}', set: { createdAt: 'x', taskTargets: 'y' } },
      ]),
    ).toEqual([
      'steps.1.id: step id "t" is used twice in this workflow (each step needs its own id: later steps refer to its output by it)',
      'steps.1.set.createdAt: lead.createdAt is set by Twenty itself (remove it)',
      "steps.1.set.taskTargets: lead.taskTargets lists related records; it cannot be set from this side (set the taskTarget records' own relation field instead)",
    ]);
  });

  it('refuse Twenty’s own workflow objects (OBJECTS_BLOCKED_FROM_AUTOMATION) and a record id that is no variable', () => {
    expect(problems([{ id: 'd', type: 'DELETE_RECORD', object: 'workflowRun', record: 'latest' }])).toEqual([
      'steps.0.object: workflows cannot read or write workflowRun records (Twenty blocks its own workflow objects from automation)',
      'steps.0.record: "latest" is not a record id (use a variable, e.g. "{{record.id}}" or "{{steps.find.first.id}}")',
    ]);
  });

  it('keep the else branch last and warn about an update that re-triggers its own workflow (twentyhq/twenty#11322)', () => {
    expect(
      problems(
        [
          {
            id: 'b',
            type: 'IF_ELSE',
            branches: [
              { steps: [task('x', 'a')] },
              { when: { all: [{ value: '{{record.stage}}', is: 'COLLECTED' }] }, steps: [task('y', 'b')] },
            ],
          },
        ],
        { type: 'DATABASE_EVENT', object: 'lead', event: 'updated' },
      ),
    ).toEqual([
      'steps.0.branches.0: only the last branch may go without `when` (it is the else branch) (move it to the end, or give it a condition)',
    ]);
    expect(
      problems([{ id: 'u', type: 'UPDATE_RECORD', object: 'lead', record: '{{record.id}}', set: { stage: 'PUBLISHED' } }], {
        type: 'DATABASE_EVENT',
        object: 'lead',
        event: 'updated',
      }),
    ).toEqual([
      'steps.0.set: this updates the record that triggered the workflow, which starts it again (a loop) (list the fields to watch in the trigger (`fields:`), without the ones this step sets) [warning]',
    ]);
  });

  it('check the trigger: its object, watched fields, and one schedule', () => {
    expect(problems([task('t', 'a')], { type: 'DATABASE_EVENT', object: 'lead', event: 'updated', fields: ['stge'] })).toEqual([
      'trigger.fields.0: lead has no field "stge" (did you mean "stage"?)',
    ]);
    expect(problems([task('t', 'a')], { type: 'CRON', pattern: '0 8 * *' })).toEqual([
      'trigger.pattern: "0 8 * *" is not a cron pattern of five fields (minute hour day month weekday) (e.g. "0 8 * * 1" for Mondays at 08:00)',
    ]);
    expect(problems([task('t', 'a')], { type: 'CRON', every: { days: 1, hours: 2 } })).toEqual([
      'trigger.every: `every` takes one of days, hours or minutes (e.g. every: { days: 1, hour: 8, minute: 0 })',
    ]);
    expect(problems([])).toEqual(['steps: a workflow needs at least one step (Twenty refuses to activate a workflow without steps)']);
  });

  it('refuse a `where` Twenty’s FIND_RECORDS filters cannot say, instead of letting the server drop it (find-records.workflow-action.ts @41d24255)', () => {
    const find = (where: Record<string, unknown>) => problems([{ id: 'f', type: 'FIND_RECORDS', object: 'lead', where }]);
    expect(find({ stage: 'COLLECTED', name: { ilike: '%x%' }, owner: null })).toEqual([]);
    expect(find({ name: 'Acme', not: { stage: 'PUBLISHED' } })).toEqual([
      'steps.0.where.name: lead.name: Twenty filters text only by "contains", not "eq" (Twenty filters text only by "contains" (ilike %…%): write { ilike: "%value%" }, or filter on an id, select or number field)',
      'steps.0.where.not: Twenty’s FIND_RECORDS filters have no "not" (groups are AND / OR only) (negate the comparison itself: { neq: … }, or the complementary list of options)',
    ]);
  });

  it('refuse two workflows with one universalIdentifier', () => {
    const found = checkWorkflows(
      [workflow([task('t', 'a')]), { ...workflow([task('t', 'a')]), source: { file: 'workflows/b.workflow.yaml', path: [] } }],
      catalogue(),
    );
    expect(found.map((p) => `${p.file}: ${p.message}`)).toEqual([
      'workflows/b.workflow.yaml: this universalIdentifier is already used by workflows/w.workflow.yaml',
    ]);
  });
});

describe('friendly variables', () => {
  it('become Twenty’s paths for each trigger, step and loop', () => {
    const ctx = {
      triggerType: 'DATABASE_EVENT' as const,
      event: 'updated',
      stepUuid: (k: string) => (k === 'f' ? 'aaaa' : undefined),
      iteratorUuid: 'iiii',
    };
    expect(
      rewriteVariables(
        '{{record.name}} {{before.stage}} {{ steps.f.first.id }} {{item.email.primaryEmail}} {{trigger.properties.after.x}} {{steps.nope.x}}',
        ctx,
      ),
    ).toBe(
      '{{trigger.properties.after.name}} {{trigger.properties.before.stage}} {{aaaa.first.id}} {{iiii.currentItem.email.primaryEmail}} {{trigger.properties.after.x}} {{steps.nope.x}}',
    );
    expect(rewriteVariables({ to: ['{{record.id}}'] }, { triggerType: 'MANUAL', stepUuid: () => undefined })).toEqual({
      to: ['{{trigger.record.id}}'],
    });
  });
});
