// View keys that the SDK's view shape allows (schemas/view.schema.json follows defineView)
// but that `bankpack deploy` does not send to Twenty. Accepting them silently would break
// validate's promise — the file would say a view is compact, or grouped by filter groups,
// and the workspace would not be — so each is an error that says what to do instead.
import type { NodePath, ViewDef } from '../model.ts';
import type { PendingProblem } from '../problems.ts';
import { isRecord, problemAt, type RuleContext, type RuleFamily } from './context.ts';

/** Keys of a view, of each item of a list in it, that deploy leaves out, and the way out for each. */
const VIEW_KEYS: Readonly<Record<string, string>> = {
  isCompact: 'set it in Twenty (view options) after the deploy, or remove it',
  visibility: 'views bankpack deploys are workspace views; remove it',
  openRecordIn: 'set it in Twenty (view options) after the deploy, or remove it',
  shouldHideEmptyGroups: 'set it in Twenty (kanban options) after the deploy, or remove it',
  groupLoadLimit: 'remove it: Twenty loads groups with its default',
  anyFieldFilterValue: 'write the condition as a filter on a field (filters:)',
  kanbanColumnWidth: 'set it in Twenty after the deploy, or remove it',
  kanbanAggregateOperationFieldMetadataUniversalIdentifier: 'remove it: the kanban figure is a count of records',
  calendarLayout: 'bankpack deploys TABLE and KANBAN views; remove it',
  calendarFieldMetadataUniversalIdentifier: 'bankpack deploys TABLE and KANBAN views; remove it',
  calendarEndFieldMetadataUniversalIdentifier: 'bankpack deploys TABLE and KANBAN views; remove it',
  filterGroups: 'list the conditions under filters: (they all apply, AND); OR groups are set in Twenty',
  fieldGroups: 'remove it: columns are listed under fields:',
};
const ITEM_KEYS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  fields: {
    aggregateOperation: 'set the column footer in Twenty after the deploy, or remove it',
    viewFieldGroupUniversalIdentifier: 'remove it: field groups are not deployed',
  },
  sorts: { subFieldName: 'sort on a plain field, or set this sort in Twenty' },
  filters: {
    relationTargetFieldMetadataUniversalIdentifier: "filter on the relation itself (its records' ids), or set this filter in Twenty",
    viewFilterGroupUniversalIdentifier: 'remove it: every filter of the view applies (AND)',
    positionInViewFilterGroup: 'remove it: every filter of the view applies (AND)',
  },
};

function notDeployed(view: ViewDef, path: NodePath, key: string, hint: string): PendingProblem {
  return problemAt(
    view.source,
    [...path, key],
    'view-key-not-deployed',
    `${key} is in Twenty's view shape, but bankpack deploy does not send it`,
    { hint, atKey: true },
  );
}

export const viewKeysFamily: RuleFamily = {
  name: 'view keys deploy carries',
  check(ctx: RuleContext): PendingProblem[] {
    const out: PendingProblem[] = [];
    for (const view of ctx.pack.views) {
      const raw = view as unknown as Record<string, unknown>;
      for (const [key, hint] of Object.entries(VIEW_KEYS)) if (key in raw) out.push(notDeployed(view, [], key, hint));
      for (const [list, keys] of Object.entries(ITEM_KEYS)) {
        const items = raw[list];
        if (!Array.isArray(items)) continue;
        items.forEach((item, i) => {
          if (!isRecord(item)) return;
          for (const [key, hint] of Object.entries(keys)) if (key in item) out.push(notDeployed(view, [list, i], key, hint));
        });
      }
    }
    return out;
  },
};
