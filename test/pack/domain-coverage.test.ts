// Every mechanism and step of DOMAIN.md maps to concrete objects, fields and options of
// the pack: delete one (say the complaint flow's ANALYSED step) and this test names it.
import { describe, expect, it } from 'vitest';
import type { FieldType } from '../../src/pack/index.ts';
import { loadDomainPack, optionValues, relationTarget } from './domain-pack.ts';

const dp = await loadDomainPack();

/** What must exist: a field (optionally of a type, with options, or pointing at an object). */
interface Need {
  object: string;
  field?: string;
  type?: FieldType;
  options?: string[];
  target?: string;
}

const N = (object: string, field?: string, more: Omit<Need, 'object' | 'field'> = {}): Need => ({
  object,
  ...(field ? { field } : {}),
  ...more,
});

const DOMAIN: Record<string, Record<string, Need[]>> = {
  '1. Information research': {
    'step 1 collect: government, public channels, account data; kept up to date': [
      N('intelLead', 'stage', { options: ['COLLECTED'] }),
      N('intelLead', 'source', { type: 'SELECT', options: ['GOVERNMENT', 'PUBLIC_CHANNEL', 'ACCOUNT_DATA'] }),
      N('intelLead', 'lastVerifiedAt', { type: 'DATE_TIME' }),
      N('intelLead', 'targetCompany', { type: 'RELATION', target: 'company' }),
    ],
    'step 2 publish at the weekly meeting by first claim, proximity, industry': [
      N('intelLead', 'stage', { options: ['PUBLISHED'] }),
      N('intelLead', 'publishedAtMeeting', { type: 'RELATION', target: 'marketingMeeting' }),
      N('intelLead', 'assignmentRule', { type: 'SELECT', options: ['FIRST_CLAIM', 'PROXIMITY', 'INDUSTRY'] }),
      N('intelLead', 'claimedBy', { type: 'RELATION', target: 'clientManager' }),
      N('intelLead', 'claimedAt', { type: 'DATE_TIME' }),
      N('intelLead', 'location', { type: 'ADDRESS' }),
      N('intelLead', 'industry', { type: 'SELECT' }),
      N('intelLead', 'assignedManager', { type: 'RELATION', target: 'clientManager' }),
      N('intelLead', 'assignedAt', { type: 'DATE_TIME' }),
      N('intelLead', 'assignmentDistanceKm', { type: 'NUMBER' }),
      N('branch', 'location', { type: 'ADDRESS' }),
    ],
    'step 3 feedback: financial resources; decision makers, lead providers, operators; relationships, contacts, hobbies': [
      N('intelLead', 'stage', { options: ['FEEDBACK'] }),
      N('intelLead', 'hasFinancialResources', { type: 'BOOLEAN' }),
      N('intelLead', 'financialResources', { type: 'TEXT' }),
      N('intelLead', 'estimatedDeposits', { type: 'CURRENCY' }),
      N('intelLead', 'estimatedLoans', { type: 'CURRENCY' }),
      N('intelLead', 'estimatedFeeIncome', { type: 'CURRENCY' }),
      N('leadContact', 'lead', { type: 'RELATION', target: 'intelLead' }),
      N('leadContact', 'person', { type: 'RELATION', target: 'person' }),
      N('leadContact', 'contactRole', { type: 'SELECT', options: ['DECISION_MAKER', 'LEAD_PROVIDER', 'OPERATOR'] }),
      N('leadContact', 'relationships', { type: 'TEXT' }),
      N('leadContact', 'contactDetails', { type: 'TEXT' }),
      N('leadContact', 'hobbies', { type: 'TEXT' }),
      N('leadContact', 'familyHobbies', { type: 'TEXT' }),
    ],
    'step 4 refine: screen for the real target client group': [
      N('intelLead', 'stage', { options: ['REFINED'] }),
      N('intelLead', 'isTargetClient', { type: 'BOOLEAN' }),
      N('intelLead', 'screeningNotes', { type: 'TEXT' }),
    ],
    'step 5 convert into targets with a PR battle map': [
      N('intelLead', 'stage', { options: ['CONVERTED', 'DISCARDED'] }),
      N('battlePlan', 'lead', { type: 'RELATION', target: 'intelLead' }),
      N('battlePlan', 'company', { type: 'RELATION', target: 'company' }),
      N('battlePlan', 'objectives', { type: 'TEXT' }),
      N('battlePlan', 'actions', { type: 'TEXT' }),
      N('battlePlan', 'owner', { type: 'RELATION', target: 'clientManager' }),
      N('battlePlan', 'deadline', { type: 'DATE' }),
    ],
  },
  '2. Client manager management': {
    'daily management: indicators and the weekly meeting (guidance, sharing, assignments)': [
      N('businessTarget', 'manager', { type: 'RELATION', target: 'clientManager' }),
      N('businessTarget', 'completionRate', { type: 'NUMBER' }),
      N('marketingMeeting', 'meetingDate', { type: 'DATE' }),
      N('marketingMeeting', 'guidance', { type: 'TEXT' }),
      N('marketingMeeting', 'sharing', { type: 'TEXT' }),
      N('marketingMeeting', 'publishedLeads', { type: 'RELATION', target: 'intelLead' }),
    ],
    'training: knowledge and marketing skills': [
      N('training', 'kind', { options: ['PRODUCT_KNOWLEDGE', 'MARKETING_SKILL'] }),
      N('training', 'manager', { target: 'clientManager' }),
    ],
    'assessment: quarterly qualitative → position salary; yearly quantitative → performance pay': [
      N('assessment', 'kind', { options: ['QUARTERLY_QUALITATIVE', 'YEARLY_QUANTITATIVE'] }),
      N('assessment', 'attitudeScore', { type: 'NUMBER' }),
      N('assessment', 'responsibilityScore', { type: 'NUMBER' }),
      N('assessment', 'clientsMaintained', { type: 'NUMBER' }),
      N('assessment', 'newClientsWon', { type: 'NUMBER' }),
      N('assessment', 'score', { type: 'NUMBER' }),
      N('assessment', 'payComponent', { options: ['POSITION_SALARY', 'PERFORMANCE_PAY'] }),
    ],
    'grades set by ability and results, adjusted periodically': [
      N('clientManager', 'grade', { type: 'SELECT', options: ['JUNIOR', 'INTERMEDIATE', 'SENIOR', 'PRINCIPAL'] }),
      N('assessment', 'gradeChange', { options: ['PROMOTE', 'KEEP', 'DEMOTE'] }),
      N('assessment', 'proposedGrade', { type: 'SELECT' }),
    ],
    'selection, qualification and rotation': [
      N('clientManager', 'qualifiedAt', { type: 'DATE' }),
      N('clientManager', 'status', { options: ['ACTIVE', 'ROTATED_OUT'] }),
    ],
    'the manager: workspace member, branch, industries, capacity': [
      N('clientManager', 'member', { type: 'RELATION', target: 'workspaceMember' }),
      N('clientManager', 'branch', { type: 'RELATION', target: 'branch' }),
      N('clientManager', 'industries', { type: 'MULTI_SELECT' }),
      N('clientManager', 'capacity', { type: 'NUMBER' }),
    ],
  },
  '3. Client maintenance': {
    'tiers by contribution: deposits, loans, fee business': [
      ...['company', 'person'].flatMap((o) => [
        N(o, 'clientTier', { type: 'SELECT', options: ['PLATINUM', 'GOLD', 'SILVER', 'STANDARD'] }),
        N(o, 'contributionScore', { type: 'NUMBER' }),
        N(o, 'depositBalance', { type: 'CURRENCY' }),
        N(o, 'loanBalance', { type: 'CURRENCY' }),
        N(o, 'feeIncome', { type: 'CURRENCY' }),
        N(o, 'tierSetAt', { type: 'DATE_TIME' }),
      ]),
    ],
    'maintenance teams: letters, phone, visits; news, financial position, technical progress; service plans': [
      N('maintenanceTeam', 'leader', { target: 'clientManager' }),
      N('maintenanceTeamMember', 'team', { target: 'maintenanceTeam' }),
      N('maintenanceTeamMember', 'manager', { target: 'clientManager' }),
      N('company', 'maintenanceTeam', { target: 'maintenanceTeam' }),
      N('person', 'maintenanceTeam', { target: 'maintenanceTeam' }),
      N('contactLog', 'channel', { options: ['LETTER', 'PHONE', 'VISIT', 'EMAIL'] }),
      N('contactLog', 'topic', { options: ['BANK_NEWS', 'FINANCIAL_POSITION', 'TECHNICAL_PROGRESS', 'OPINION'] }),
      N('contactLog', 'sendKey', { type: 'TEXT' }),
      N('company', 'servicePlan', { type: 'TEXT' }),
    ],
    'satisfaction tracking: simple random sampling; phone for high-end, face-to-face for others': [
      N('satisfactionSurvey', 'batch', { type: 'TEXT' }),
      N('satisfactionSurvey', 'sampleSeed', { type: 'TEXT' }),
      N('satisfactionSurvey', 'channel', { options: ['PHONE', 'FACE_TO_FACE'] }),
      N('satisfactionSurvey', 'score', { type: 'RATING' }),
      N('satisfactionSurvey', 'status', { options: ['SAMPLED', 'SCHEDULED', 'COMPLETED', 'UNREACHABLE'] }),
      N('company', 'lastSurveyedAt', { type: 'DATE_TIME' }),
    ],
    'complaints: record, accept, analyse, handle, feedback; restore; accountability, lessons, rectification': [
      N('complaint', 'step', { options: ['RECORDED', 'ACCEPTED', 'ANALYSED', 'HANDLED', 'FEEDBACK_GIVEN', 'CLOSED'] }),
      N('complaint', 'dueAt', { type: 'DATE_TIME' }),
      N('complaint', 'severity', { type: 'SELECT' }),
      N('complaint', 'responsibleManager', { target: 'clientManager' }),
      N('complaint', 'relationshipRestored', { type: 'BOOLEAN' }),
      N('complaint', 'accountablePerson', { type: 'TEXT' }),
      N('complaint', 'penalty', { type: 'TEXT' }),
      N('complaint', 'lessonsLearned', { type: 'TEXT' }),
      N('complaint', 'rectification', { type: 'TEXT' }),
    ],
  },
  '4. Products and service': {
    'product marketing: launch events, media, materials; invitations and attendance': [
      N('productLaunchEvent', 'product', { target: 'bankProduct' }),
      N('productLaunchEvent', 'eventFormat', { options: ['SEMINAR', 'MEDIA'] }),
      N('productLaunchEvent', 'materials', { type: 'TEXT' }),
      N('eventInvitation', 'launchEvent', { target: 'productLaunchEvent' }),
      N('eventInvitation', 'status', { options: ['INVITED', 'ACCEPTED', 'DECLINED', 'ATTENDED', 'NO_SHOW'] }),
    ],
    'financial supermarket and wealth studios': [
      N('wealthStudio', 'branch', { target: 'branch' }),
      N('wealthStudio', 'leadManager', { target: 'clientManager' }),
      N('wealthStudio', 'inFinancialSupermarket', { type: 'BOOLEAN' }),
      N('bankProduct', 'channels', { options: ['FINANCIAL_SUPERMARKET', 'WEALTH_STUDIO'] }),
    ],
    'innovation for group clients and individuals': [
      N('bankProduct', 'category', {
        options: [
          'SETTLEMENT',
          'INTERNAL_CLEARING',
          'ONLINE_CORPORATE_BANKING',
          'COMBINED_ACCOUNT',
          'ENTRUSTED_LOAN',
          'CONSUMER_LOAN',
          'RECEIVABLES_FINANCING',
          'INSTANT_DISCOUNTING',
        ],
      }),
      N('bankProduct', 'segment', { options: ['CORPORATE', 'INDIVIDUAL'] }),
      N('bankProduct', 'targetTiers', { type: 'MULTI_SELECT' }),
      N('bankProduct', 'status', { options: ['PILOT'] }),
    ],
    'counter service quality and the bank’s image': [
      N('complaint', 'category', { options: ['COUNTER_SERVICE'] }),
      N('businessTarget', 'metric', { options: ['SERVICE_QUALITY'] }),
      N('productLaunchEvent', 'eventFormat', { options: ['PUBLIC_WELFARE'] }),
    ],
  },
  '5. All-staff incentives': {
    'a share of the pay pool tied to marketing results': [
      N('businessTarget', 'bonusPool', { type: 'CURRENCY' }),
      N('businessTarget', 'bonusEarned', { type: 'CURRENCY' }),
    ],
    'posted price, put up as targets, bids, reward on success, paid promptly': [
      N('bounty', 'company', { target: 'company' }),
      N('bounty', 'postedPrice', { type: 'CURRENCY' }),
      N('bounty', 'status', { options: ['POSTED', 'BIDDING', 'AWARDED', 'WON', 'PAID', 'EXPIRED'] }),
      N('bounty', 'biddingClosesAt', { type: 'DATE_TIME' }),
      N('bounty', 'awardedManager', { target: 'clientManager' }),
      N('bounty', 'payoutAmount', { type: 'CURRENCY' }),
      N('bounty', 'payoutDueAt', { type: 'DATE' }),
      N('bid', 'bounty', { target: 'bounty' }),
      N('bid', 'manager', { target: 'clientManager' }),
      N('bid', 'proposal', { type: 'TEXT' }),
      N('bid', 'planScore', { type: 'NUMBER' }),
    ],
    'tellers by volume and quality; branch heads by targets; back office by efficiency': [
      N('businessTarget', 'staffCategory', { options: ['TELLER', 'BRANCH_HEAD', 'BACK_OFFICE'] }),
      N('businessTarget', 'metric', { options: ['TRANSACTION_VOLUME', 'SERVICE_QUALITY', 'EFFICIENCY'] }),
      N('businessTarget', 'branch', { target: 'branch' }),
      N('businessTarget', 'targetValue', { type: 'NUMBER' }),
      N('businessTarget', 'actualValue', { type: 'NUMBER' }),
    ],
  },
  '6. Resource allocation': {
    'preferential rates for good clients and projects': [
      N('rateRequest', 'company', { target: 'company' }),
      N('rateRequest', 'requestedRate', { type: 'NUMBER' }),
      N('rateRequest', 'standardRate', { type: 'NUMBER' }),
      N('rateRequest', 'decision', { options: ['SUBMITTED', 'UNDER_REVIEW', 'APPROVED', 'REJECTED'] }),
    ],
    'staff shifted to the front line': [
      N('branch', 'frontLineStaff', { type: 'NUMBER' }),
      N('branch', 'backOfficeStaff', { type: 'NUMBER' }),
    ],
    'credit admission on loans marketing brings in': [
      N('rateRequest', 'creditAdmission', { options: ['PENDING', 'ADMITTED', 'REFUSED'] }),
      N('rateRequest', 'reviewer', { target: 'workspaceMember' }),
    ],
    'marketing departments as profit centres': [
      N('profitCentreResult', 'department', { target: 'branch' }),
      N('profitCentreResult', 'revenue', { type: 'CURRENCY' }),
      N('profitCentreResult', 'cost', { type: 'CURRENCY' }),
      N('profitCentreResult', 'profit', { type: 'CURRENCY' }),
      N('branch', 'level', { options: ['MARKETING_DEPARTMENT'] }),
    ],
    'audits of marketing projects (risk, cost, return) and of marketing expenses': [
      N('projectAudit', 'battlePlan', { target: 'battlePlan' }),
      N('projectAudit', 'riskRating', { type: 'SELECT' }),
      N('projectAudit', 'returnOnCost', { type: 'NUMBER' }),
      N('marketingExpense', 'department', { target: 'branch' }),
      N('marketingExpense', 'auditStatus', { options: ['NOT_AUDITED', 'COMPLIANT', 'QUESTIONED', 'VIOLATION'] }),
      N('marketingExpense', 'findings', { type: 'TEXT' }),
    ],
  },
};

