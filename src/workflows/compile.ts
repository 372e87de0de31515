// A workflow file → the exact trigger and steps Twenty stores, plus the hash that
// tells a deploy whether the workflow changed. Pure: the same file, catalogue and
// connected account always give the same JSON.
import type { WorkflowDef } from '../pack/index.ts';
import { type Catalogue, fieldOf } from './catalogue.ts';
import { compileStep, type CompiledStep } from './compile-steps.ts';
import { compileTrigger, type CompiledTrigger } from './compile-trigger.ts';
import type { FieldIdLookup } from './record-filters.ts';
import { compileCondition, type FilterContext } from './conditions.ts';
import type { ConditionSpec, WorkflowSpec } from './format.ts';
import { buildGraph, type GraphStep, partUuid, type WorkflowGraph } from './graph.ts';
import { definitionHash } from './hash.ts';
import { resolveVariable } from './resolve.ts';
import { rewriteVariables, type RewriteContext } from './variables.ts';

export interface CompiledWorkflow {
  universalIdentifier: string;
  name: string;
  description?: string;
  trigger: CompiledTrigger;
  steps: CompiledStep[];
  /** definitionHash(trigger, steps): equal hashes, nothing to deploy. */
  hash: string;
  /** The pack file it comes from. */
  file: string;
}

export interface CompileOptions {
  catalogue: Catalogue;
  /** The connected account email steps send from; '' when the workspace has none yet. */
  connectedAccountId?: string;
  /**
   * The workspace's field ids (read by deploy), for FIND_RECORDS filters. Without it, or for a
   * field the workspace does not have yet, the id stays a placeholder deploy fills in before writing.
   */
  fieldIds?: FieldIdLookup;
}

/** The workflow file's data as the format's types (the JSON Schema has checked the shapes). */
export function readSpec(def: WorkflowDef): WorkflowSpec {
  const data = def.data as unknown as WorkflowSpec;
  return { ...data, universalIdentifier: def.universalIdentifier, name: def.name, steps: data.steps ?? [] };
}

export function compileWorkflow(def: WorkflowDef, options: CompileOptions): CompiledWorkflow {
  const spec = readSpec(def);
  const graph = buildGraph(spec);
  const uuidOf = (key: string): string => graph.byKey.get(key)?.uuid ?? key;
  const scope = { trigger: spec.trigger, graph, catalogue: options.catalogue };
  const rewriteContext = (at: GraphStep | undefined): RewriteContext => ({
    triggerType: spec.trigger.type,
    ...(spec.trigger.type === 'DATABASE_EVENT' ? { event: spec.trigger.event } : {}),
    stepUuid: (key) => graph.byKey.get(key)?.uuid,
    ...(at?.iterator ? { iteratorUuid: uuidOf(at.iterator) } : {}),
  });
  const conditionCompiler = (at: GraphStep | undefined, idBase: string) => (when: ConditionSpec, tag: string) => {
    const rw = rewriteContext(at);
    const ctx: FilterContext = {
      id: (kind, n) => partUuid(spec.universalIdentifier, idBase, tag, kind, n),
      rewrite: (text) => rewriteVariables(text, rw),
      typeOf: (key) => {
        // The key is already in Twenty's form; resolve it back through the friendly form it came from.
        const inner = /^\{\{\s*([^{}]+?)\s*\}\}$/.exec(key.trim())?.[1];
        if (!inner) return {};
        const friendly = friendlyFor(inner, graph);
        const r = resolveVariable(friendly, at, scope);
        return r.ok ? { ...(r.type ? { type: r.type } : {}), ...(r.subField ? { subField: r.subField } : {}) } : {};
      },
    };
    return compileCondition(when, ctx);
  };

  const steps = graph.steps.map((step) =>
    compileStep(step, {
      uuidOf,
      rewrite: (v) => rewriteVariables(v, rewriteContext(step)),
      object: (name) => options.catalogue.object(name),
      condition: conditionCompiler(step, step.key),
      partId: (...parts) => partUuid(spec.universalIdentifier, step.key, ...parts),
      connectedAccountId: options.connectedAccountId ?? '',
      ...(options.fieldIds ? { fieldId: options.fieldIds } : {}),
    }),
  );
  const trigger = compileTrigger(spec.trigger, {
    nextStepIds: graph.first.map(uuidOf),
    eventFieldName: (object, field) => {
      const o = options.catalogue.object(object);
      const found = o ? fieldOf(o, field) : undefined;
      return found && !found.viaJoinColumn && found.field.relation?.joinColumn ? found.field.relation.joinColumn : field;
    },
    compileFilter: (when) => conditionCompiler(undefined, 'trigger')(when, 'when'),
  });
  return {
    universalIdentifier: spec.universalIdentifier,
    name: spec.name,
    ...(spec.description !== undefined ? { description: spec.description } : {}),
    trigger,
    steps,
    hash: definitionHash(trigger, steps),
    file: def.source.file,
  };
}

/** Turn Twenty's form back into the friendly one the resolver reads (`<uuid>.x` → `steps.<key>.x`). */
function friendlyFor(inner: string, graph: WorkflowGraph): string {
  const [head, ...rest] = inner.split('.');
  const step = graph.steps.find((s) => s.uuid === head);
  if (step) return ['steps', step.key, ...rest].join('.');
  if (head === 'trigger' && rest[0] === 'properties' && (rest[1] === 'after' || rest[1] === 'before'))
    return ['record', ...rest.slice(2)].join('.');
  if (head === 'trigger' && rest[0] === 'record') return ['record', ...rest.slice(1)].join('.');
  return inner;
}
