// The executable /metadata schema: the committed 2.43.0 SDL with the UUID scalar checked.
import { readFileSync } from 'node:fs';
import { buildSchema, type GraphQLSchema, isScalarType } from 'graphql';
import { METADATA_SDL_PATH } from './gen-metadata-sdl.ts';
import { patchUuidScalar } from './scalars.ts';

let cached: GraphQLSchema | undefined;

export function metadataSchema(): GraphQLSchema {
  if (cached) return cached;
  const schema = buildSchema(readFileSync(METADATA_SDL_PATH, 'utf8'));
  const uuid = schema.getType('UUID');
  if (isScalarType(uuid)) patchUuidScalar(uuid);
  cached = schema;
  return schema;
}
