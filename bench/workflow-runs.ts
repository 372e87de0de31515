// Workflow runs in the sandbox (issue 19): runs per second of the executor, and the
// records operations one run of each workflow makes on Twenty (the executor's own
// count: each FIND / CREATE / UPDATE / DELETE / UPSERT step is one), so the load the
// automations put on a workspace is known. Runs on the outcome tests' deployed
// sandbox (the pack + demo data).
import { deployedSandbox } from '../test/workflows/outcomes/fixture.ts';
import { create, rows, update } from '../test/workflows/outcomes/helpers.ts';
import { gql } from '../test/workflows/sandbox.ts';
import type { BenchRow } from './types.ts';

const DAY = 86_400_000;

export async function workflowRunRows(): Promise<BenchRow[]> {
  const sb = await deployedSandbox();
  try {
    const companies = rows(sb, 'company');
    const managers = rows(sb, 'clientManager');
    // Throughput: 60 new leads in one request, each starting the new-lead workflow (3 record steps).
    const leads = Array.from({ length: 60 }, (_, i) => ({ name: `bench-lead-${i}`, targetCompanyId: companies[i % companies.length]!.id }));
    const before = sb.workflows.runs().length;
    const start = performance.now();
    const answer = await gql(sb, sb.apiKey, 'mutation($d: [IntelLeadCreateInput!]!) { createIntelLeads(data: $d) { id } }', { d: leads });
    if (!answer.data) throw new Error(JSON.stringify(answer.errors));
    await sb.workflows.idle();
    const ms = performance.now() - start;
    const runs = sb.workflows.runs().length - before;

    // One run of every workflow, as the outcome tests start them.
    const lead = await create(sb, 'intelLead', { name: 'bench-assign', targetCompanyId: companies[0]!.id });
    await update(sb, 'intelLead', lead, { assignedManagerId: managers[0]!.id });
    const complaint = await create(sb, 'complaint', {
      name: 'bench-complaint',
      step: 'RECORDED',
      severity: 'LOW',
      companyId: companies[0]!.id,
      responsibleManagerId: managers[0]!.id,
    });
    const person = rows(sb, 'person').find((p) => (p.emails as { primaryEmail?: string } | null)?.primaryEmail)!;
    await update(sb, 'complaint', complaint, { personId: person.id, step: 'FEEDBACK_GIVEN' });
    await create(sb, 'bounty', { name: 'bench-bounty', status: 'POSTED', minimumGrade: 'JUNIOR', companyId: companies[0]!.id });
    const rate = await create(sb, 'rateRequest', {
      name: 'bench-rate',
      decision: 'APPROVED',
      creditAdmission: 'PENDING',
      companyId: companies[0]!.id,
    });
    await update(sb, 'rateRequest', rate, { decision: 'SUBMITTED' });
    await create(sb, 'satisfactionSurvey', {
      name: 'bench-survey',
      channel: 'PHONE',
      status: 'SAMPLED',
      interviewerId: managers[0]!.id,
      companyId: companies[0]!.id,
    });
    await sb.workflows.advance(40 * DAY); // the weekly meetings, the quarter's assessments (1 January), the complaint's delay

    const names = new Map(rows(sb, 'workflow').map((w) => [w.id, String(w.name)]));
    const per = new Map<string, number[]>();
    for (const r of sb.workflows.runs().slice(before + runs))
      per.set(r.workflowId, [...(per.get(r.workflowId) ?? []), sb.workflows.recordOperations(r.id)]);
    const out: BenchRow[] = [
      {
        name: 'workflows: runs of the new-lead workflow per second in the sandbox (60 leads, one request)',
        value: Number(((runs / ms) * 1000).toFixed(1)),
        unit: 'runs/s',
      },
    ];
    for (const [id, ops] of [...per].sort((a, b) => String(names.get(a[0])).localeCompare(String(names.get(b[0]))))) {
      out.push({
        name: `workflows: records operations per run on Twenty — ${names.get(id)}`,
        value: Math.max(...ops),
        unit: `ops/run (max of ${ops.length})`,
      });
    }
    return out;
  } finally {
    await sb.close();
  }
}
