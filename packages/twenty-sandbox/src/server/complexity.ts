// Twenty's query-complexity limits, checked right after parsing. Source:
// twentyhq/twenty packages/twenty-server/src/engine/core-modules/graphql/hooks/
// use-validate-graphql-query-complexity.hook.ts @086f8f1c (root fields are counted
// by their name, not their alias, so an aliased repeat is a duplicate too).
// Installed with different limits per endpoint:
// - /metadata (engine/api/graphql/metadata.module-factory.ts @41d24255): GRAPHQL_MAX_FIELDS, 10 root
//   resolvers, 10 nested levels, duplicates refused;
// - /graphql (api/graphql/graphql-config/graphql-config.service.ts @41d24255):
//   GRAPHQL_MAX_FIELDS, GRAPHQL_MAX_ROOT_RESOLVERS, no nesting limit, duplicates
//   refused. Defaults from twenty-config/config-variables.ts @41d24255:
//   GRAPHQL_MAX_FIELDS 2000, GRAPHQL_MAX_ROOT_RESOLVERS 20.
import { type DocumentNode, type FragmentDefinitionNode, Kind, type SelectionNode } from 'graphql';
import { userInputError, type TwentyError } from './twenty-errors.ts';

export interface ComplexityLimits {
  maxFields: number;
  maxRootResolvers: number;
  /** Undefined: no nesting limit (the /graphql endpoint). */
  maxNestedFields?: number;
}

export const METADATA_LIMITS: ComplexityLimits = { maxFields: 2000, maxRootResolvers: 10, maxNestedFields: 10 };
export const GRAPHQL_LIMITS: ComplexityLimits = { maxFields: 2000, maxRootResolvers: 20 };

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
export function checkComplexity(document: DocumentNode, limits: ComplexityLimits): TwentyError | undefined {
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
  if (limits.maxNestedFields !== undefined && depth > limits.maxNestedFields) {
    return userInputError(
      `Query too complex - Too many nested fields requested: ${depth} - Maximum allowed nested fields: ${limits.maxNestedFields}`,
    );
  }
  if (fields > limits.maxFields) {
    return userInputError(`Query too complex - Too many fields requested: ${fields} - Maximum allowed fields: ${limits.maxFields}`, {
      userFriendlyMessage: 'The request is too complex to process. Please try reducing the amount of requested fields.',
    });
  }
  if (roots.length > limits.maxRootResolvers) {
    return userInputError(
      `Query too complex - Too many root resolvers requested: ${roots.length} - Maximum allowed root resolvers: ${limits.maxRootResolvers}`,
      { userFriendlyMessage: 'The request is too complex to process. Please try reducing the amount of requested root resolvers.' },
    );
  }
  return undefined;
}
