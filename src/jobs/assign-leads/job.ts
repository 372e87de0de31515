// assign-leads: reads the open leads, the managers and their branches, assigns the leads
// in the publish stage (rule.ts), and writes manager, rule, date, distance and reason.
import type { JobDefinition, ReportItem } from '../job.ts';
import { ADDRESS_FIELDS, BRANCH, CLIENT_MANAGER, INTEL_LEAD } from '../objects.ts';
import type { Row } from '../records-port.ts';
import * as v from '../values.ts';
import { assignLeads, type AssignmentRule, type BranchInput, type LeadInput, type ManagerInput, type Place } from './rule.ts';

const RULES: readonly string[] = ['FIRST_CLAIM', 'PROXIMITY', 'INDUSTRY'];

function place(row: Row, field: string): Place {
  const a = v.address(row, field);
  return { lat: a.lat, lng: a.lng, city: a.city, state: a.state };
}

function toLead(row: Row): LeadInput {
  const claimedBy = v.text(row, 'claimedById');
  const claimedAt = v.time(row, 'claimedAt');
  const rule = v.text(row, 'assignmentRule');
  return {
    id: row.id,
    name: v.text(row, 'name') ?? row.id,
    stage: v.text(row, 'stage') ?? '',
    industry: v.text(row, 'industry'),
    place: place(row, 'location'),
    // One claim field: the claimant without a date still claimed it, before anyone with one.
    claims: claimedBy ? [{ managerId: claimedBy, at: claimedAt ?? 0 }] : [],
    assignedManagerId: v.text(row, 'assignedManagerId'),
    assignmentRule: rule && RULES.includes(rule) ? (rule as AssignmentRule) : null,
    assignedAt: v.time(row, 'assignedAt'),
    createdAt: v.time(row, 'createdAt') ?? 0,
  };
}

export const assignLeadsJob: JobDefinition<'assignment'> = {
  name: 'assign-leads',
  summary: 'Assign published leads to client managers: first claim, then proximity, then industry.',
  policies: ['assignment'],
  access: {
    reads: {
      intelLead: [
        'name',
        'stage',
        'industry',
        'location',
        'claimedBy',
        'claimedAt',
        'assignedManager',
        'assignmentRule',
        'assignedAt',
        'createdAt',
      ],
      // `industries` is assignment.policy.yaml's industry.field.
      clientManager: ['name', 'employeeNo', 'branch', 'industries', 'capacity', 'status'],
      branch: ['name', 'location'],
    },
    writes: { intelLead: { fields: ['assignedManager', 'assignmentRule', 'assignedAt', 'assignmentDistanceKm', 'assignmentReason'] } },
  },
  async plan(ctx, { assignment: policy }) {
    const { records } = ctx;
    const stages = [...new Set([policy.stage, ...policy.load.countedStages])];
    const [leadRows, managerRows, branchRows] = await Promise.all([
      records.readAll({
        object: INTEL_LEAD,
        fields: [
          'name',
          'stage',
          'industry',
          { location: ADDRESS_FIELDS },
          'claimedById',
          'claimedAt',
          'assignedManagerId',
          'assignmentRule',
          'assignedAt',
          'createdAt',
        ],
        filter: { stage: { in: stages } },
      }),
      records.readAll({
        object: CLIENT_MANAGER,
        fields: ['name', 'employeeNo', 'branchId', policy.industry.field, 'capacity', 'status'],
      }),
      records.readAll({ object: BRANCH, fields: ['name', { location: ADDRESS_FIELDS }] }),
    ]);
    const managers: ManagerInput[] = managerRows.map((r) => ({
      id: r.id,
      name: v.text(r, 'name') ?? r.id,
      employeeNo: v.text(r, 'employeeNo'),
      branchId: v.text(r, 'branchId'),
      industries: v.list(r, policy.industry.field),
      capacity: v.num(r, 'capacity'),
      status: v.text(r, 'status'),
    }));
    const branches: BranchInput[] = branchRows.map((r) => ({ id: r.id, name: v.text(r, 'name') ?? r.id, place: place(r, 'location') }));
    const decisions = assignLeads({ leads: leadRows.map(toLead), managers, branches }, policy);

    const at = new Date(ctx.now).toISOString();
    const assigned: ReportItem[] = [];
    const unassigned: ReportItem[] = [];
    let kept = 0;
    const updates = [];
    for (const d of decisions) {
      const base = { object: INTEL_LEAD.nameSingular, id: d.lead.id, name: d.lead.name };
      if (d.kind === 'keep') kept++;
      else if (d.kind === 'unassigned') unassigned.push({ ...base, action: 'unassigned', reason: d.explanation });
      else {
        const data = {
          assignedManagerId: d.managerId,
          assignmentRule: d.rule,
          assignedAt: at,
          assignmentDistanceKm: d.distanceKm,
          assignmentReason: d.explanation,
        };
        updates.push({ id: d.lead.id, data });
        assigned.push({
          ...base,
          action: d.previousManagerId ? 'reassign' : 'assign',
          reason: `→ ${d.managerName} by ${d.rule}: ${d.explanation}`,
          values: data,
        });
      }
    }
    const byRule = (rule: string): number => assigned.filter((i) => i.values?.assignmentRule === rule).length;
    return {
      job: 'assign-leads',
      title: 'Lead assignment (信息发布)',
      facts: [
        ['stage', policy.stage],
        ['rules', policy.rules.join(' → ')],
        ['max distance', `${policy.proximity.maxDistanceKm} km`],
      ],
      counts: [
        ['leads to assign', decisions.length - kept],
        ['by first claim', byRule('FIRST_CLAIM')],
        ['by proximity', byRule('PROXIMITY')],
        ['by industry', byRule('INDUSTRY')],
        ['left unassigned', unassigned.length],
        ['already assigned', kept],
      ],
      sections: [
        { title: 'Assigned', items: assigned },
        { title: 'Left for the meeting (no rule placed them)', items: unassigned },
      ],
      changes: [{ kind: 'update', object: INTEL_LEAD, updates }],
    };
  },
};
