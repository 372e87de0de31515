// The workspace the records tests work in: a custom object intelLead with SELECT (stage),
// CURRENCY (estimatedDeposits) and RELATION (company) fields, made on /metadata as deploy
// makes them, and one company.
import { gql } from 'graphql-request';
import { startTestSandbox, type TestSandbox } from '../../src/fixtures/clients.ts';

export async function startLeadsSandbox(): Promise<{ t: TestSandbox; companyId: string }> {
  const t = await startTestSandbox();
  const company = t.sandbox.workspace.objectByName('company')?.id;
  const obj = await t.metadata.request<{ createOneObject: { id: string } }>(
    gql`
      mutation ($input: CreateOneObjectInput!) {
        createOneObject(input: $input) {
          id
        }
      }
    `,
    {
      input: {
        object: {
          nameSingular: 'intelLead',
          namePlural: 'intelLeads',
          labelSingular: 'Intel lead',
          labelPlural: 'Intel leads',
          icon: 'IconTarget',
        },
      },
    },
  );
  const field = (f: Record<string, unknown>): Promise<unknown> =>
    t.metadata.request(
      gql`
        mutation ($input: CreateOneFieldMetadataInput!) {
          createOneField(input: $input) {
            id
          }
        }
      `,
      { input: { field: { objectMetadataId: obj.createOneObject.id, ...f } } },
    );
  await field({
    type: 'SELECT',
    name: 'stage',
    label: 'Stage',
    defaultValue: "'COLLECTED'",
    options: [
      { value: 'COLLECTED', label: 'Collected', color: 'gray', position: 0 },
      { value: 'PUBLISHED', label: 'Published', color: 'sky', position: 1 },
    ],
  });
  await field({ type: 'CURRENCY', name: 'estimatedDeposits', label: 'Estimated deposits' });
  await field({
    type: 'RELATION',
    name: 'company',
    label: 'Company',
    relationCreationPayload: {
      type: 'MANY_TO_ONE',
      targetObjectMetadataId: company,
      targetFieldLabel: 'Intel leads',
      targetFieldIcon: 'IconTarget',
    },
  });
  const c = await t.graphql.request<{ createCompany: { id: string } }>(gql`
    mutation {
      createCompany(data: { name: "Acme Bank", employees: 12 }) {
        id
      }
    }
  `);
  return { t, companyId: c.createCompany.id };
}

export interface Lead {
  id: string;
  name: string;
  stage: string;
  estimatedDeposits: { amountMicros: number | null; currencyCode: string | null };
  companyId: string | null;
  company: { name: string } | null;
  createdBy: { source: string };
}
export const LEAD = 'id name stage estimatedDeposits { amountMicros currencyCode } companyId company { name } createdBy { source }';
