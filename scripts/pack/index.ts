// Front door of the pack concern: load, validate and model the YAML configuration.
export { validatePack, type ValidationResult } from './validate.ts';
export { loadFiles, type PackFile, type FileKind, FOLDERS, MANIFEST_FILE, SETTINGS_FILE } from './load-files.ts';
export { buildPack, allPackFields } from './build-model.ts';
export * from './model.ts';
export { formatProblem, hasErrors, sortProblems, type Problem, type PendingProblem } from './problems.ts';
export { buildRefIndex, refOf, type RefIndex, type ObjectTarget, type FieldTarget } from './refs.ts';
