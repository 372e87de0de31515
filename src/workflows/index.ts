// Front door of workflows: the pack's workflow files compiled into the JSON Twenty
// stores (pure: the same file, catalogue and ids give the same JSON and hash), and
// checked (a rule family of `bankpack validate`). Reading and writing them in Twenty
// is the engine's deploy phase (src/deploy/workflows/), which takes what it compiles
// from here; the builder writes need a user token (user-token.ts).
export { buildCatalogue, type Catalogue } from './catalogue.ts';
export { checkWorkflow, checkWorkflows } from './check.ts';
export { compileWorkflow, readSpec, type CompiledWorkflow, type CompileOptions } from './compile.ts';
export type { CompiledStep } from './compile-steps.ts';
export type { CompiledTrigger } from './compile-trigger.ts';
export { comparable, definitionHash } from './hash.ts';
export { fieldIdLookup, fillFieldIds, unresolvedFields, type FieldIdLookup } from './record-filters.ts';
export { resolveUserToken, USER_TOKEN_ENV, USER_TOKEN_HELP } from './user-token.ts';
