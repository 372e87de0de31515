// Front door of scaffolding: new pack files with fresh UUIDs (`bankpack new`).
export { scaffold, SCAFFOLD_KINDS, type ScaffoldKind, type ScaffoldRequest, type ScaffoldResult } from './scaffold.ts';
