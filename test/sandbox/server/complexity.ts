// Twenty's query-complexity limits, checked right after parsing. Source:
// twentyhq/twenty packages/twenty-server/src/engine/core-modules/graphql/hooks/
// use-validate-graphql-query-complexity.hook.ts @b8a9f65, installed on /metadata
// with maximumAllowedFields = GRAPHQL_MAX_FIELDS (2000, twenty-config/
// config-variables.ts), 10 root resolvers, 10 nested levels and
// checkDuplicateRootResolvers = true. The sandbox applies the same limits to
// /graphql (stricter reading: the core config's values are not confirmed).
import { type DocumentNode, type FragmentDefinitionNode, Kind, type SelectionNode } from 'graphql';
import { userInputError, type TwentyError } from './twenty-errors.ts';

export const GRAPHQL_MAX_FIELDS = 2000;
export const MAX_ROOT_RESOLVERS = 10;
export const MAX_NESTED_FIELDS = 10;

interface Analysis {
  fieldsCount: number;
  maxDepth: number;
  rootFieldNames: string[];
}

function analyze(
  selections: readonly SelectionNode[],
  fragments: Map<string, FragmentDefinitionNode>,
  depth: number,
  seen: Set<string>,
): Analysis {
  let fieldsCount = 0;
  let maxDepth = depth;
  const rootFieldNames: string[] = [];
  for (const sel of selections) {
    if (sel.kind === Kind.FIELD) {
      if (sel.name.value.startsWith('__')) continue;
      fieldsCount++;
      maxDepth = Math.max(maxDepth, depth + 1);
      if (depth === 0) rootFieldNames.push(sel.name.value);
      if (sel.selectionSet) {
        const nested = analyze(sel.selectionSet.selections, fragments, depth + 1, seen);
        fieldsCount += nested.fieldsCount;
        maxDepth = Math.max(maxDepth, nested.maxDepth);
      }
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      const nested = analyze(sel.selectionSet.selections, fragments, depth, seen);
      fieldsCount += nested.fieldsCount;
      maxDepth = Math.max(maxDepth, nested.maxDepth);
      rootFieldNames.push(...nested.rootFieldNames);
    } else {
      const fragment = fragments.get(sel.name.value);
      // A fragment that spreads itself is left to validation (NoFragmentCyclesRule).
      if (!fragment || seen.has(sel.name.value)) continue;
      const nested = analyze(fragment.selectionSet.selections, fragments, 0, new Set([...seen, sel.name.value]));
      fieldsCount += nested.fieldsCount;
      maxDepth = Math.max(maxDepth, depth + nested.maxDepth);
      if (depth === 0) rootFieldNames.push(...nested.rootFieldNames);
    }
  }
  return { fieldsCount, maxDepth, rootFieldNames };
}

/** The first limit the document breaks, as Twenty words it, or undefined. */
export function checkComplexity(document: DocumentNode): TwentyError | undefined {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  let fields = 0;
  let depth = 0;
  const roots: string[] = [];
  for (const def of document.definitions) {
    if (def.kind !== Kind.OPERATION_DEFINITION) continue;
    const result = analyze(def.selectionSet.selections, fragments, 0, new Set());
    fields += result.fieldsCount;
    depth = Math.max(depth, result.maxDepth);
    for (const name of result.rootFieldNames) {
      if (roots.includes(name)) {
        return userInputError(`Duplicate root resolver: "${name}"`, {
          userFriendlyMessage: 'Duplicate root resolver found. Each root resolver can only be called once per document.',
        });
      }
      roots.push(name);
    }
  }
  if (depth > MAX_NESTED_FIELDS) {
    return userInputError(
      `Query too complex - Too many nested fields requested: ${depth} - Maximum allowed nested fields: ${MAX_NESTED_FIELDS}`,
    );
  }
  if (fields > GRAPHQL_MAX_FIELDS) {
    return userInputError(`Query too complex - Too many fields requested: ${fields} - Maximum allowed fields: ${GRAPHQL_MAX_FIELDS}`, {
      userFriendlyMessage: 'The request is too complex to process. Please try reducing the amount of requested fields.',
    });
  }
  if (roots.length > MAX_ROOT_RESOLVERS) {
    return userInputError(
      `Query too complex - Too many root resolvers requested: ${roots.length} - Maximum allowed root resolvers: ${MAX_ROOT_RESOLVERS}`,
      { userFriendlyMessage: 'The request is too complex to process. Please try reducing the amount of requested root resolvers.' },
    );
  }
  return undefined;
}
