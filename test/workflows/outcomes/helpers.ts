// Small helpers for the outcome tests: write records through the records API as a
// user would, wait for the executor, read runs, tasks and emails back.
import type { RecordRow, RunRow, Sandbox } from 'twenty-sandbox';
import { gql } from '../sandbox.ts';

const cap = (s: string): string => s[0]!.toUpperCase() + s.slice(1);

export async function create(sb: Sandbox, object: string, data: Record<string, unknown>): Promise<string> {
  const answer = await gql<Record<string, { id: string }>>(
    sb,
    sb.apiKey,
    `mutation($d: ${cap(object)}CreateInput!) { r: create${cap(object)}(data: $d) { id } }`,
    { d: data },
  );
  if (!answer.data?.r) throw new Error(`create ${object}: ${JSON.stringify(answer.errors)}`);
  await sb.workflows.idle();
  return answer.data.r.id;
}

export async function update(sb: Sandbox, object: string, id: string, data: Record<string, unknown>): Promise<void> {
  const answer = await gql(
    sb,
    sb.apiKey,
    `mutation($id: UUID!, $d: ${cap(object)}UpdateInput!) { r: update${cap(object)}(id: $id, data: $d) { id } }`,
    { id, d: data },
  );
  if (!answer.data) throw new Error(`update ${object}: ${JSON.stringify(answer.errors)}`);
  await sb.workflows.idle();
}

export function rows(sb: Sandbox, object: string): RecordRow[] {
  const o = sb.workspace.objectByName(object);
  if (!o) throw new Error(`no ${object} object`);
  return [...sb.workspace.table(o.id).rows()].filter((r) => r.deletedAt === null || r.deletedAt === undefined);
}

export const row = (sb: Sandbox, object: string, id: string): RecordRow => rows(sb, object).find((r) => r.id === id)!;

export function workflowId(sb: Sandbox, namePrefix: string): string {
  const w = rows(sb, 'workflow').find((r) => String(r.name).startsWith(namePrefix));
  if (!w) throw new Error(`no workflow named ${namePrefix}…`);
  return w.id;
}

/** The runs of a workflow started after `since` runs existed. */
export function runsOf(sb: Sandbox, namePrefix: string): RunRow[] {
  const id = workflowId(sb, namePrefix);
  return sb.workflows.runs().filter((r) => r.workflowId === id);
}

/** The errors of a run's steps, for failure messages. */
export const stepErrors = (run: RunRow): string[] => Object.values(run.state.stepInfos).flatMap((i) => (i.error ? [i.error] : []));

export function tasksTitled(sb: Sandbox, text: string): RecordRow[] {
  return rows(sb, 'task').filter((t) => String(t.title).includes(text));
}
