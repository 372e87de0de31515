// Default values that genql drops when it turns Twenty's schema into a client,
// re-added to the rebuilt /metadata SDL (../shared/twenty/metadata-api.md §8).
// Source of every value: twentyhq/twenty
// packages/twenty-client-sdk/src/metadata/generated/schema.graphql @002ec37
// (the newest SDL checked into the repo). A default is applied only where the
// 2.43.0 type map still has that argument or input field.

/** Arguments named `paging` of type `CursorPaging!` default to `{first: 10}`; their `filter` sibling to `{}`. */
export const CONNECTION_PAGING_DEFAULT = '{first: 10}';
export const CONNECTION_FILTER_DEFAULT = '{}';

/** `Type.field(arg)` → default, as GraphQL literal text. */
export const ARGUMENT_DEFAULTS: Readonly<Record<string, string>> = {
  'Mutation.checkoutSession(plan)': 'PRO',
  'Mutation.checkoutSession(requirePaymentMethod)': 'true',
  'Mutation.createSubscriptionPaymentIntent(plan)': 'PRO',
  'Mutation.createSubscriptionPaymentIntent(requirePaymentMethod)': 'true',
};

/** `InputType.field` → default, as GraphQL literal text. */
export const INPUT_FIELD_DEFAULTS: Readonly<Record<string, string>> = {
  'EventLogQueryInput.first': '100',
  'CreateViewFilterGroupInput.logicalOperator': 'AND',
  'UpdateViewFilterGroupInput.logicalOperator': 'AND',
  'UpsertViewWidgetViewFilterGroupInput.logicalOperator': 'AND',
  'CreateViewInput.type': 'TABLE',
  'CreateViewInput.position': '0',
  'CreateViewInput.isCompact': 'false',
  'CreateViewInput.shouldHideEmptyGroups': 'false',
  'CreateViewInput.openRecordIn': 'SIDE_PANEL',
  'UpsertViewWidgetViewSortInput.direction': 'ASC',
  'CreateViewSortInput.direction': 'ASC',
  'CreateViewFieldInput.isVisible': 'true',
  'CreateViewFieldInput.size': '0',
  'CreateViewFieldInput.position': '0',
  'CreateViewFieldGroupInput.position': '0',
  'CreateViewFieldGroupInput.isVisible': 'true',
  'CreatePageLayoutTabInput.layoutMode': 'GRID',
  'CreatePageLayoutInput.type': 'RECORD_PAGE',
  'UpdatePageLayoutTabWithWidgetsInput.layoutMode': 'GRID',
  'CreateIndexInput.indexType': 'BTREE',
  'CreateViewGroupInput.isVisible': 'true',
  'CreateViewGroupInput.position': '0',
};
