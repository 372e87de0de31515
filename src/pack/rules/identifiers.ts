// Every universalIdentifier in the pack belongs to one entity only: objects, fields, views
// and their columns, sorts, filters and groups, option ids, workflows. The SDK collects every
// universalIdentifier of the manifest and refuses duplicates ("Duplicate universal identifiers";
// twenty-sdk 2.43.0 dist/login-DkaZQzNc.js, `QD`/`ZD`, ../shared/twenty/sdk-shape.md §1.2).
// Their format (Twenty's isValidUuid: versions 1 to 5, src/pack/uuid.ts) is checked by the schema, field by field.
import type { NodePath, SourceRef } from '../model.ts';
import type { PendingProblem } from '../problems.ts';
import { newerFile } from '../file-age.ts';
import { fieldLabel, isRecord, packFields, problemAt, type RuleContext, type RuleFamily } from './context.ts';

interface Occurrence {
  uid: string;
  source: SourceRef;
  path: NodePath;
  what: string;
}

const VIEW_CHILDREN: ReadonlyArray<[key: string, what: string]> = [
  ['fields', 'a column'],
  ['sorts', 'a sort'],
  ['filters', 'a filter'],
  ['filterGroups', 'a filter group'],
  ['groups', 'a group'],
  ['fieldGroups', 'a column group'],
];

function occurrences(ctx: RuleContext): Occurrence[] {
  const out: Occurrence[] = [];
  const add = (uid: unknown, source: SourceRef, path: NodePath, what: string): void => {
    if (typeof uid === 'string') out.push({ uid: uid.toLowerCase(), source, path, what });
  };
  for (const o of ctx.pack.objects) add(o.universalIdentifier, o.source, ['universalIdentifier'], `object ${o.nameSingular}`);
  for (const { def, target } of packFields(ctx)) {
    const label = fieldLabel(def, target);
    add(def.universalIdentifier, def.source, ['universalIdentifier'], `field ${label}`);
    (def.options ?? []).forEach((option, i) => add(option.id, def.source, ['options', i, 'id'], `option ${option.value} of ${label}`));
  }
  for (const view of ctx.pack.views) {
    add(view.universalIdentifier, view.source, ['universalIdentifier'], `view "${view.name}"`);
    const raw = view as unknown as Record<string, unknown>;
    for (const [key, what] of VIEW_CHILDREN) {
      const list = raw[key];
      if (!Array.isArray(list)) continue;
      list.forEach(
        (item, i) =>
          isRecord(item) && add(item.universalIdentifier, view.source, [key, i, 'universalIdentifier'], `${what} of view "${view.name}"`),
      );
    }
  }
  for (const w of ctx.pack.workflows) add(w.universalIdentifier, w.source, ['universalIdentifier'], `workflow "${w.name}"`);
  return out;
}

export const identifiersFamily: RuleFamily = {
  name: 'identifiers',
  check: (ctx) => {
    const first = new Map<string, Occurrence>();
    const problems: PendingProblem[] = [];
    for (const o of occurrences(ctx)) {
      const earlier = first.get(o.uid);
      if (!earlier) {
        first.set(o.uid, o);
        continue;
      }
      // Blame the newer file: the other one's id may already be deployed (./file-age.ts).
      const [blamed, kept] =
        earlier.source.file !== o.source.file && newerFile(ctx.pack.root, earlier.source.file, o.source.file) === earlier.source.file
          ? [earlier, o]
          : [o, earlier];
      problems.push(
        problemAt(
          blamed.source,
          blamed.path,
          'duplicate-id',
          `universalIdentifier ${o.uid} of ${blamed.what} is already the identifier of ${kept.what} (${kept.source.file})`,
          {
            hint: `give ${blamed.what} a fresh UUID (npx uuid v4); keep the other one, it may already be deployed`,
          },
        ),
      );
    }
    return problems;
  },
};
