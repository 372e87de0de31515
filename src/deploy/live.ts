// What apply knows about the workspace while it runs: the ids of objects, fields
// and views, starting from the read the plan was made from and kept up to date
// with every create. After a lost answer it is refreshed from a new read.
import type { TwentyClient } from '../twenty/index.ts';
import { readObjects, readViews } from './read-actual.ts';
import type { ActualField, ActualObject, ActualState, ActualView } from './state.ts';

export class Live {
  private objects = new Map<string, ActualObject>();
  private views = new Map<string, ActualView>();

  constructor(actual: Pick<ActualState, 'objects' | 'views'>) {
    this.load(actual.objects, actual.views);
  }

  private load(objects: readonly ActualObject[], views: readonly ActualView[]): void {
    this.objects = new Map(objects.map((o) => [o.nameSingular, structuredClone(o)]));
    this.views = new Map(views.map((v) => [v.id, structuredClone(v)]));
  }

  object(name: string): ActualObject | undefined {
    return this.objects.get(name);
  }

  /** Every object as the workspace has it by now, by nameSingular. */
  objectsByName(): ReadonlyMap<string, ActualObject> {
    return this.objects;
  }

  objectById(id: string): ActualObject | undefined {
    return [...this.objects.values()].find((o) => o.id === id);
  }

  field(object: string, name: string): ActualField | undefined {
    return this.objects.get(object)?.fields.find((f) => f.name === name);
  }

  /** The id of an object that must exist by now (created earlier in this run, or before). */
  objectId(name: string): string {
    const o = this.objects.get(name);
    if (!o) throw new Error(`object ${name} is not in the workspace (an earlier step did not complete)`);
    return o.id;
  }

  fieldId(object: string, name: string): string {
    const f = this.field(object, name);
    if (!f) throw new Error(`field ${object}.${name} is not in the workspace (an earlier step did not complete)`);
    return f.id;
  }

  view(id: string): ActualView | undefined {
    return this.views.get(id);
  }

  putObject(o: ActualObject): void {
    this.objects.set(o.nameSingular, o);
  }

  putField(object: string, f: ActualField): void {
    const o = this.objects.get(object);
    if (!o) return;
    o.fields = [...o.fields.filter((x) => x.id !== f.id && x.name !== f.name), f];
  }

  renameField(object: string, id: string, name: string): void {
    const f = this.objects.get(object)?.fields.find((x) => x.id === id);
    if (f) f.name = name;
  }

  putView(v: ActualView): void {
    this.views.set(v.id, v);
  }

  /** Read objects and views again: the truth after an answer was lost. */
  async refresh(client: TwentyClient, what: 'objects' | 'views' | 'both' = 'both'): Promise<void> {
    const [objects, views] = await Promise.all([
      what === 'views' ? Promise.resolve([...this.objects.values()]) : readObjects(client),
      what === 'objects' ? Promise.resolve([...this.views.values()]) : readViews(client),
    ]);
    this.load(objects, views);
  }
}
