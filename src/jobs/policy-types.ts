// The shapes of the policies the jobs read from `policies/*.policy.yaml`, and the
// option values of the pack's objects they refer to. docs/jobs.md documents every key.

/** The values of the pack's SELECT options the jobs rely on (objects/*.object.yaml, fields/*). */
export const TIERS = ['PLATINUM', 'GOLD', 'SILVER', 'STANDARD'] as const;
export const GRADES = ['JUNIOR', 'INTERMEDIATE', 'SENIOR', 'PRINCIPAL'] as const;
export const LEAD_STAGES = ['COLLECTED', 'PUBLISHED', 'FEEDBACK', 'REFINED', 'CONVERTED', 'DISCARDED'] as const;
export const ASSIGNMENT_RULES = ['FIRST_CLAIM', 'PROXIMITY', 'INDUSTRY'] as const;
export const CHANNELS = ['PHONE', 'FACE_TO_FACE'] as const;
export const CLIENT_OBJECTS = ['company', 'person'] as const;
export type ClientObject = (typeof CLIENT_OBJECTS)[number];
export type AssignmentRuleName = (typeof ASSIGNMENT_RULES)[number];
export type Channel = (typeof CHANNELS)[number];

/** policies/assignment.policy.yaml */
export interface AssignmentPolicy {
  stage: string;
  managerStatuses: string[];
  /** The rules in use, always in the bank's order. */
  rules: AssignmentRuleName[];
  firstClaim: { honourAtCapacity: boolean };
  proximity: {
    earthRadiusKm: number;
    maxDistanceKm: number;
    toleranceKm: number;
    fallbackWhenNoCoordinates: Array<'SAME_CITY' | 'SAME_STATE'>;
  };
  industry: { field: string };
  load: { countedStages: string[]; skipAtCapacity: boolean; defaultCapacity: number };
}

export interface TierThreshold {
  tier: string;
  minScore: number;
}

/** policies/tiers.policy.yaml */
export interface TiersPolicy {
  objects: ClientObject[];
  unit: number;
  currency: string;
  weights: { depositBalance: number; loanBalance: number; feeIncome: number };
  scoreDecimals: number;
  /** Per client object, highest first; the last row has minScore 0. */
  thresholds: Partial<Record<ClientObject, TierThreshold[]>>;
  highEndTiers: string[];
}

export type InterviewerSource = 'relationshipManager' | 'maintenanceTeam.leader';

/** policies/surveys.policy.yaml */
export interface SurveysPolicy {
  sampleSize: Partial<Record<ClientObject, Record<string, number>>>;
  channelByTier: Record<string, Channel>;
  recentSurveyExclusionDays: number;
  excludeMarketingOptOut: boolean;
  batchFormat: string;
  interviewer: InterviewerSource[];
  seed: number | null;
}

export interface AssessmentKindPolicy {
  kind: string;
  period: string;
  payComponent: string;
}

/** policies/assessments.policy.yaml */
export interface AssessmentsPolicy {
  gradeOrder: string[];
  quarterly: AssessmentKindPolicy & { weights: { attitudeScore: number; responsibilityScore: number } };
  yearly: AssessmentKindPolicy & { retentionPoints: number; newClientPoints: number; maxScore: number; managerStatuses: string[] };
  payCoefficients: Array<{ minScore: number; coefficient: number }>;
  gradeRules: { promoteAtScore: number; minQuarterlyAverageToPromote: number; demoteBelowScore: number };
  /** Statuses the job may (re)score; APPROVED and others are final. */
  openStatuses: string[];
  scoredStatus: string;
}

export type RankKey = 'planScore' | 'grade' | 'load' | 'submittedAt';
export const RANK_KEYS: readonly RankKey[] = ['planScore', 'grade', 'load', 'submittedAt'];

/** policies/bounties.policy.yaml */
export interface BountiesPolicy {
  award: {
    statuses: string[];
    eligibleBidStatuses: string[];
    minimumPlanScore: number;
    skipManagersAtCapacity: boolean;
    rank: Array<{ by: RankKey; order: 'ASC' | 'DESC' }>;
    campaignDays: number;
    whenNoEligibleBid: string;
  };
  payout: { share: number; dueDays: number };
}

export interface Policies {
  assignment: AssignmentPolicy;
  tiers: TiersPolicy;
  surveys: SurveysPolicy;
  assessments: AssessmentsPolicy;
  bounties: BountiesPolicy;
}
export type PolicyName = keyof Policies;
export const POLICY_NAMES: readonly PolicyName[] = ['assignment', 'tiers', 'surveys', 'assessments', 'bounties'];