function missing(need: Need): string[] {
  const where = need.field ? `${need.object}.${need.field}` : need.object;
  const f = need.field ? dp.field(need.object, need.field) : undefined;
  if (need.field && !f) return [`${where} does not exist`];
  if (!f) return dp.pack.objects.some((o) => o.nameSingular === need.object) ? [] : [`object ${need.object} does not exist`];
  const out: string[] = [];
  if (need.type && f.type !== need.type) out.push(`${where} is ${f.type}, not ${need.type}`);
  for (const v of need.options ?? []) if (!optionValues(f).includes(v)) out.push(`${where} has no option ${v}`);
  if (need.target && relationTarget(dp, f) !== need.target) out.push(`${where} does not point at ${need.target}`);
  return out;
}

describe('DOMAIN.md maps onto the pack', () => {
  it('the pack validates without errors', () => {
    expect(dp.problems.filter((p) => p.severity === 'error').map((p) => `${p.file}:${p.line} ${p.message}`)).toEqual([]);
  });
  for (const [mechanism, items] of Object.entries(DOMAIN)) {
    describe(mechanism, () => {
      for (const [item, needs] of Object.entries(items)) {
        it(item, () => expect(needs.flatMap(missing)).toEqual([]));
      }
    });
  }
});

describe('one vocabulary wherever a list recurs', () => {
  const same = (label: string, refs: Array<[string, string]>): void => {
    it(label, () => {
      const lists = refs.map(([o, f]) =>
        (dp.field(o, f)?.options ?? []).map((x) => `${x.value}|${x.label}|${x.color ?? ''}|${x.position}`),
      );
      expect(lists[0]?.length ?? 0).toBeGreaterThan(1);
      for (const [i, list] of lists.entries()) expect(list, refs[i]?.join('.')).toEqual(lists[0]);
    });
  };
  same('industry', [
    ['intelLead', 'industry'],
    ['company', 'industry'],
    ['clientManager', 'industries'],
  ]);
  same('client tier', [
    ['company', 'clientTier'],
    ['person', 'clientTier'],
    ['company', 'previousTier'],
    ['person', 'previousTier'],
    ['bankProduct', 'targetTiers'],
    ['satisfactionSurvey', 'tierAtSampling'],
    ['complaint', 'tierAtReceipt'],
  ]);
  same('manager grade', [
    ['clientManager', 'grade'],
    ['assessment', 'currentGrade'],
    ['assessment', 'proposedGrade'],
    ['bounty', 'minimumGrade'],
  ]);
});

