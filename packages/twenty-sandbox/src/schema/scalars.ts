// Twenty's UUID scalar (twentyhq/twenty packages/twenty-server/src/engine/api/
// graphql/workspace-schema-builder/graphql-types/scalars/uuid.scalar.ts @65ebe26):
// variables must be valid UUIDs ('UUID must be a string' / 'Invalid UUID',
// ValidationError → GRAPHQL_VALIDATION_FAILED). Twenty's literal parser only
// checks the kind and leaves the format to Postgres, which refuses it later; the
// sandbox refuses a malformed literal at once (same outcome, earlier).
import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { validationError } from '../server/twenty-errors.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function checkUuid(value: unknown): string {
  if (typeof value !== 'string') throw validationError('UUID must be a string');
  if (!UUID.test(value)) throw validationError('Invalid UUID');
  return value;
}

export const UUIDScalar = new GraphQLScalarType({
  name: 'UUID',
  description: 'A UUID scalar type',
  serialize: checkUuid,
  parseValue: checkUuid,
  parseLiteral(ast: ValueNode): string {
    if (ast.kind !== Kind.STRING) throw validationError('UUID must be a string');
    return checkUuid(ast.value);
  },
});

/** Gives a schema built from SDL the sandbox's UUID checks (buildSchema makes pass-through scalars). */
export function patchUuidScalar(scalar: GraphQLScalarType): void {
  scalar.serialize = UUIDScalar.serialize;
  scalar.parseValue = UUIDScalar.parseValue;
  scalar.parseLiteral = UUIDScalar.parseLiteral;
}
