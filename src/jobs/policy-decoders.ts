// One decoder per policy file: reads each key with its type and default, and records a
// problem (with the key's path, hence its file:line) for every mistake in one pass.
import type { NodePath } from '../pack/index.ts';
import { label, type PolicyReader } from './policy-reader.ts';
import {
  ASSIGNMENT_RULES,
  CHANNELS,
  CLIENT_OBJECTS,
  GRADES,
  LEAD_STAGES,
  RANK_KEYS,
  TIERS,
  type AssessmentKindPolicy,
  type AssessmentsPolicy,
  type AssignmentPolicy,
  type AssignmentRuleName,
  type BountiesPolicy,
  type Channel,
  type ClientObject,
  type InterviewerSource,
  type Policies,
  type PolicyName,
  type RankKey,
  type SurveysPolicy,
  type TierThreshold,
  type TiersPolicy,
} from './policy-types.ts';

const decodeAssignment = (r: PolicyReader): AssignmentPolicy => {
  r.keys([], ['description', 'stage', 'managerStatuses', 'rules', 'firstClaim', 'proximity', 'industry', 'load']);
  r.keys(['firstClaim'], ['honourAtCapacity']);
  r.keys(['proximity'], ['earthRadiusKm', 'maxDistanceKm', 'toleranceKm', 'fallbackWhenNoCoordinates']);
  r.keys(['industry'], ['field']);
  r.keys(['load'], ['countedStages', 'skipAtCapacity', 'defaultCapacity']);
  const rules = r.strings(['rules'], ASSIGNMENT_RULES, { oneOf: ASSIGNMENT_RULES, nonEmpty: true, unique: true }) as AssignmentRuleName[];
  const ordered = ASSIGNMENT_RULES.filter((x) => rules.includes(x));
  if (ordered.join() !== rules.join())
    r.problem(
      ['rules'],
      `the rules apply in the bank's order (${ASSIGNMENT_RULES.join(', ')}); list them in that order`,
      `rules: [${ordered.join(', ')}]`,
    );
  const stage = r.string(['stage'], 'PUBLISHED', LEAD_STAGES);
  const countedStages = r.strings(['load', 'countedStages'], ['PUBLISHED', 'FEEDBACK', 'REFINED'], { oneOf: LEAD_STAGES, unique: true });
  if (!countedStages.includes(stage))
    r.problem(
      ['load', 'countedStages'],
      `load.countedStages must include ${stage}: a lead just assigned counts towards its manager's load`,
    );
  return {
    stage,
    managerStatuses: r.strings(['managerStatuses'], ['ACTIVE'], { unique: true, nonEmpty: true }),
    rules: ordered,
    firstClaim: { honourAtCapacity: r.boolean(['firstClaim', 'honourAtCapacity'], true) },
    proximity: {
      earthRadiusKm: r.number(['proximity', 'earthRadiusKm'], { min: 6300, max: 6400 }, 6371.0088),
      maxDistanceKm: r.number(['proximity', 'maxDistanceKm'], { min: 0 }),
      toleranceKm: r.number(['proximity', 'toleranceKm'], { min: 0 }, 0),
      fallbackWhenNoCoordinates: r.strings(['proximity', 'fallbackWhenNoCoordinates'], ['SAME_CITY', 'SAME_STATE'], {
        oneOf: ['SAME_CITY', 'SAME_STATE'],
        unique: true,
      }) as Array<'SAME_CITY' | 'SAME_STATE'>,
    },
    industry: { field: r.string(['industry', 'field'], 'industries') },
    load: {
      countedStages,
      skipAtCapacity: r.boolean(['load', 'skipAtCapacity'], true),
      defaultCapacity: r.number(['load', 'defaultCapacity'], { min: 0, integer: true }),
    },
  };
};

