// The live workspace: metadata rows with lookups, the record tables, and a
// metadata version that moves on every schema change (so /graphql is rebuilt).
import { RecordTable } from '../records/table.ts';
import type { FieldMeta, ObjectMeta, RecordRow, ViewChildKind, ViewChildRow, ViewRow, WorkspaceData } from './types.ts';

export class Workspace {
  readonly workspaceId: string;
  readonly standardApplicationId: string;
  readonly customApplicationId: string;
  readonly objects = new Map<string, ObjectMeta>();
  readonly fields = new Map<string, FieldMeta>();
  readonly views = new Map<string, ViewRow>();
  readonly viewChildren: Record<ViewChildKind, Map<string, ViewChildRow>> = {
    viewField: new Map(),
    viewGroup: new Map(),
    viewSort: new Map(),
    viewFilter: new Map(),
    viewFilterGroup: new Map(),
  };
  private readonly tables = new Map<string, RecordTable>();
  /** Bumped on every metadata change; the /graphql schema is rebuilt when it moves. */
  metadataVersion = 1;
  /** Called after every successful write (persistence hooks here). */
  onWrite: () => void = () => {};

  /** What other parts of the sandbox saved last time, by part name; each reads its own once. */
  readonly savedExtras: Readonly<Record<string, unknown>>;
  /** How each part that keeps state of its own writes it into the state file. */
  readonly extraSavers = new Map<string, () => unknown>();

  constructor(data: WorkspaceData) {
    this.savedExtras = data.extras ?? {};
    this.workspaceId = data.workspaceId;
    this.standardApplicationId = data.standardApplicationId;
    this.customApplicationId = data.customApplicationId;
    for (const o of data.objects) this.objects.set(o.id, o);
    for (const f of data.fields) this.fields.set(f.id, f);
    for (const v of data.views) this.views.set(v.id, v);
    for (const kind of Object.keys(this.viewChildren) as ViewChildKind[]) {
      for (const row of data.viewChildren[kind] ?? []) this.viewChildren[kind].set(row.id, row);
    }
    for (const [objectId, rows] of Object.entries(data.records)) this.tables.set(objectId, new RecordTable(rows));
  }

  objectByName(nameSingular: string): ObjectMeta | undefined {
    for (const o of this.objects.values()) if (o.nameSingular === nameSingular) return o;
    return undefined;
  }

  fieldsOf(objectId: string): FieldMeta[] {
    const out: FieldMeta[] = [];
    for (const f of this.fields.values()) if (f.objectMetadataId === objectId) out.push(f);
    return out;
  }

  fieldByName(objectId: string, name: string): FieldMeta | undefined {
    for (const f of this.fields.values()) if (f.objectMetadataId === objectId && f.name === name) return f;
    return undefined;
  }

  table(objectId: string): RecordTable {
    let t = this.tables.get(objectId);
    if (!t) this.tables.set(objectId, (t = new RecordTable()));
    return t;
  }

  dropTable(objectId: string): void {
    this.tables.delete(objectId);
  }

  metadataChanged(): void {
    this.metadataVersion++;
  }

  toData(): WorkspaceData {
    const records: Record<string, RecordRow[]> = {};
    for (const [id, t] of this.tables) records[id] = t.toJSON();
    const viewChildren = {} as Record<ViewChildKind, ViewChildRow[]>;
    for (const kind of Object.keys(this.viewChildren) as ViewChildKind[]) viewChildren[kind] = [...this.viewChildren[kind].values()];
    return {
      formatVersion: 1,
      workspaceId: this.workspaceId,
      standardApplicationId: this.standardApplicationId,
      customApplicationId: this.customApplicationId,
      objects: [...this.objects.values()],
      fields: [...this.fields.values()],
      views: [...this.views.values()],
      viewChildren,
      records,
      extras: { ...this.savedExtras, ...Object.fromEntries([...this.extraSavers].map(([name, save]) => [name, save()])) },
    };
  }
}
