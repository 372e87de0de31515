// syncApplication where a workspace object already holds a name the manifest creates: refused
// as Twenty's runner refuses it (docs/twenty-facts.md "Applications"), nothing of the sync kept.
import { gql } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failureOf, startTestSandbox, type TestSandbox } from '../../src/fixtures/clients.ts';
import { companyUid, manifest, objectCount, register, sync, uid } from './app-sync-fixture.ts';

describe('syncApplication where a workspace object holds the name', () => {
  let other: TestSandbox;
  beforeAll(async () => {
    other = await startTestSandbox();
    await other.metadata.request(gql`
      mutation {
        createOneObject(
          input: {
            object: { nameSingular: "visitPlan", namePlural: "visitPlans", labelSingular: "Visit plan", labelPlural: "Visit plans" }
          }
        ) {
          id
        }
      }
    `);
    await register(other);
  });
  afterAll(async () => {
    await other.sandbox.close();
  });

  it('fails the create in the runner, as Twenty does, and keeps nothing of the sync', async () => {
    const before = await objectCount(other);
    const f = await failureOf(sync(other, { manifest: manifest(await companyUid(other)) }));
    expect(f.errors[0]?.message).toBe(
      `Migration action 'create' for 'objectMetadata' (universalIdentifier: ${uid(1)}) failed: Metadata: duplicate key value violates unique constraint "IDX_OBJECT_METADATA_NAME_SINGULAR_WORKSPACE_ID_UNIQUE"`,
    );
    expect(f.errors[0]?.extensions).toMatchObject({
      code: 'APPLICATION_INSTALLATION_FAILED',
      userFriendlyMessage: 'Migration execution failed.',
      action: { type: 'create', metadataName: 'objectMetadata' },
    });
    expect(await objectCount(other)).toBe(before);
  });
});