function thresholds(r: PolicyReader, path: NodePath): TierThreshold[] {
  const rows = r.list(path).map((_, i): TierThreshold => {
    r.keys([...path, i], ['tier', 'minScore']);
    return { tier: r.string([...path, i, 'tier'], undefined, TIERS), minScore: r.number([...path, i, 'minScore'], { min: 0 }) };
  });
  if (rows.length === 0) r.problem(path, `${label(path)} must list at least one { tier, minScore }`);
  const seen = new Set<string>();
  rows.forEach((t, i) => {
    if (seen.has(t.tier)) r.problem([...path, i, 'tier'], `tier ${t.tier} is listed twice`);
    seen.add(t.tier);
    const prev = rows[i - 1];
    if (prev && t.minScore >= prev.minScore)
      r.problem(
        [...path, i, 'minScore'],
        `rows go from the highest tier down: ${t.tier}'s minScore (${t.minScore}) must be below ${prev.tier}'s (${prev.minScore})`,
      );
  });
  const last = rows[rows.length - 1];
  if (last && last.minScore !== 0)
    r.problem(
      [...path, rows.length - 1, 'minScore'],
      `the last row (${last.tier}) must have minScore: 0, so that every scored client gets a tier`,
    );
  return rows;
}

const decodeTiers = (r: PolicyReader): TiersPolicy => {
  r.keys([], ['description', 'objects', 'unit', 'currency', 'weights', 'scoreDecimals', 'thresholds', 'highEndTiers']);
  r.keys(['weights'], ['depositBalance', 'loanBalance', 'feeIncome']);
  r.keys(['thresholds'], CLIENT_OBJECTS);
  const objects = r.strings(['objects'], CLIENT_OBJECTS, { oneOf: CLIENT_OBJECTS, nonEmpty: true, unique: true }) as ClientObject[];
  if (r.at(['weights']) === undefined)
    r.problem([], 'missing weights', 'add `weights: { depositBalance: 1, loanBalance: 0.5, feeIncome: 10 }`');
  const table: TiersPolicy['thresholds'] = {};
  if (r.at(['thresholds']) === undefined)
    r.problem(
      [],
      'missing thresholds (per client object, a list of { tier, minScore } from the top)',
      'add `thresholds: { company: [...], person: [...] }`',
    );
  else
    for (const o of objects) {
      if (r.at(['thresholds', o]) === undefined) r.problem(['thresholds'], `missing thresholds.${o}: objects lists ${o}`, undefined, true);
      else table[o] = thresholds(r, ['thresholds', o]);
    }
  return {
    objects,
    unit: r.number(['unit'], { min: Number.MIN_VALUE }, 1),
    currency: r.string(['currency']),
    weights: {
      depositBalance: r.number(['weights', 'depositBalance'], {}, 0),
      loanBalance: r.number(['weights', 'loanBalance'], {}, 0),
      feeIncome: r.number(['weights', 'feeIncome'], {}, 0),
    },
    scoreDecimals: r.number(['scoreDecimals'], { min: 0, max: 6, integer: true }, 2),
    thresholds: table,
    highEndTiers: r.strings(['highEndTiers'], ['PLATINUM', 'GOLD'], { oneOf: TIERS, unique: true }),
  };
};

