// One GraphQL request, the way Twenty's GraphQL Yoga server handles it: body
// checks, parse, complexity limits, validation against the schema, then
// execution. Error shapes and HTTP statuses follow Yoga and Twenty's hooks
// (see twenty-errors.ts); every rejection is a value, the server keeps serving.
import {
  type DocumentNode,
  execute,
  type ExecutionResult,
  getOperationAST,
  Kind,
  type GraphQLError,
  type GraphQLFieldResolver,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type OperationDefinitionNode,
  parse,
  validate,
} from 'graphql';
import { checkComplexity, type ComplexityLimits } from './complexity.ts';
import { formatExecutionError, formatRequestError, TwentyError } from './twenty-errors.ts';

export interface GraphqlBody {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

export interface PipelineResult {
  status: number;
  payload: { data?: unknown; errors?: GraphQLFormattedError[] };
}

export interface PipelineOptions<C> {
  schema: GraphQLSchema;
  body: GraphqlBody;
  /** The request's Accept header: Yoga answers parse/validation errors with 400 under graphql-response+json. */
  accept: string | undefined;
  contextValue: C;
  fieldResolver?: GraphQLFieldResolver<unknown, C>;
  /** The endpoint's document limits (complexity.ts). */
  limits: ComplexityLimits;
  /** Runs after validation, before execution (auth checks, throttle); an error stops the request. */
  beforeExecute?: (operation: OperationDefinitionNode) => TwentyError | undefined;
}

const documentCache = new Map<string, DocumentNode | readonly GraphQLError[]>();
const validationCache = new WeakMap<GraphQLSchema, Map<string, readonly GraphQLError[]>>();
const CACHE_LIMIT = 500;

function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size >= CACHE_LIMIT) {
    const first = cache.keys().next();
    if (!first.done) cache.delete(first.value);
  }
  cache.set(key, value);
  return value;
}

/** Parses (cached); a syntax error comes back as an array of errors. */
export function parseCached(query: string): DocumentNode | readonly GraphQLError[] {
  const hit = documentCache.get(query);
  if (hit) return hit;
  try {
    return remember(documentCache, query, parse(query));
  } catch (e) {
    return remember(documentCache, query, [e as GraphQLError]);
  }
}

/**
 * The operation a body asks for and whether it may write, without validating it (for the
 * request log): a mutation, unless every field it asks for is a dry run (`dryRun: true`,
 * as `syncApplication`'s plan is), which changes nothing.
 */
export function describeOperation(body: GraphqlBody): { operationName: string | null; write: boolean } {
  const named = typeof body.operationName === 'string' ? body.operationName : null;
  if (typeof body.query !== 'string') return { operationName: named, write: false };
  const doc = parseCached(body.query);
  if (Array.isArray(doc)) return { operationName: named, write: false };
  const op = getOperationAST(doc as DocumentNode, named ?? undefined);
  const write = op?.operation === 'mutation' && !onlyDryRuns(op, body.variables);
  return { operationName: named ?? op?.name?.value ?? null, write };
}

function onlyDryRuns(op: OperationDefinitionNode, variables: unknown): boolean {
  const vars = variables && typeof variables === 'object' ? (variables as Record<string, unknown>) : {};
  return op.selectionSet.selections.every((sel) => {
    if (sel.kind !== Kind.FIELD) return false;
    const arg = sel.arguments?.find((a) => a.name.value === 'dryRun');
    if (!arg) return false;
    if (arg.value.kind === Kind.BOOLEAN) return arg.value.value;
    return arg.value.kind === Kind.VARIABLE && vars[arg.value.name.value] === true;
  });
}

function prefersGraphqlResponseJson(accept: string | undefined): boolean {
  if (!accept) return false;
  const gr = accept.indexOf('application/graphql-response+json');
  const json = accept.indexOf('application/json');
  return gr >= 0 && (json < 0 || gr < json);
}

const isVariableError = (e: GraphQLError): boolean => e.message.startsWith('Variable "$');

export function runGraphql<C>(opts: PipelineOptions<C>): PipelineResult | Promise<PipelineResult> {
  const { body, schema } = opts;
  // Yoga's own request checks (graphql-yoga request parser): 400, no code.
  if (typeof body.query !== 'string' || body.query.trim() === '') {
    return { status: 400, payload: { errors: [{ message: 'Must provide query string.' }] } };
  }
  if (body.variables !== undefined && body.variables !== null && (typeof body.variables !== 'object' || Array.isArray(body.variables))) {
    return { status: 400, payload: { errors: [{ message: 'Invalid variables provided' }] } };
  }
  const specStatus = prefersGraphqlResponseJson(opts.accept) ? 400 : 200;
  const doc = parseCached(body.query);
  if (Array.isArray(doc)) {
    return { status: specStatus, payload: { errors: doc.map((e) => formatRequestError(e, 'GRAPHQL_PARSE_FAILED')) } };
  }
  const document = doc as DocumentNode;
  const tooComplex = checkComplexity(document, opts.limits);
  if (tooComplex) return { status: 200, payload: { errors: [formatExecutionError(tooComplex)] } };

  let perSchema = validationCache.get(schema);
  if (!perSchema) validationCache.set(schema, (perSchema = new Map()));
  const validationErrors = perSchema.get(body.query) ?? remember(perSchema, body.query, validate(schema, document));
  if (validationErrors.length > 0) {
    return { status: specStatus, payload: { errors: validationErrors.map((e) => formatRequestError(e, 'GRAPHQL_VALIDATION_FAILED')) } };
  }
  const operationName = typeof body.operationName === 'string' ? body.operationName : undefined;
  const operation = getOperationAST(document, operationName);
  if (operation && opts.beforeExecute) {
    const stop = opts.beforeExecute(operation);
    if (stop) return { status: 200, payload: { data: null, errors: [formatExecutionError(stop)] } };
  }
  const result = execute({
    schema,
    document,
    variableValues: (body.variables ?? undefined) as Record<string, unknown> | undefined,
    operationName,
    contextValue: opts.contextValue,
    fieldResolver: opts.fieldResolver,
  });
  return result instanceof Promise ? result.then(toResult) : toResult(result);
}

function toResult(result: ExecutionResult): PipelineResult {
  if (!result.errors || result.errors.length === 0) return { status: 200, payload: { data: result.data } };
  const errors = result.errors.map((e) => {
    // Variable coercion errors: message from graphql-js; the code Twenty gives
    // them is unconfirmed, BAD_USER_INPUT is what they are.
    if (isVariableError(e) && !(e.originalError instanceof TwentyError))
      return { message: e.message, extensions: { code: 'BAD_USER_INPUT' } };
    return formatExecutionError(e);
  });
  return { status: 200, payload: 'data' in result ? { data: result.data, errors } : { errors } };
}
