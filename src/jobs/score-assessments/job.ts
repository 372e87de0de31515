// score-assessments: for a quarter, scores the quarterly qualitative assessments; for a
// year, counts each manager's high-end clients from the CRM, scores the yearly quantitative
// assessment (creating it when missing) and proposes the grade change (rule.ts).
import { randomUUID } from 'node:crypto';
import { readClients } from '../clients.ts';
import { JobOptionError, type JobDefinition, type ReportItem } from '../job.ts';
import { ASSESSMENT, CLIENT_MANAGER } from '../objects.ts';
import type { RecordData, Row } from '../records-port.ts';
import * as v from '../values.ts';
import { parsePeriod, periodLabel, quarterAt, quartersOf } from '../periods.ts';
import {
  scoreQuarter,
  scoreYear,
  type AssessedManager,
  type AssessmentDecision,
  type AssessmentInput,
  type ManagedClient,
} from './rule.ts';

const ASSESSMENT_FIELDS = [
  'managerId',
  'kind',
  'period',
  'status',
  'attitudeScore',
  'responsibilityScore',
  'clientsAtStart',
  'clientsMaintained',
  'newClientsWon',
  'score',
  'payComponent',
  'payCoefficient',
  'currentGrade',
  'gradeChange',
  'proposedGrade',
];

function toAssessment(r: Row): AssessmentInput {
  return {
    id: r.id,
    managerId: v.text(r, 'managerId'),
    kind: v.text(r, 'kind'),
    period: v.text(r, 'period'),
    status: v.text(r, 'status'),
    attitudeScore: v.num(r, 'attitudeScore'),
    responsibilityScore: v.num(r, 'responsibilityScore'),
    clientsAtStart: v.num(r, 'clientsAtStart'),
    clientsMaintained: v.num(r, 'clientsMaintained'),
    newClientsWon: v.num(r, 'newClientsWon'),
    score: v.num(r, 'score'),
    payComponent: v.text(r, 'payComponent'),
    payCoefficient: v.num(r, 'payCoefficient'),
    currentGrade: v.text(r, 'currentGrade'),
    gradeChange: v.text(r, 'gradeChange'),
    proposedGrade: v.text(r, 'proposedGrade'),
  };
}

