// JSON Schema validation per file kind (ajv, draft 2020-12), errors said in plain words.
import type { PackFile } from './load-files.ts';
import type { PendingProblem } from './problems.ts';
import { translateSchemaErrors } from './schema-errors.ts';
import { schemaRegistry, SCHEMA_FILE } from './schema-registry.ts';

/** The schema problems of one loaded file; never throws. */
export function checkFileSchema(file: PackFile): PendingProblem[] {
  try {
    const registry = schemaRegistry();
    const validate = registry.validator(file.kind);
    if (validate(file.data)) return [];
    return translateSchemaErrors(validate.errors ?? [], file.data, file.path, registry);
  } catch (e) {
    // A broken schema file or a bug of ours: say so on the file rather than crash the command.
    return [
      {
        file: file.path,
        path: [],
        message: `internal error while checking the file against schemas/${SCHEMA_FILE[file.kind]}: ${e instanceof Error ? e.message : String(e)}`,
        hint: 'this is a bug in bankpack or its schema files; please report it with this file',
        rule: 'schema',
        severity: 'error',
      },
    ];
  }
}
