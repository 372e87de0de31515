// Twenty's GraphQL errors, as the server sends them. Source: twentyhq/twenty
// packages/twenty-server/src/engine/core-modules/graphql/utils/graphql-errors.util.ts
// (BaseGraphQLError: `extensions = { ...extensions, code }`; errors built from a
// CustomException also carry `subCode` and `userFriendlyMessage`).
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

export type TwentyErrorCode =
  | 'GRAPHQL_PARSE_FAILED'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INTERNAL_SERVER_ERROR'
  | 'METADATA_VALIDATION_FAILED'
  | 'APPLICATION_INSTALLATION_FAILED';

export interface TwentyErrorExtensions {
  subCode?: string;
  userFriendlyMessage?: string;
  [key: string]: unknown;
}

/** An error the sandbox raises on purpose; it reaches the client as it is. */
export class TwentyError extends GraphQLError {
  constructor(message: string, code: TwentyErrorCode, extensions: TwentyErrorExtensions = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

export const userInputError = (message: string, ext?: TwentyErrorExtensions): TwentyError =>
  new TwentyError(message, 'BAD_USER_INPUT', ext);
export const notFoundError = (message: string, ext?: TwentyErrorExtensions): TwentyError => new TwentyError(message, 'NOT_FOUND', ext);
export const forbiddenError = (message: string, ext?: TwentyErrorExtensions): TwentyError => new TwentyError(message, 'FORBIDDEN', ext);
export const conflictError = (message: string, ext?: TwentyErrorExtensions): TwentyError => new TwentyError(message, 'CONFLICT', ext);
export const validationError = (message: string): TwentyError => new TwentyError(message, 'GRAPHQL_VALIDATION_FAILED');

/**
 * Missing or wrong key. The guard (guards/workspace-auth.guard.ts) throws
 * 'Missing authentication token'; a token that does not verify gives
 * AuthException('Token invalid.', UNAUTHENTICATED), mapped by
 * auth/utils/auth-graphql-api-exception-handler.util.ts.
 */
export const authenticationError = (message: string): TwentyError =>
  new TwentyError(message, 'UNAUTHENTICATED', {
    subCode: 'UNAUTHENTICATED',
    userFriendlyMessage: 'You must be authenticated to perform this action.',
  });

/**
 * Formats an error of an executed operation the way Twenty's error hook does
 * (core-modules/graphql/hooks/use-graphql-error-handler.hook.ts): an error that
 * was raised as a Twenty error is sent as its original (message + extensions,
 * no locations); anything else becomes INTERNAL_SERVER_ERROR with the default
 * friendly message (generate-graphql-error-from-error.util.ts).
 */
export function formatExecutionError(error: GraphQLError): GraphQLFormattedError {
  const original = error.originalError;
  if (original instanceof TwentyError) return { message: original.message, extensions: original.extensions };
  if (error instanceof TwentyError) return { message: error.message, extensions: error.extensions };
  return {
    message: error.message,
    extensions: { code: 'INTERNAL_SERVER_ERROR', userFriendlyMessage: 'An error occurred.' },
  };
}

/** A parse or validation error, formatted by GraphQL Yoga with Twenty's code. */
export function formatRequestError(error: GraphQLError, code: TwentyErrorCode): GraphQLFormattedError {
  const json = error.toJSON();
  return { message: json.message, ...(json.locations ? { locations: json.locations } : {}), extensions: { code } };
}
