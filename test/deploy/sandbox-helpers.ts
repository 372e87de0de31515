// Deploying into the local sandbox from tests and benchmarks: a client without
// pacing and with short backoff, one deploy run, and the checks that a workspace
// holds the pack exactly once.
import { join } from 'node:path';
import { applyPlan, preparePlan, type ApplyReport, type Plan } from '../../src/deploy/index.ts';
import { readObjects, readViews } from '../../src/deploy/read-actual.ts';
import type { ValidPack } from '../../src/pack/index.ts';
import { TwentyClient, type PacingOptions } from '../../src/twenty/index.ts';
import { STANDARD_OBJECTS } from '../../src/pack/standard/index.ts';
import { MINI_CATALOGUE } from 'twenty-sandbox/fixtures';
import { startSandbox, type Sandbox, type SandboxOptions } from 'twenty-sandbox';
import { validPack } from '../support/valid-pack.ts';

export const MINI_PACK = join(import.meta.dirname, 'fixtures', 'mini-pack');
export const REPO_PACK = join(import.meta.dirname, '..', '..');

export async function loadPack(dir: string): Promise<ValidPack> {
  return validPack(dir);
}

export { startSandbox, type Sandbox };

/**
 * Standard objects whose record types the sandbox cannot build yet (their Update inputs come out
 * empty, and the whole /graphql schema fails with HTTP 500); left out until the sandbox handles them.
 */
const NOT_BUILDABLE = new Set([
  'agentChatThread',
  'agentChatThreadTarget',
  'agentMessage',
  'agentMessagePart',
  'agentTurn',
  'agentTurnEvaluation',
  'campaignDelivery',
  'messageSuppression',
]);

/** A sandbox with Twenty's standard catalogue (workflow objects included), for the repo pack. */
export function packSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  return startSandbox({ port: 0, standardObjects: STANDARD_OBJECTS.filter((o) => !NOT_BUILDABLE.has(o.nameSingular)), ...options });
}

/** A sandbox with the small standard catalogue (company, person, workspaceMember, noteTarget): quick to start. */
export function miniSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  return startSandbox({ port: 0, standardObjects: MINI_CATALOGUE, ...options });
}

export function clientFor(sb: Sandbox, options: { concurrency?: number; pacing?: PacingOptions } = {}): TwentyClient {
  return new TwentyClient({
    url: sb.url,
    apiKey: sb.apiKey,
    pacing: options.pacing ?? { perMinute: 0, burst: 1 },
    backoff: { baseMs: 2, capMs: 10 },
    timeoutMs: 10_000,
    ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
  });
}

/** One `bankpack deploy --yes`: plan, then apply. Errors are returned, never thrown. */
export async function deployOnce(
  sb: Sandbox,
  pack: ValidPack,
  options: { prune?: boolean; allowDataLoss?: boolean; concurrency?: number; pacing?: PacingOptions } = {},
): Promise<{ report?: ApplyReport; plan?: Plan; error?: unknown; client: TwentyClient }> {
  const client = clientFor(sb, {
    ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
    ...(options.pacing ? { pacing: options.pacing } : {}),
  });
  try {
    const prepared = await preparePlan(client, pack, { prune: options.prune === true });
    const report = await applyPlan(client, prepared.plan, prepared.actual, prepared.caps, {
      allowDataLoss: options.allowDataLoss === true,
    });
    return { report, plan: prepared.plan, client };
  } catch (error) {
    return { error, client };
  }
}

export async function planOf(sb: Sandbox, pack: ValidPack, prune = false): Promise<Plan> {
  return (await preparePlan(clientFor(sb), pack, { prune })).plan;
}

/** Everything that exists twice where it must exist once. */
export async function duplicates(sb: Sandbox, pack: ValidPack): Promise<string[]> {
  const client = clientFor(sb);
  const [objects, views] = await Promise.all([readObjects(client), readViews(client)]);
  const out: string[] = [];
  const dup = (what: string, keys: string[]): void => {
    const seen = new Set<string>();
    for (const k of keys) {
      if (seen.has(k)) out.push(`${what} ${k}`);
      seen.add(k);
    }
  };
  dup(
    'object',
    objects.map((o) => o.nameSingular),
  );
  for (const o of objects)
    dup(
      `field of ${o.nameSingular}`,
      o.fields.map((f) => f.name),
    );
  const packObjects = new Set(pack.objects.map((o) => o.nameSingular));
  const packViewNames = new Set(pack.views.map((v) => v.name));
  const objectName = (id: string): string => objects.find((o) => o.id === id)?.nameSingular ?? id;
  dup(
    'view',
    views
      .filter((v) => packObjects.has(objectName(v.objectMetadataId)) && packViewNames.has(v.name))
      .map((v) => `${objectName(v.objectMetadataId)}/${v.name}`),
  );
  for (const v of views) {
    dup(
      `column of view ${v.name}`,
      v.fields.map((f) => f.fieldMetadataId),
    );
    dup(
      `group of view ${v.name}`,
      v.groups.map((g) => g.fieldValue),
    );
    dup(
      `sort of view ${v.name}`,
      v.sorts.map((s) => s.fieldMetadataId),
    );
  }
  for (const seed of pack.seeds) {
    const object = objects.find((o) => o.nameSingular === seed.object);
    if (!object) continue;
    const data = await client.core<Record<string, { edges: Array<{ node: Record<string, unknown> }> }>>(
      `query { ${object.namePlural}(first: 200) { edges { node { id ${seed.key.join(' ')} } } } }`,
      undefined,
      { operation: 'check seeds' },
    );
    dup(
      `${seed.object} record`,
      (data[object.namePlural]?.edges ?? []).map((e) => seed.key.map((k) => JSON.stringify(e.node[k])).join('+')),
    );
  }
  return out;
}
