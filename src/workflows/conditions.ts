// `when:` conditions → Twenty's step filters: `stepFilterGroups` (AND / OR,
// nested by parentStepFilterGroupId) and `stepFilters` (stepOutputKey, operand,
// value as a string). Shapes: twenty-shared workflow/schemas/step-filter-schema.ts
// and step-filter-group-schema.ts @41d2425. Values as the executor reads them
// (evaluate-filter-conditions.util.ts): SELECT compares with a JSON array of
// options (`contains`), BOOLEAN with "true"/"false", numbers and dates as text.
import type { FieldType } from '../pack/index.ts';
import type { ComparisonSpec, ConditionSpec } from './format.ts';

export interface StepFilterGroup {
  id: string;
  logicalOperator: 'AND' | 'OR';
  parentStepFilterGroupId?: string;
  positionInStepFilterGroup?: number;
}

export interface StepFilter {
  id: string;
  type: string;
  stepOutputKey: string;
  operand: string;
  value: string;
  stepFilterGroupId: string;
  positionInStepFilterGroup: number;
  compositeFieldSubFieldName?: string;
}

export interface CompiledFilter {
  stepFilterGroups: StepFilterGroup[];
  stepFilters: StepFilter[];
}

export const COMPARISON_KEYS = [
  'is',
  'isNot',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
  'atLeast',
  'atMost',
  'before',
  'after',
  'isEmpty',
] as const;

export function isComparison(node: ComparisonSpec | ConditionSpec): node is ComparisonSpec {
  return typeof (node as ComparisonSpec).value === 'string';
}

export interface FilterContext {
  /** Deterministic id for the n-th group / filter of this condition. */
  id(kind: 'group' | 'filter', n: number): string;
  /** The field type a variable (Twenty's form, with braces) compares, if known. */
  typeOf(stepOutputKey: string): { type?: FieldType; subField?: string };
  /** Rewrite friendly variables into Twenty's form. */
  rewrite(text: string): string;
}

/** The comparison's operator key (the one of COMPARISON_KEYS it uses). */
export function comparisonKey(c: ComparisonSpec): (typeof COMPARISON_KEYS)[number] | undefined {
  return COMPARISON_KEYS.find((k) => (c as unknown as Record<string, unknown>)[k] !== undefined);
}

export function compileCondition(condition: ConditionSpec, ctx: FilterContext): CompiledFilter & { rootGroupId: string } {
  const groups: StepFilterGroup[] = [];
  const filters: StepFilter[] = [];
  let groupCount = 0;
  let filterCount = 0;

  const addGroup = (node: ConditionSpec, parent: string | undefined, position: number): string => {
    const id = ctx.id('group', groupCount++);
    const logicalOperator = node.any ? 'OR' : 'AND';
    groups.push({ id, logicalOperator, ...(parent ? { parentStepFilterGroupId: parent, positionInStepFilterGroup: position } : {}) });
    let i = 0;
    for (const child of node.any ?? node.all ?? []) {
      if (isComparison(child)) addComparison(child, id, i++);
      else addGroup(child, id, i++);
    }
    return id;
  };

  const addComparison = (c: ComparisonSpec, groupId: string, position: number): void => {
    const key = ctx.rewrite(c.value);
    const { type, subField } = ctx.typeOf(key);
    const filterType = type ?? 'unknown';
    const push = (operand: string, value: string, group = groupId, pos = position): void => {
      filters.push({
        id: ctx.id('filter', filterCount++),
        type: filterType,
        stepOutputKey: key,
        operand,
        value,
        stepFilterGroupId: group,
        positionInStepFilterGroup: pos,
        ...(subField ? { compositeFieldSubFieldName: subField } : {}),
      });
    };
    const text = (v: unknown): string => (typeof v === 'string' ? ctx.rewrite(v) : v === null || v === undefined ? '' : String(v));
    const isSelect = type === 'SELECT' || type === 'MULTI_SELECT';
    const list = (vs: unknown[]): string => JSON.stringify(vs.map((v) => (typeof v === 'string' ? ctx.rewrite(v) : v)));
    const k = comparisonKey(c);
    switch (k) {
      case 'is':
        return push('IS', isSelect ? list([c.is]) : text(c.is));
      case 'isNot':
        return push('IS_NOT', isSelect ? list([c.isNot]) : text(c.isNot));
      case 'in':
      case 'notIn': {
        const values = (k === 'in' ? c.in : c.notIn) ?? [];
        if (isSelect) return push(k === 'in' ? 'IS' : 'IS_NOT', list(values));
        // Without a SELECT to compare against, one comparison per value in a group of its own.
        const sub = ctx.id('group', groupCount++);
        groups.push({
          id: sub,
          logicalOperator: k === 'in' ? 'OR' : 'AND',
          parentStepFilterGroupId: groupId,
          positionInStepFilterGroup: position,
        });
        values.forEach((v, i) => push(k === 'in' ? 'IS' : 'IS_NOT', text(v), sub, i));
        return;
      }
      case 'contains':
        return push('CONTAINS', text(c.contains));
      case 'doesNotContain':
        return push('DOES_NOT_CONTAIN', text(c.doesNotContain));
      case 'atLeast':
        return push('GREATER_THAN_OR_EQUAL', text(c.atLeast));
      case 'atMost':
        return push('LESS_THAN_OR_EQUAL', text(c.atMost));
      case 'before':
        return push('IS_BEFORE', text(c.before));
      case 'after':
        return push('IS_AFTER', text(c.after));
      case 'isEmpty':
        return push(c.isEmpty ? 'IS_EMPTY' : 'IS_NOT_EMPTY', '');
      default:
        return push('IS_NOT_EMPTY', '');
    }
  };

  const rootGroupId = addGroup(condition, undefined, 0);
  return { stepFilterGroups: groups, stepFilters: filters, rootGroupId };
}

/** Literal values a comparison checks against (for SELECT option validation), with their YAML key path. */
export function comparisonLiterals(c: ComparisonSpec): Array<{ value: unknown; path: Array<string | number> }> {
  const k = comparisonKey(c);
  if (k === 'in' || k === 'notIn') return (c[k] ?? []).map((value, i) => ({ value, path: [k, i] }));
  if (k === 'is' || k === 'isNot') return [{ value: c[k], path: [k] }];
  return [];
}
