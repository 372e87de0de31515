// The sandbox's HTTP server (node:http, 127.0.0.1): POST /metadata and
// POST /graphql as Twenty serves them, plus the sandbox-only test routes
// /_sandbox/requests and /_sandbox/faults.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StandardObject } from '../catalogue/types.ts';
import { metadataFieldResolver } from '../metadata/resolvers.ts';
import { addUser, memberOfToken, roleOfMember, type SandboxUser } from '../metadata/members.ts';
import { firstMemberId, roleOfToken, type RoleRow } from '../metadata/roles.ts';
import { enableEnterprise } from '../metadata/row-level.ts';
import { recordsSchema } from '../records/schema-builder.ts';
import { metadataSchema } from '../schema/metadata-schema.ts';
import { loadState, StateSaver } from '../state/persistence.ts';
import { loadStandardObjects, seedWorkspace } from '../state/seed.ts';
import { Workspace } from '../state/workspace.ts';
import { FaultInjector, type FaultRule, parseFaultRules, type Strike } from './faults.ts';
import { GRAPHQL_LIMITS, METADATA_LIMITS } from './complexity.ts';
import { describeOperation, type GraphqlBody, type PipelineResult, runGraphql } from './graphql-pipeline.ts';
import { recordsGuard } from './records-guard.ts';
import { RequestLog, type RequestLogEntry } from './request-log.ts';
import { Throttle, type ThrottleOptions } from './throttle.ts';
import { authenticationError, type TwentyError } from './twenty-errors.ts';
import { DEFAULT_SANDBOX_USER_TOKEN, type Principal } from '../workflows/principal.ts';
import { attachEngine, clockRoute, type SmtpTarget, webhookRoute, type WorkflowEngine } from '../workflows/executor/index.ts';

/** The key `bankpack sandbox` accepts unless --api-key sets one. Not a secret: it only opens a local sandbox. */
export const DEFAULT_SANDBOX_API_KEY = 'sandbox-dev-key';
const MAX_BODY_BYTES = 20 * 1024 * 1024;

export interface SandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  apiKey?: string;
  /** A user-session token (the workflow builder mutations refuse API keys, as Twenty does). */
  userToken?: string;
  /** Load the workspace from this JSON file if it exists, and save it there after writes. */
  statePath?: string;
  /** Enforce Twenty's API throttle (true: Twenty's defaults): records root fields, API-key callers only. */
  throttle?: boolean | ThrottleOptions;
  /** COMMON_QUERY_COMPLEXITY_LIMIT (default 2000); lower it to test the limit, as Twenty's integration tests do. */
  queryComplexityLimit?: number;
  faults?: FaultRule[];
  /** The standard objects of a new workspace (default: the pack's catalogue). */
  standardObjects?: readonly StandardObject[];
  /** Where the sandbox clock starts (CRON and DELAY follow it; POST /_sandbox/clock moves it). */
  clock?: Date | string;
  /** SEND_EMAIL steps deliver here (else they are only recorded). */
  smtp?: SmtpTarget;
  /** Answer as Twenty Enterprise with the RLS entitlement: row-level rules are taken and enforced (metadata/row-level.ts). */
  enterprise?: boolean;
}

export interface Sandbox {
  url: string;
  port: number;
  apiKey: string;
  userToken: string;
  workspace: Workspace;
  requests(): RequestLogEntry[];
  setFaults(rules: FaultRule[]): void;
  close(): Promise<void>;
  /** The workflow executor: runs, the clock, the emails sent. */
  workflows: WorkflowEngine;
  /** A new workspace member with the default role and a user-session token (as signing up gives). */
  addUser(name: { firstName: string; lastName: string }, email: string): SandboxUser;
}

