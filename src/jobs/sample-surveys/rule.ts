// Satisfaction tracking (DOMAIN.md §3, 满意度追踪调查): a simple random sample (简单抽样) of
// each client file per tier, by phone for high-end tiers and face to face for the others
// (policies/surveys.policy.yaml channelByTier). Pure.
//
// Reproducible: each stratum (client object × tier) is ordered by id and drawn with its
// own seeded stream (the batch seed mixed with object and tier), so the same seed and the
// same population give the same sample, and one stratum's size never changes another's.
// Idempotent per batch: the batch's full sample is drawn again and only clients not yet in
// the batch get a survey, never more than the stratum's size in all.
// Not in the population: untiered clients; clients surveyed within recentSurveyExclusionDays
// (lastSurveyedAt, or a survey of another batch sampled or completed in that window); and,
// when excludeMarketingOptOut, clients who opted out of marketing.
import type { Channel, ClientObject, SurveysPolicy } from '../policy.ts';
import { DAY_MS } from '../periods.ts';
import { mulberry32, sampleWithoutReplacement, seedFromText } from '../prng.ts';

export interface SurveyClient {
  object: ClientObject;
  id: string;
  name: string;
  tier: string | null;
  lastSurveyedAt: number | null;
  marketingOptOut: boolean;
  relationshipManagerId: string | null;
  teamLeaderId: string | null;
}

export interface ExistingSurvey {
  object: ClientObject;
  clientId: string;
  batch: string | null;
  tier: string | null;
  /** sampledAt, else surveyedAt, else createdAt. */
  at: number;
}

export interface SampleSurveysInput {
  clients: SurveyClient[];
  surveys: ExistingSurvey[];
  batch: string;
  seed: number;
  now: number;
}

export interface SurveyToCreate {
  client: SurveyClient;
  tier: string;
  channel: Channel;
  interviewerId: string | null;
}

export interface StratumSample {
  object: ClientObject;
  tier: string;
  size: number;
  population: number;
  excludedRecent: number;
  excludedOptOut: number;
  alreadyInBatch: number;
  created: SurveyToCreate[];
}

export const clientKey = (object: ClientObject, id: string): string => `${object}:${id}`;

/** The seed of a batch when neither the command line nor the policy gives one. */
export const seedForBatch = (batch: string): number => seedFromText(`bankpack sample-surveys ${batch}`);

export function sampleSurveys(input: SampleSurveysInput, policy: SurveysPolicy): StratumSample[] {
  const cutoff = input.now - policy.recentSurveyExclusionDays * DAY_MS;
  const inBatch = new Map<string, string | null>();
  const recentElsewhere = new Set<string>();
  for (const s of input.surveys) {
    const key = clientKey(s.object, s.clientId);
    if (s.batch === input.batch) inBatch.set(key, s.tier);
    else if (s.at >= cutoff) recentElsewhere.add(key);
  }
  const ordered = [...input.clients].sort((a, b) => cmp(a.id, b.id));
  const strata: StratumSample[] = [];
  for (const [object, sizes] of Object.entries(policy.sampleSize) as Array<[ClientObject, Record<string, number>]>) {
    for (const [tier, size] of Object.entries(sizes)) {
      const ofStratum = ordered.filter((c) => c.object === object && c.tier === tier);
      const isIn = (c: SurveyClient): boolean => inBatch.has(clientKey(c.object, c.id));
      const recent = (c: SurveyClient): boolean =>
        !isIn(c) && (recentElsewhere.has(clientKey(c.object, c.id)) || (c.lastSurveyedAt !== null && c.lastSurveyedAt >= cutoff));
      const optedOut = (c: SurveyClient): boolean => !isIn(c) && policy.excludeMarketingOptOut && c.marketingOptOut;
      const eligible = ofStratum.filter((c) => !recent(c) && !optedOut(c));
      const alreadyInBatch = [...inBatch].filter(([key, t]) => key.startsWith(`${object}:`) && t === tier).length;
      const drawn = sampleWithoutReplacement(eligible, size, mulberry32(seedFromText(`${input.seed}:${object}:${tier}`)));
      const channel = policy.channelByTier[tier] ?? 'FACE_TO_FACE';
      const created = drawn
        .filter((c) => !isIn(c))
        .slice(0, Math.max(0, size - alreadyInBatch))
        .map((client) => ({ client, tier, channel, interviewerId: interviewerOf(client, policy) }));
      strata.push({
        object,
        tier,
        size,
        population: ofStratum.length,
        excludedRecent: ofStratum.filter(recent).length,
        excludedOptOut: ofStratum.filter((c) => !recent(c) && optedOut(c)).length,
        alreadyInBatch,
        created,
      });
    }
  }
  return strata;
}

function interviewerOf(c: SurveyClient, policy: SurveysPolicy): string | null {
  for (const source of policy.interviewer) {
    const id = source === 'relationshipManager' ? c.relationshipManagerId : c.teamLeaderId;
    if (id) return id;
  }
  return null;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
