// What Twenty's records API checks at the start of each resolver call
// (CommonBaseQueryRunnerService.execute, engine/api/common/common-query-runners/
// common-base-query-runner.service.ts @41d24255): first the throttle (API-key
// callers only: throttleApiKeyQueryExecution; user tokens are never throttled),
// then the selected fields (validateQueryComplexity):
// - a one-to-many relation selected inside another one-to-many relation, at any
//   depth, is refused ("One-to-Many relation cannot be nested in another
//   One-to-Many relation.": graphql-selected-fields-relation.parser.ts @41d24255
//   carries isFromOneToManyRelation down through many-to-one hops too);
// - complexity = 1 + every relation field selected, nested ones included, must not
//   exceed COMMON_QUERY_COMPLEXITY_LIMIT (2000, config-variables.ts @41d24255).
// Both are CommonQueryRunnerException(TOO_COMPLEX_QUERY), mapped by
// common-query-runner-to-graphql-api-exception-handler.util.ts to a UserInputError
// built from the exception: BAD_USER_INPUT, subCode TOO_COMPLEX_QUERY, and
// STANDARD_ERROR_MESSAGE "An error occurred." as the friendly message.
// Only the generated records root fields run through here: /metadata resolvers and
// the workflow-builder mutations are separate resolvers that never reach it.
import { type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';
import type { Workspace } from '../state/workspace.ts';
import type { Throttle } from './throttle.ts';
import { userInputError, type TwentyError } from './twenty-errors.ts';

/** COMMON_QUERY_COMPLEXITY_LIMIT's default. */
export const COMMON_QUERY_COMPLEXITY_LIMIT = 2000;

export type RecordsGuard = (objectId: string, info: GraphQLResolveInfo) => void;

export interface RecordsGuardOptions {
  ws: Workspace;
  /** The caller is an API key (throttled); a user token is not. */
  apiKey: boolean;
  throttle?: Throttle;
  complexityLimit?: number;
}

const tooComplex = (message: string): TwentyError =>
  userInputError(message, { subCode: 'TOO_COMPLEX_QUERY', userFriendlyMessage: 'An error occurred.' });

interface Selected {
  relationFieldsCount: number;
  hasAtLeastTwoNestedOneToManyRelations: boolean;
}

/** Walks a record selection the way GraphqlQuerySelectedFieldsParser does: relations by name, connections through edges/node. */
function parseSelection(
  ws: Workspace,
  objectId: string,
  set: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  fromOneToMany: boolean,
  acc: Selected,
): void {
  if (!set) return;
  const relations = new Map(
    ws
      .fieldsOf(objectId)
      .filter((f) => f.type === 'RELATION')
      .map((f) => [f.name, f]),
  );
  const visit = (selections: SelectionSetNode['selections']): void => {
    for (const sel of selections) {
      if (sel.kind === Kind.INLINE_FRAGMENT) visit(sel.selectionSet.selections);
      else if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments[sel.name.value];
        if (fragment) visit(fragment.selectionSet.selections);
      } else visitField(sel);
    }
  };
  const visitField = (node: FieldNode): void => {
    const name = node.name.value;
    // A connection's edges and node belong to the same record selection.
    if (name === 'edges' || name === 'node') {
      if (node.selectionSet) visit(node.selectionSet.selections);
      return;
    }
    const relation = relations.get(name);
    if (!relation?.relationTargetObjectMetadataId || !node.selectionSet) return;
    const oneToMany = relation.settings?.relationType === 'ONE_TO_MANY';
    if (fromOneToMany && oneToMany) acc.hasAtLeastTwoNestedOneToManyRelations = true;
    acc.relationFieldsCount++;
    parseSelection(ws, relation.relationTargetObjectMetadataId, node.selectionSet, fragments, fromOneToMany || oneToMany, acc);
  };
  visit(set.selections);
}

export function recordsGuard(options: RecordsGuardOptions): RecordsGuard {
  const limit = options.complexityLimit ?? COMMON_QUERY_COMPLEXITY_LIMIT;
  return (objectId, info) => {
    if (options.apiKey && options.throttle) {
      const limited = options.throttle.consume();
      if (limited) throw limited;
    }
    const acc: Selected = { relationFieldsCount: 0, hasAtLeastTwoNestedOneToManyRelations: false };
    for (const node of info.fieldNodes) parseSelection(options.ws, objectId, node.selectionSet, info.fragments, false, acc);
    if (acc.hasAtLeastTwoNestedOneToManyRelations) {
      throw tooComplex('Query complexity is too high. One-to-Many relation cannot be nested in another One-to-Many relation.');
    }
    const complexity = 1 + acc.relationFieldsCount;
    if (complexity > limit) {
      throw tooComplex(
        `Query complexity is too high. Please, reduce the amount of relation fields requested. Query complexity: ${complexity}. Maximum complexity: ${limit}.`,
      );
    }
  };
}