const decodeSurveys = (r: PolicyReader): SurveysPolicy => {
  r.keys(
    [],
    [
      'description',
      'sampleSize',
      'channelByTier',
      'recentSurveyExclusionDays',
      'excludeMarketingOptOut',
      'batchFormat',
      'interviewer',
      'seed',
    ],
  );
  r.keys(['sampleSize'], CLIENT_OBJECTS);
  const sampleSize: SurveysPolicy['sampleSize'] = {};
  if (r.at(['sampleSize']) === undefined)
    r.problem(
      [],
      'missing sampleSize (clients drawn per tier, per client object)',
      'add `sampleSize: { company: { PLATINUM: 3, GOLD: 4 }, person: { … } }`',
    );
  for (const [object] of r.entries(['sampleSize'])) {
    if (!(CLIENT_OBJECTS as readonly string[]).includes(object)) continue;
    const sizes: Record<string, number> = {};
    for (const [tier] of r.entries(['sampleSize', object])) {
      if (!(TIERS as readonly string[]).includes(tier))
        r.problem(['sampleSize', object, tier], `unknown tier "${tier}"`, `tiers are ${TIERS.join(', ')}`, true);
      else sizes[tier] = r.number(['sampleSize', object, tier], { min: 0, integer: true });
    }
    sampleSize[object as ClientObject] = sizes;
  }
  const channelByTier: Record<string, Channel> = {};
  for (const [tier] of r.entries(['channelByTier'])) {
    if (!(TIERS as readonly string[]).includes(tier))
      r.problem(['channelByTier', tier], `unknown tier "${tier}"`, `tiers are ${TIERS.join(', ')}`, true);
    else channelByTier[tier] = r.string(['channelByTier', tier], undefined, CHANNELS) as Channel;
  }
  for (const sizes of Object.values(sampleSize)) {
    for (const tier of Object.keys(sizes))
      if (!channelByTier[tier] && r.at(['channelByTier']) !== undefined)
        r.problem(
          ['channelByTier'],
          `channelByTier has no channel for ${tier}, which sampleSize draws`,
          `add ${tier}: PHONE or ${tier}: FACE_TO_FACE`,
        );
  }
  if (r.at(['channelByTier']) === undefined)
    r.problem(
      [],
      'missing channelByTier',
      'add `channelByTier: { PLATINUM: PHONE, GOLD: PHONE, SILVER: FACE_TO_FACE, STANDARD: FACE_TO_FACE }`',
    );
  const batchFormat = r.string(['batchFormat'], '{quarter}-S{n}');
  if (!batchFormat.includes('{n}'))
    r.problem(['batchFormat'], 'batchFormat must contain {n}, the running number of the batch', 'e.g. "{quarter}-S{n}"');
  return {
    sampleSize,
    channelByTier,
    recentSurveyExclusionDays: r.number(['recentSurveyExclusionDays'], { min: 0, integer: true }),
    excludeMarketingOptOut: r.boolean(['excludeMarketingOptOut'], false),
    batchFormat,
    interviewer: r.strings(['interviewer'], ['relationshipManager', 'maintenanceTeam.leader'], {
      oneOf: ['relationshipManager', 'maintenanceTeam.leader'],
      unique: true,
    }) as InterviewerSource[],
    seed: r.optionalNumber(['seed'], { min: 0, max: 4294967295, integer: true }),
  };
};

function kindPolicy(
  r: PolicyReader,
  section: 'quarterly' | 'yearly',
  kind: string,
  period: string,
  payComponent: string,
): AssessmentKindPolicy {
  const p = {
    kind: r.string([section, 'kind'], kind),
    period: r.string([section, 'period'], period),
    payComponent: r.string([section, 'payComponent'], payComponent),
  };
  if (!p.period.includes('{year}') || (section === 'quarterly' && !p.period.includes('{quarter}'))) {
    r.problem(
      [section, 'period'],
      `${section}.period must contain {year}${section === 'quarterly' ? ' and {quarter}' : ''}`,
      `e.g. "${period}"`,
    );
  }
  return p;
}

