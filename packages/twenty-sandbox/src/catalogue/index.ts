// The sandbox's own catalogue of Twenty's standard objects, seeded into every new
// workspace unless startSandbox({standardObjects}) gives another.
//
// standard-objects.json is a copy, taken at bankpack commit 16f3971, of the output
// of the engine's generator (src/gen/standard-objects.ts): names and universal
// identifiers from twenty-sdk@2.43.0's STANDARD_OBJECT, types, labels, relations
// and options from twentyhq/twenty's server files
// (twenty-server/src/engine/workspace-manager/twenty-standard-application/utils/
// field-metadata/compute-*-standard-flat-field-metadata.util.ts), cited in
// docs/twenty-facts.md. It is the sandbox's own: the engine's catalogue may be
// corrected without it, and a test (test/pack/sandbox-catalogue.test.ts) fails
// when the two disagree; test/catalogue.test.ts holds it to twenty-sdk itself.
import catalogue from './standard-objects.json' with { type: 'json' };
import type { StandardObject } from './types.ts';

export type { FieldType, RelationType, StandardField, StandardObject, StandardOption } from './types.ts';

// Written by the generator from typed code; checked against twenty-sdk by the package's test.
const loaded: unknown = catalogue;
export const STANDARD_OBJECTS: readonly StandardObject[] = loaded as StandardObject[];
