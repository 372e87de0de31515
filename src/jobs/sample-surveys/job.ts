// sample-surveys: reads the tiered clients and the recent surveys, draws the batch's sample
// (rule.ts) and creates one satisfactionSurvey per drawn client for the maintenance team.
import { randomUUID } from 'node:crypto';
import { clientName, readClients } from '../clients.ts';
import { JobOptionError, type JobDefinition, type ReportItem } from '../job.ts';
import { MAINTENANCE_TEAM, SATISFACTION_SURVEY } from '../objects.ts';
import type { RecordData } from '../records-port.ts';
import * as v from '../values.ts';
import { DAY_MS, periodLabel, quarterAt } from '../periods.ts';
import type { ClientObject } from '../policy.ts';
import { batchName, chooseBatch } from './batch.ts';
import { sampleSurveys, seedForBatch, type ExistingSurvey, type SurveyClient } from './rule.ts';

export const sampleSurveysJob: JobDefinition<'surveys'> = {
  name: 'sample-surveys',
  summary: 'Draw a seeded simple random sample of clients per tier and create their satisfaction surveys.',
  access: {
    reads: {
      satisfactionSurvey: ['batch', 'company', 'person', 'tierAtSampling', 'sampledAt', 'surveyedAt', 'createdAt'],
      maintenanceTeam: ['leader'],
      company: ['name', 'clientTier', 'lastSurveyedAt', 'marketingOptOut', 'relationshipManager', 'maintenanceTeam'],
      person: ['name', 'clientTier', 'lastSurveyedAt', 'marketingOptOut', 'relationshipManager', 'maintenanceTeam'],
    },
    writes: {
      satisfactionSurvey: {
        create: true,
        fields: ['name', 'batch', 'sampleSeed', 'company', 'person', 'channel', 'tierAtSampling', 'status', 'interviewer', 'sampledAt'],
      },
    },
  },
  policies: ['surveys'],
  async plan(ctx, { surveys: policy }) {
    const { now, options } = ctx;
    if (options.batch !== undefined && options.newBatch) throw new JobOptionError('give either --batch NAME or --new-batch, not both');
    const cutoff = new Date(now - policy.recentSurveyExclusionDays * DAY_MS).toISOString();
    const quarter = periodLabel(quarterAt(now), '{year}Q{quarter}');
    // Every batch of this quarter starts with the format's text before {n}.
    const prefix = batchName(policy.batchFormat.split('{n}')[0] ?? '', quarter, 0);
    const surveyRows = await ctx.records.readAll({
      object: SATISFACTION_SURVEY,
      fields: ['batch', 'companyId', 'personId', 'tierAtSampling', 'sampledAt', 'surveyedAt', 'createdAt'],
      filter: {
        or: [
          { batch: { like: `${prefix}%` } },
          ...(options.batch ? [{ batch: { eq: options.batch } }] : []),
          { sampledAt: { gte: cutoff } },
          { surveyedAt: { gte: cutoff } },
          { createdAt: { gte: cutoff } },
        ],
      },
    });
    const batch =
      options.batch ??
      chooseBatch(
        policy.batchFormat,
        quarter,
        surveyRows.map((r) => v.text(r, 'batch') ?? ''),
        options.newBatch === true,
      );
    const seed = options.seed ?? policy.seed ?? seedForBatch(batch);

    const surveys: ExistingSurvey[] = surveyRows.flatMap((r): ExistingSurvey[] => {
      const companyId = v.text(r, 'companyId');
      const personId = v.text(r, 'personId');
      const object: ClientObject | null = companyId ? 'company' : personId ? 'person' : null;
      if (!object) return [];
      const at = v.time(r, 'sampledAt') ?? v.time(r, 'surveyedAt') ?? v.time(r, 'createdAt') ?? 0;
      return [{ object, clientId: (companyId ?? personId) as string, batch: v.text(r, 'batch'), tier: v.text(r, 'tierAtSampling'), at }];
    });
    const leaders = new Map<string, string>();
    if (policy.interviewer.includes('maintenanceTeam.leader')) {
      for (const t of await ctx.records.readAll({ object: MAINTENANCE_TEAM, fields: ['leaderId'] })) {
        const leader = v.text(t, 'leaderId');
        if (leader) leaders.set(t.id, leader);
      }
    }
    const clients: SurveyClient[] = [];
    for (const [object, sizes] of Object.entries(policy.sampleSize) as Array<[ClientObject, Record<string, number>]>) {
      const tiers = Object.keys(sizes);
      if (tiers.length === 0) continue;
      const rows = await readClients(
        ctx.records,
        object,
        ['clientTier', 'lastSurveyedAt', 'marketingOptOut', 'relationshipManagerId', 'maintenanceTeamId'],
        { clientTier: { in: tiers } },
      );
      for (const r of rows) {
        const team = v.text(r, 'maintenanceTeamId');
        clients.push({
          object,
          id: r.id,
          name: clientName(r),
          tier: v.text(r, 'clientTier'),
          lastSurveyedAt: v.time(r, 'lastSurveyedAt'),
          marketingOptOut: r.marketingOptOut === true,
          relationshipManagerId: v.text(r, 'relationshipManagerId'),
          teamLeaderId: team ? (leaders.get(team) ?? null) : null,
        });
      }
    }

    const strata = sampleSurveys({ clients, surveys, batch, seed, now }, policy);
    const sampledAt = new Date(now).toISOString();
    const created: ReportItem[] = [];
    const records: Record<ClientObject, Array<RecordData & { id: string }>> = { company: [], person: [] };
    for (const s of strata) {
      for (const c of s.created) {
        const record = {
          id: randomUUID(),
          name: `满意度调查 ${batch} · ${c.client.name}`,
          batch,
          sampleSeed: String(seed),
          [c.client.object === 'company' ? 'companyId' : 'personId']: c.client.id,
          channel: c.channel,
          tierAtSampling: c.tier,
          status: 'SAMPLED',
          interviewerId: c.interviewerId,
          sampledAt,
        };
        records[c.client.object].push(record);
        created.push({
          object: c.client.object,
          id: c.client.id,
          name: c.client.name,
          action: 'sample',
          reason: `${c.tier}, by ${c.channel === 'PHONE' ? 'phone' : 'face to face'}${c.interviewerId ? '' : ', no interviewer found'}`,
          values: record,
        });
      }
    }
    const strataItems: ReportItem[] = strata.map((s) => ({
      object: s.object,
      id: `${s.object}:${s.tier}`,
      name: `${s.object} ${s.tier}`,
      action: 'stratum',
      reason: `${s.created.length} drawn now, ${s.alreadyInBatch} already in the batch, of ${s.size}; population ${s.population}, ${s.excludedRecent} surveyed recently${policy.excludeMarketingOptOut ? `, ${s.excludedOptOut} opted out` : ''}`,
    }));
    return {
      job: 'sample-surveys',
      title: 'Satisfaction survey sample (满意度追踪调查)',
      facts: [
        ['batch', batch],
        ['seed', String(seed)],
        ['recent period', `${policy.recentSurveyExclusionDays} days`],
      ],
      counts: [
        ['clients in sampled tiers', clients.length],
        ['surveys to create', created.length],
        ['already in the batch', strata.reduce((n, s) => n + s.alreadyInBatch, 0)],
        ['left out: surveyed recently', strata.reduce((n, s) => n + s.excludedRecent, 0)],
      ],
      sections: [
        { title: 'Per client file and tier', items: strataItems },
        { title: 'Sampled clients', items: created },
      ],
      changes: [
        { kind: 'create', object: SATISFACTION_SURVEY, records: records.company },
        { kind: 'create', object: SATISFACTION_SURVEY, records: records.person },
      ],
    };
  },
};