type Endpoint = '/metadata' | '/graphql';

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        resolve(undefined);
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const delay = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const apiKey = options.apiKey ?? DEFAULT_SANDBOX_API_KEY;
  const userToken = options.userToken ?? DEFAULT_SANDBOX_USER_TOKEN;
  const saved = options.statePath ? loadState(options.statePath) : undefined;
  const ws = new Workspace(saved ?? seedWorkspace(options.standardObjects ?? (await loadStandardObjects())));
  if (options.enterprise) enableEnterprise(ws);
  const saver = options.statePath ? new StateSaver(options.statePath, ws) : undefined;
  if (saver && !saved) saver.schedule();
  const log = new RequestLog();
  const faults = new FaultInjector();
  faults.set(options.faults ?? []);
  const throttle = options.throttle ? new Throttle(options.throttle === true ? {} : options.throttle) : undefined;
  const metadata = metadataSchema();
  const engine = attachEngine(ws, { ...(options.clock ? { clock: options.clock } : {}), ...(options.smtp ? { smtp: options.smtp } : {}) });

  async function handleApi(endpoint: Endpoint, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const strikes = faults.strikes(endpoint);
    const raw = await readBody(req);
    let body: GraphqlBody | undefined;
    try {
      body = raw === undefined ? undefined : (JSON.parse(raw) as GraphqlBody);
    } catch {
      body = undefined;
    }
    const described =
      body && typeof body === 'object' && !Array.isArray(body) ? describeOperation(body) : { operationName: null, write: false };
    const entry: RequestLogEntry = { endpoint, operationName: described.operationName, write: described.write, status: 0 };
    log.add(entry);

    const fault = async (phase: 'before' | 'after'): Promise<boolean> => {
      const now: Strike[] = strikes.filter((s) => s.phase === phase);
      for (const s of now) if (s.rule.kind === 'latency') await delay(s.rule.ms ?? 0);
      const hard = now.find((s) => s.rule.kind !== 'latency');
      if (!hard) return false;
      entry.fault = `${hard.rule.kind}:${phase}`;
      switch (hard.rule.kind) {
        case 'drop':
          entry.status = 0;
          req.socket.destroy();
          return true;
        case 'http429':
          entry.status = 429;
          sendJson(
            res,
            429,
            { statusCode: 429, messages: ['Too Many Requests (injected by the sandbox)'], error: 'TOO_MANY_REQUESTS' },
            { 'Retry-After': String(hard.rule.retryAfter ?? 1) },
          );
          return true;
        default: {
          const status = hard.rule.kind === 'http500' ? 500 : 503;
          entry.status = status;
          sendJson(res, status, {
            statusCode: status,
            messages: [`HTTP ${status} injected by the sandbox`],
            error: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'SERVICE_UNAVAILABLE',
          });
          return true;
        }
      }
    };
    if (await fault('before')) return;

    let result: PipelineResult;
    if (raw === undefined) result = { status: 413, payload: { errors: [{ message: 'Request body too large' }] } };
    else if (!body || typeof body !== 'object' || Array.isArray(body)) {
      // graphql-yoga's request parser (batching is off in Twenty).
      result = {
        status: 400,
        payload: {
          errors: [
            { message: body === undefined ? 'POST body sent invalid JSON.' : 'POST body is expected to be object but received array' },
          ],
        },
      };
    } else {
      const { error: auth, principal, role, memberId } = authenticate(req.headers.authorization, apiKey, userToken, ws);
      if (auth) {
        // Twenty answers auth failures of GraphQL requests with HTTP 200 and errors[]
        // (middlewares/middleware.service.ts @45b288c, writeGraphqlResponseOnExceptionCaught).
        result = { status: 200, payload: { errors: [{ message: auth.message, extensions: auth.extensions }] } };
      } else {
        const records = endpoint === '/graphql';
        const beforeRecordsQuery = records
          ? recordsGuard({
              ws,
              apiKey: principal === 'apiKey',
              ...(throttle ? { throttle } : {}),
              ...(options.queryComplexityLimit !== undefined ? { complexityLimit: options.queryComplexityLimit } : {}),
            })
          : undefined;
        result = await runGraphql({
          schema: records ? recordsSchema(ws) : metadata,
          body,
          accept: req.headers.accept,
          contextValue: {
            ws,
            principal,
            role,
            memberId,
            locale: typeof req.headers['x-locale'] === 'string' ? req.headers['x-locale'] : undefined,
            beforeRecordsQuery,
          },
          fieldResolver: records ? undefined : metadataFieldResolver,
          limits: records ? GRAPHQL_LIMITS : METADATA_LIMITS,
        });
        if (described.write) saver?.schedule();
      }
    }
    if (await fault('after')) return;
    entry.status = result.status;
    sendJson(res, result.status, result.payload);
  }

  async function handleTestRoute(path: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (path === '/_sandbox/requests') {
      if (req.method === 'GET') return sendJson(res, 200, log.list());
      if (req.method === 'DELETE') {
        log.clear();
        return sendJson(res, 200, { cleared: true });
      }
    }
    if (path === '/_sandbox/faults') {
      if (req.method === 'GET') return sendJson(res, 200, faults.list());
      if (req.method === 'DELETE') {
        faults.set([]);
        return sendJson(res, 200, { cleared: true });
      }
      if (req.method === 'POST') {
        let parsed: FaultRule[] | string;
        try {
          parsed = parseFaultRules(JSON.parse((await readBody(req)) ?? ''));
        } catch {
          parsed = 'body is not JSON';
        }
        if (typeof parsed === 'string') return sendJson(res, 400, { error: parsed });
        faults.set(parsed);
        return sendJson(res, 200, parsed);
      }
    }
    sendJson(res, 405, { error: `${req.method ?? ''} ${path} is not supported` });
  }

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const work = (async () => {
      if ((path === '/metadata' || path === '/graphql') && req.method === 'POST') return handleApi(path, req, res);
      if (path === '/metadata' || path === '/graphql')
        return sendJson(res, 405, { errors: [{ message: 'Only POST requests are served' }] }, { Allow: 'POST' });
      if (path === '/_sandbox/clock' || path.startsWith('/webhooks/workflows/')) {
        const text = req.method === 'POST' ? await readBody(req) : undefined;
        let body: unknown;
        try {
          body = text ? JSON.parse(text) : Object.fromEntries(new URL(req.url ?? '/', 'http://sandbox').searchParams);
        } catch {
          return sendJson(res, 400, { error: 'body is not JSON' });
        }
        const answer =
          path === '/_sandbox/clock'
            ? await clockRoute(engine, req.method ?? 'GET', body)
            : await webhookRoute(ws, engine, path, req.method ?? 'GET', body);
        if (answer) return sendJson(res, answer.status, answer.body);
      }
      if (path.startsWith('/_sandbox/')) return handleTestRoute(path, req, res);
      return sendJson(res, 404, { statusCode: 404, message: `Cannot ${req.method ?? 'GET'} ${path}`, error: 'Not Found' });
    })();
    work.catch((e: unknown) => {
      // The sandbox keeps serving whatever one request did.
      if (!res.headersSent)
        sendJson(res, 500, {
          errors: [{ message: e instanceof Error ? e.message : String(e), extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
        });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    apiKey,
    userToken,
    workspace: ws,
    workflows: engine,
    requests: () => log.list(),
    setFaults: (rules) => faults.set(rules),
    addUser: (name, email) => addUser(ws, name, email),
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      engine.close();
      await saver?.flush();
    },
  };
}

function authenticate(
  header: string | undefined,
  apiKey: string,
  userToken: string,
  ws: Workspace,
): { error?: TwentyError; principal?: Principal; role?: RoleRow; memberId?: string } {
  const match = /^Bearer\s+(.+)$/i.exec(header?.trim() ?? '');
  if (!match?.[1]) return { error: authenticationError('Missing authentication token') };
  const token = match[1].trim();
  if (token === apiKey) return { principal: 'apiKey' };
  // A user session: its workspace member's role applies (metadata/members.ts); the sandbox's own
  // token stands for the first member, the workspace's admin.
  const memberId = token === userToken ? firstMemberId(ws) : memberOfToken(ws, token);
  if (token === userToken || memberId) return { principal: 'user', ...(memberId ? { memberId, role: roleOfMember(ws, memberId) } : {}) };
  // A key made with createApiKey + generateApiKeyToken: its role's permissions apply (metadata/api-keys.ts, roles.ts).
  const role = roleOfToken(ws, token);
  if (role) return { principal: 'apiKey', role };
  return { error: authenticationError('Token invalid.') };
}
