// Per-object behaviour layered on the generic record API, the way Twenty's query
// hooks add it (e.g. workflow-create-one.post-query.hook.ts creates a DRAFT
// version "v1" for a new workflow). Workflow hooks and the dedicated workflow
// mutations (createWorkflowVersionStep, activateWorkflowVersion, …: see
// ../shared/twenty/workflows.md §1, §3) belong here and in special-mutations.ts
// when the sandbox learns them (issue 6); none are registered yet.
import type { RecordRow } from '../state/types.ts';
import type { Workspace } from '../state/workspace.ts';
import type { RecordModel } from './model.ts';

export type AfterCreateHook = (ws: Workspace, model: RecordModel, row: RecordRow) => void;

/** Hooks by object nameSingular. */
export const AFTER_CREATE: Record<string, AfterCreateHook[]> = {};

export function afterCreateHooks(ws: Workspace, model: RecordModel, row: RecordRow): void {
  for (const hook of AFTER_CREATE[model.object.nameSingular] ?? []) hook(ws, model, row);
}
