// The jobs' derived role is enough: on a sandbox with the pack and its demo records, every
// job runs under an API key holding roles/jobs.role.yaml and writes what it decides; the
// same key is refused what no job declared (docs/roles.md).
import { GraphQLClient } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeeds } from '../../src/deploy/index.ts';
import { DEMO_NOW } from '../../src/demo/index.ts';
import { JOB_NAMES } from '../../src/jobs/index.ts';
import { runPackJob } from '../../src/ops/index.ts';
import type { ValidPack } from '../../src/pack/index.ts';
import { buildRefIndex } from '../../src/pack/refs.ts';
import { JOBS_ROLE_ID, resolveRole } from '../../src/roles/index.ts';
import { TwentyClient } from '../../src/twenty/index.ts';
import { startJobSandbox, REPO, type JobSandbox } from '../jobs/e2e/sandbox-world.ts';
import { failureOf } from 'twenty-sandbox/fixtures';
import { validPack } from '../support/valid-pack.ts';

let w: JobSandbox;
let jobsKey = '';
let pack: ValidPack;

beforeAll(async () => {
  w = await startJobSandbox();
  pack = await validPack(REPO);
  const seeded = await loadSeeds(w.client(), pack, { demo: true });
  expect(seeded.failure).toBeUndefined();

  // The role as deploy would send it: names resolved to the workspace's ids.
  const def = pack.roles?.find((r) => r.universalIdentifier === JOBS_ROLE_ID);
  if (!def) throw new Error('roles/jobs.role.yaml is missing');
  const { role } = resolveRole(def, buildRefIndex(pack));
  const ws = w.sandbox.workspace;
  const objectId = (name: string): string => ws.objectByName(name)?.id ?? '';
  const meta = new GraphQLClient(`${w.sandbox.url}/metadata`, {
    headers: { Authorization: `Bearer ${w.sandbox.apiKey}`, Accept: 'application/json' },
  });
  const created = await meta.request<{ createOneRole: { id: string } }>(
    'mutation($i: CreateRoleInput!) { createOneRole(createRoleInput: $i) { id } }',
    { i: { label: role.label, ...role.settings } },
  );
  const roleId = created.createOneRole.id;
  await meta.request(
    'mutation($i: UpsertObjectPermissionsInput!) { upsertObjectPermissions(upsertObjectPermissionsInput: $i) { objectMetadataId } }',
    {
      i: {
        roleId,
        objectPermissions: role.objects.map(({ object, origin: _o, index: _i, ...p }) => ({ objectMetadataId: objectId(object), ...p })),
      },
    },
  );
  await meta.request('mutation($i: UpsertFieldPermissionsInput!) { upsertFieldPermissions(upsertFieldPermissionsInput: $i) { id } }', {
    i: {
      roleId,
      // The sandbox here has the small standard catalogue: standard fields it lacks are left out.
      fieldPermissions: role.fields.flatMap((f) => {
        const field = ws.fieldByName(objectId(f.object), f.field);
        return field
          ? [
              {
                objectMetadataId: objectId(f.object),
                fieldMetadataId: field.id,
                canReadFieldValue: f.canReadFieldValue,
                canUpdateFieldValue: f.canUpdateFieldValue,
              },
            ]
          : [];
      }),
    },
  });
  const key = await meta.request<{ createApiKey: { id: string } }>('mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { id } }', {
    i: { name: 'jobs', expiresAt: '2099-01-01T00:00:00.000Z', roleId },
  });
  const token = await meta.request<{ generateApiKeyToken: { token: string } }>(
    'mutation($id: UUID!) { generateApiKeyToken(apiKeyId: $id, expiresAt: "2099-01-01T00:00:00.000Z") { token } }',
    { id: key.createApiKey.id },
  );
  jobsKey = token.generateApiKeyToken.token;
}, 120_000);
afterAll(async () => w.close());

describe('the jobs API key role', () => {
  it('runs every job, writes included', async () => {
    const client = new TwentyClient({ url: w.sandbox.url, apiKey: jobsKey, pacing: { perMinute: 0, burst: 1 } });
    const written: Record<string, number> = {};
    for (const name of JOB_NAMES) {
      const outcome = await runPackJob(name, {
        pack,
        transport: client,
        now: DEMO_NOW,
        dryRun: false,
        options: name === 'score-assessments' ? { period: '2026Q3' } : {},
      });
      if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join('; '));
      expect(outcome.written?.error?.message, name).toBeUndefined();
      expect(outcome.written?.records ?? 0, name).toBe(outcome.planned.records);
      written[name] = outcome.planned.records;
    }
    // The demo world gives every job something to write, so the writes were tried under the role too.
    expect(Object.values(written).filter((n) => n > 0).length).toBeGreaterThanOrEqual(3);
  });

  it('is refused what no job declared: an object it never reads, a field it never reads', async () => {
    const gql = new GraphQLClient(`${w.sandbox.url}/graphql`, {
      headers: { Authorization: `Bearer ${jobsKey}`, Accept: 'application/json' },
    });
    const audit = await failureOf(gql.request('{ projectAudits { edges { node { id } } } }'));
    expect(audit.errors[0]?.extensions?.code).toBe('FORBIDDEN');
    const hidden = await failureOf(gql.request('{ intelLeads { edges { node { screeningNotes } } } }'));
    expect(hidden.errors[0]?.message).toBe(
      'Entity performing the request does not have permission: no permission to read field "screeningNotes" on "intelLead"',
    );
  });
});