const decodeAssessments = (r: PolicyReader): AssessmentsPolicy => {
  r.keys([], ['description', 'gradeOrder', 'quarterly', 'yearly', 'payCoefficients', 'gradeRules', 'openStatuses', 'scoredStatus']);
  r.keys(['quarterly'], ['kind', 'period', 'payComponent', 'weights']);
  r.keys(['quarterly', 'weights'], ['attitudeScore', 'responsibilityScore']);
  r.keys(['yearly'], ['kind', 'period', 'payComponent', 'retentionPoints', 'newClientPoints', 'maxScore', 'managerStatuses']);
  r.keys(['gradeRules'], ['promoteAtScore', 'minQuarterlyAverageToPromote', 'demoteBelowScore']);
  const weights = {
    attitudeScore: r.number(['quarterly', 'weights', 'attitudeScore'], { min: 0 }, 0.5),
    responsibilityScore: r.number(['quarterly', 'weights', 'responsibilityScore'], { min: 0 }, 0.5),
  };
  const sum = weights.attitudeScore + weights.responsibilityScore;
  if (Math.abs(sum - 1) > 1e-9)
    r.problem(
      ['quarterly', 'weights'],
      `the quarterly weights must add up to 1 (they add up to ${sum}), so that the score keeps the sub-scores' 0–100 scale`,
    );
  const payCoefficients = r.list(['payCoefficients']).map((_, i) => {
    r.keys(['payCoefficients', i], ['minScore', 'coefficient']);
    return {
      minScore: r.number(['payCoefficients', i, 'minScore'], {}),
      coefficient: r.number(['payCoefficients', i, 'coefficient'], { min: 0 }),
    };
  });
  payCoefficients.forEach((b, i) => {
    const prev = payCoefficients[i - 1];
    if (prev && b.minScore >= prev.minScore)
      r.problem(['payCoefficients', i, 'minScore'], `bands go from the top down: ${b.minScore} must be below ${prev.minScore}`);
  });
  const gradeRules = {
    promoteAtScore: r.number(['gradeRules', 'promoteAtScore'], {}),
    minQuarterlyAverageToPromote: r.number(['gradeRules', 'minQuarterlyAverageToPromote'], {}, 0),
    demoteBelowScore: r.number(['gradeRules', 'demoteBelowScore'], {}),
  };
  if (gradeRules.demoteBelowScore > gradeRules.promoteAtScore)
    r.problem(
      ['gradeRules', 'demoteBelowScore'],
      `demoteBelowScore (${gradeRules.demoteBelowScore}) must not be above promoteAtScore (${gradeRules.promoteAtScore})`,
    );
  return {
    gradeOrder: r.strings(['gradeOrder'], GRADES, { oneOf: GRADES, nonEmpty: true, unique: true }),
    quarterly: { ...kindPolicy(r, 'quarterly', 'QUARTERLY_QUALITATIVE', '{year}Q{quarter}', 'POSITION_SALARY'), weights },
    yearly: {
      ...kindPolicy(r, 'yearly', 'YEARLY_QUANTITATIVE', '{year}', 'PERFORMANCE_PAY'),
      retentionPoints: r.number(['yearly', 'retentionPoints'], { min: 0 }),
      newClientPoints: r.number(['yearly', 'newClientPoints'], { min: 0 }),
      maxScore: r.number(['yearly', 'maxScore'], { min: 0 }, 100),
      managerStatuses: r.strings(['yearly', 'managerStatuses'], ['ACTIVE'], { unique: true }),
    },
    payCoefficients,
    gradeRules,
    openStatuses: r.strings(['openStatuses'], ['OPEN'], { unique: true }),
    scoredStatus: r.string(['scoredStatus'], 'SCORED'),
  };
};

const decodeBounties = (r: PolicyReader): BountiesPolicy => {
  r.keys([], ['description', 'award', 'payout']);
  r.keys(
    ['award'],
    ['statuses', 'eligibleBidStatuses', 'minimumPlanScore', 'skipManagersAtCapacity', 'rank', 'campaignDays', 'whenNoEligibleBid'],
  );
  r.keys(['payout'], ['share', 'dueDays']);
  const rank = r.list(['award', 'rank']).map((_, i) => {
    r.keys(['award', 'rank', i], ['by', 'order']);
    return {
      by: r.string(['award', 'rank', i, 'by'], undefined, RANK_KEYS) as RankKey,
      order: r.string(['award', 'rank', i, 'order'], undefined, ['ASC', 'DESC']) as 'ASC' | 'DESC',
    };
  });
  return {
    award: {
      statuses: r.strings(['award', 'statuses'], ['POSTED', 'BIDDING'], { nonEmpty: true, unique: true }),
      eligibleBidStatuses: r.strings(['award', 'eligibleBidStatuses'], ['SUBMITTED', 'SHORTLISTED'], { nonEmpty: true, unique: true }),
      minimumPlanScore: r.number(['award', 'minimumPlanScore'], {}, 0),
      skipManagersAtCapacity: r.boolean(['award', 'skipManagersAtCapacity'], false),
      rank:
        rank.length > 0
          ? rank
          : [
              { by: 'planScore', order: 'DESC' },
              { by: 'grade', order: 'DESC' },
              { by: 'load', order: 'ASC' },
              { by: 'submittedAt', order: 'ASC' },
            ],
      campaignDays: r.number(['award', 'campaignDays'], { min: 0, integer: true }, 180),
      whenNoEligibleBid: r.string(['award', 'whenNoEligibleBid'], 'EXPIRED'),
    },
    payout: { share: r.number(['payout', 'share'], { min: 0 }, 1), dueDays: r.number(['payout', 'dueDays'], { min: 0, integer: true }) },
  };
};

export const DECODERS: { [N in PolicyName]: (r: PolicyReader) => Policies[N] } = {
  assignment: decodeAssignment,
  tiers: decodeTiers,
  surveys: decodeSurveys,
  assessments: decodeAssessments,
  bounties: decodeBounties,
};
