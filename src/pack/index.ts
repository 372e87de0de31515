// Front door of the pack concern: load, validate and model the YAML configuration.
// `validatePackWith` returns a ValidPack when the pack has no errors: the one linked model
// every command that acts on Twenty takes. The features' rule families are handed in from
// above (src/validate's validatePack registers them all).
export { validatePackWith, type ValidationResult, type ValidPack } from './validate.ts';
export { PACK_RULE_FAMILIES, type RuleContext, type RuleFamily } from './rules/index.ts';
export { linkPack, defaultLocaleOf, DEFAULT_LOCALE, type LinkedPack } from './linked-pack.ts';
export type { LinkedField, LinkedModel, LinkedObject, LinkedOption, LinkedRelation } from './linked.ts';
export { loadFiles, resolveProblem, type PackFile, type FileKind, FOLDERS, MANIFEST_FILE, SETTINGS_FILE } from './load-files.ts';
export { buildPack } from './build-model.ts';
export * from './model.ts';
export { formatProblem, hasErrors, sortProblems, type Problem, type PendingProblem, type Severity } from './problems.ts';
export { refOf, type RefIndex, type ObjectTarget, type FieldTarget } from './refs.ts';
export { SYSTEM_FIELD_NAMES } from './standard/index.ts';
export { parseYaml } from './yaml-source.ts';
export { didYouMean } from './did-you-mean.ts';
export { COMPOSITE_SUB_FIELDS } from './standard/composite-fields.ts';
export { schemaRegistry, SCHEMA_DIR } from './schema-registry.ts';
// What src/gen/standard-objects.ts regenerates the standard catalogue from (the hand table and its builder).
export { buildStandardCatalogue, renderCatalogueJson } from './standard/build-catalogue.ts';
export { STANDARD_FIELD_INFO, SYSTEM_FIELDS } from './standard/field-info/index.ts';
