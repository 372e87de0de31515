// Regenerates src/pack/standard/standard-objects.generated.json from the
// pinned twenty-sdk's STANDARD_OBJECT and the hand table. Run after a
// twenty-sdk upgrade or a table edit:  npx tsx src/gen/standard-objects.ts
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { STANDARD_OBJECT } from 'twenty-sdk/define';
import { buildStandardCatalogue, renderCatalogueJson, STANDARD_FIELD_INFO, SYSTEM_FIELDS } from '../pack/index.ts';

export const GENERATED_CATALOGUE_PATH = fileURLToPath(new URL('../pack/standard/standard-objects.generated.json', import.meta.url));

function main(): number {
  const { objects, errors, untyped } = buildStandardCatalogue(STANDARD_OBJECT, STANDARD_FIELD_INFO, SYSTEM_FIELDS);
  if (errors.length > 0) {
    process.stderr.write(
      `The hand table does not match twenty-sdk's STANDARD_OBJECT; nothing written:\n${errors.map((e) => `  - ${e}`).join('\n')}\n`,
    );
    return 1;
  }
  writeFileSync(GENERATED_CATALOGUE_PATH, renderCatalogueJson(objects));
  const fieldCount = objects.reduce((n, o) => n + o.fields.length, 0);
  process.stdout.write(`Wrote ${objects.length} objects, ${fieldCount} typed fields to ${GENERATED_CATALOGUE_PATH}\n`);
  if (untyped.length > 0) process.stdout.write(`${untyped.length} SDK fields not typed by the hand table:\n  ${untyped.join('\n  ')}\n`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main();