export const scoreAssessmentsJob: JobDefinition<'assessments' | 'tiers'> = {
  name: 'score-assessments',
  summary: 'Score quarterly (qualitative) or yearly (quantitative, from the CRM) assessments and propose grade changes.',
  policies: ['assessments', 'tiers'],
  access: {
    reads: {
      assessment: [
        'manager',
        'kind',
        'period',
        'status',
        'attitudeScore',
        'responsibilityScore',
        'clientsAtStart',
        'clientsMaintained',
        'newClientsWon',
        'score',
        'payComponent',
        'payCoefficient',
        'currentGrade',
        'gradeChange',
        'proposedGrade',
      ],
      clientManager: ['name', 'grade', 'status'],
      company: ['name', 'relationshipManager', 'clientTier', 'previousTier', 'tierSetAt', 'createdAt'],
      person: ['name', 'relationshipManager', 'clientTier', 'previousTier', 'tierSetAt', 'createdAt'],
    },
    writes: {
      assessment: {
        create: true,
        fields: [
          'name',
          'manager',
          'kind',
          'period',
          'status',
          'clientsAtStart',
          'clientsMaintained',
          'newClientsWon',
          'score',
          'payComponent',
          'payCoefficient',
          'currentGrade',
          'gradeChange',
          'proposedGrade',
          'assessedAt',
        ],
      },
    },
  },
  async plan(ctx, { assessments: policy, tiers }) {
    const { now } = ctx;
    const period = ctx.options.period === undefined ? quarterAt(now) : parsePeriod(ctx.options.period);
    if (!period) throw new JobOptionError(`--period must be a quarter like 2025Q3 or a year like 2025, not "${ctx.options.period}"`);
    const yearly = period.kind === 'year';
    const label = periodLabel(period, yearly ? policy.yearly.period : policy.quarterly.period);
    const quarterLabels = quartersOf(period.year).map((q) => periodLabel(q, policy.quarterly.period));
    const filter = yearly
      ? {
          or: [
            { kind: { in: [policy.yearly.kind] }, period: { eq: label } },
            { kind: { in: [policy.quarterly.kind] }, period: { in: quarterLabels } },
          ],
        }
      : { kind: { in: [policy.quarterly.kind] }, period: { eq: label } };
    const [assessmentRows, managerRows] = await Promise.all([
      ctx.records.readAll({ object: ASSESSMENT, fields: ASSESSMENT_FIELDS, filter }),
      ctx.records.readAll({ object: CLIENT_MANAGER, fields: ['name', 'grade', 'status'] }),
    ]);
    const managers: AssessedManager[] = managerRows.map((r) => ({
      id: r.id,
      name: v.text(r, 'name') ?? r.id,
      grade: v.text(r, 'grade'),
      status: v.text(r, 'status'),
    }));
    const assessments = assessmentRows.map(toAssessment);

    let decisions: AssessmentDecision[];
    if (yearly) {
      const clients: ManagedClient[] = [];
      for (const object of tiers.objects) {
        const rows = await readClients(
          ctx.records,
          object,
          ['relationshipManagerId', 'clientTier', 'previousTier', 'tierSetAt', 'createdAt'],
          { relationshipManagerId: { is: 'NOT_NULL' } },
        );
        for (const r of rows) {
          clients.push({
            relationshipManagerId: v.text(r, 'relationshipManagerId'),
            tier: v.text(r, 'clientTier'),
            previousTier: v.text(r, 'previousTier'),
            tierSetAt: v.time(r, 'tierSetAt') ?? v.time(r, 'createdAt') ?? 0,
          });
        }
      }
      decisions = scoreYear({ assessments, managers, clients }, period, policy, tiers.highEndTiers);
    } else {
      decisions = scoreQuarter(assessments, managers, period, policy);
    }

    const assessedAt = new Date(now).toISOString();
    const updates: Array<{ id: string; data: RecordData }> = [];
    const creates: Array<RecordData & { id: string }> = [];
    const scored: ReportItem[] = [];
    const skipped: ReportItem[] = [];
    let same = 0;
    const kindLabel = yearly ? '年度定量考核' : '季度定性考核';
    for (const d of decisions) {
      const who = d.manager?.name ?? 'unknown manager';
      if (d.kind === 'same') same++;
      else if (d.kind === 'skipped')
        skipped.push({
          object: ASSESSMENT.nameSingular,
          id: d.assessmentId ?? d.manager?.id ?? '',
          name: who,
          action: 'skipped',
          reason: d.explanation,
        });
      else if (d.kind === 'update') {
        const data = { ...d.values, assessedAt };
        updates.push({ id: d.assessmentId, data });
        scored.push({
          object: ASSESSMENT.nameSingular,
          id: d.assessmentId,
          name: who,
          action: 'score',
          reason: d.explanation,
          values: data,
        });
      } else {
        const record = {
          id: randomUUID(),
          name: `${d.period} ${kindLabel} · ${d.manager.name}`,
          managerId: d.manager.id,
          kind: d.kindValue,
          period: d.period,
          ...d.values,
          assessedAt,
        };
        creates.push(record);
        scored.push({ object: ASSESSMENT.nameSingular, id: record.id, name: who, action: 'create', reason: d.explanation, values: record });
      }
    }
    const changes = (kind: string): number => scored.filter((i) => i.values?.gradeChange === kind).length;
    return {
      job: 'score-assessments',
      title: yearly
        ? `Yearly quantitative assessments (年度定量考核) ${label}`
        : `Quarterly qualitative assessments (季度定性考核) ${label}`,
      facts: [
        ['period', label],
        ['kind', yearly ? policy.yearly.kind : policy.quarterly.kind],
      ],
      counts: [
        ['assessments to score', updates.length],
        ['assessments to create', creates.length],
        ...(yearly
          ? ([
              ['promotions proposed', changes('PROMOTE')],
              ['demotions proposed', changes('DEMOTE')],
            ] as Array<[string, number]>)
          : []),
        ['unchanged', same],
        ['skipped', skipped.length],
      ],
      sections: [
        { title: 'Scored', items: scored },
        { title: 'Skipped', items: skipped },
      ],
      changes: [
        { kind: 'update', object: ASSESSMENT, updates },
        { kind: 'create', object: ASSESSMENT, records: creates },
      ],
    };
  },
};