describe('what a manager sees', () => {
  it('every object has a table view, and every pipeline a kanban board grouped by its stage', () => {
    const noTable = dp.pack.objects
      .filter((o) => !dp.views(o.nameSingular).some((v) => (v.type ?? 'TABLE') === 'TABLE'))
      .map((o) => o.nameSingular);
    expect(noTable).toEqual([]);
    const boards = dp.pack.views
      .filter((v) => v.type === 'KANBAN')
      .map((v) => `${dp.objectName(v.objectUniversalIdentifier) ?? '?'}.${v.mainGroupByFieldMetadataUniversalIdentifier ?? ''}`);
    expect(boards).toEqual(expect.arrayContaining(['intelLead.stage', 'complaint.step', 'bounty.status', 'rateRequest.decision']));
  });

  it('every object has an icon and a TEXT label field called name', () => {
    const bad = dp.pack.objects.filter((o) => {
      const label = o.fields.find((f) => f.universalIdentifier === o.labelIdentifierFieldMetadataUniversalIdentifier);
      return !o.icon || label?.name !== 'name' || label.type !== 'TEXT';
    });
    expect(bad.map((o) => o.nameSingular)).toEqual([]);
  });

  it('every field says in Chinese and English what it is for, and every option reads in both', () => {
    const all = [
      ...dp.pack.objects.flatMap((o) => o.fields.map((f) => ({ f, o: o.nameSingular }))),
      ...dp.pack.fields.map((f) => ({ f, o: f.objectUniversalIdentifier ?? '?' })),
    ];
    const bad = all.filter(
      ({ f }) =>
        !f.description ||
        !f.translations?.en?.label ||
        !f.translations.en.description ||
        (f.options ?? []).some((x) => !x.translations?.en),
    );
    expect(bad.map(({ f, o }) => `${o}.${f.name}`)).toEqual([]);
  });

  it('every relation side names the other, and the other names it back', () => {
    const broken: string[] = [];
    const all = [
      ...dp.pack.objects.flatMap((o) => o.fields.map((f) => ({ f, o: o.nameSingular }))),
      ...dp.pack.fields.map((f) => ({ f, o: dp.objectName(f.objectUniversalIdentifier ?? '') ?? '?' })),
    ];
    const byUid = new Map(all.map((x) => [x.f.universalIdentifier, x]));
    for (const { f, o } of all.filter((x) => x.f.type === 'RELATION')) {
      const other = byUid.get(f.relationTargetFieldMetadataUniversalIdentifier ?? '');
      if (!other || other.f.relationTargetFieldMetadataUniversalIdentifier !== f.universalIdentifier || relationTarget(dp, f) !== other.o)
        broken.push(`${o}.${f.name}`);
    }
    expect(broken).toEqual([]);
  });
});
