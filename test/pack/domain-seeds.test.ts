// The seed records: every value fits its field, every relation names a record seeded
// earlier, and the demo set gives every view and job something to show and decide.
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { FieldType, SeedDef } from '../../src/pack/index.ts';
import { findStandardField, findStandardObject } from '../../src/pack/standard/index.ts';
import { loadDomainPack, relationTarget } from './domain-pack.ts';

const dp = await loadDomainPack();
type Rec = Record<string, unknown>;
interface FieldInfo {
  type: FieldType;
  options?: string[];
  target?: string;
  many?: boolean;
}

function info(object: string, name: string): FieldInfo | undefined {
  const f = dp.field(object, name);
  if (f) {
    const target = relationTarget(dp, f);
    const many = f.universalSettings?.relationType === 'MANY_TO_ONE';
    return { type: f.type, ...(f.options ? { options: f.options.map((o) => o.value) } : {}), ...(target ? { target } : {}), many };
  }
  const std = findStandardObject(object);
  const s = std ? findStandardField(std, name) : undefined;
  if (!s) return undefined;
  return {
    type: s.type,
    ...(s.options ? { options: s.options.map((o) => o.value) } : {}),
    ...(s.relation ? { target: s.relation.targetObject, many: s.relation.type === 'MANY_TO_ONE' } : {}),
  };
}

const objectOf = (s: SeedDef): string => dp.objectName(s.object) ?? s.object;
const seedsOf = (object: string): SeedDef[] => dp.pack.seeds.filter((s) => objectOf(s) === object);
const records = (object: string): Rec[] => seedsOf(object).flatMap((s) => s.records);
const isObj = (v: unknown): v is Rec => v !== null && typeof v === 'object' && !Array.isArray(v);
const ADDRESS_PARTS = [
  'addressStreet1',
  'addressStreet2',
  'addressCity',
  'addressPostcode',
  'addressState',
  'addressCountry',
  'addressLat',
  'addressLng',
];

/** Why `value` does not fit the field, or undefined when it does. */
function misfit(seed: SeedDef, f: FieldInfo, value: unknown): string | undefined {
  switch (f.type) {
    case 'TEXT':
      return typeof value === 'string' ? undefined : 'not a string';
    case 'NUMBER':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'not a number';
    case 'BOOLEAN':
      return typeof value === 'boolean' ? undefined : 'not true/false';
    case 'SELECT':
      return typeof value === 'string' && f.options?.includes(value) ? undefined : `not an option (${f.options?.join(', ')})`;
    case 'MULTI_SELECT':
      return Array.isArray(value) && value.every((v) => typeof v === 'string' && f.options?.includes(v))
        ? undefined
        : 'not a list of options';
    case 'RATING':
      return typeof value === 'string' && /^RATING_[1-5]$/.test(value) ? undefined : 'not RATING_1…RATING_5';
    case 'DATE':
      return typeof value === 'string' && /^\d{4}-\d\d-\d\d$/.test(value) && !Number.isNaN(Date.parse(value))
        ? undefined
        : 'not YYYY-MM-DD';
    case 'DATE_TIME':
      return typeof value === 'string' && /^\d{4}-\d\d-\d\dT.*Z$/.test(value) && !Number.isNaN(Date.parse(value))
        ? undefined
        : 'not an ISO date-time in UTC';
    case 'CURRENCY':
      return isObj(value) && Number.isInteger(value.amountMicros) && value.currencyCode === 'CNY'
        ? undefined
        : 'not { amountMicros, currencyCode: CNY }';
    case 'EMAILS':
      return isObj(value) && typeof value.primaryEmail === 'string' && /@([a-z0-9-]+\.)*example\.(com|cn)$/.test(value.primaryEmail)
        ? undefined
        : 'not an email on example.com / example.cn';
    case 'FULL_NAME':
      return isObj(value) && typeof value.firstName === 'string' && typeof value.lastName === 'string'
        ? undefined
        : 'not { firstName, lastName }';
    case 'ADDRESS': {
      if (!isObj(value) || !Object.keys(value).every((k) => ADDRESS_PARTS.includes(k))) return 'not an address';
      const { addressLat: lat, addressLng: lng } = value;
      if ((lat === undefined) !== (lng === undefined)) return 'latitude without longitude';
      return lat === undefined || (typeof lat === 'number' && typeof lng === 'number' && Math.abs(lat) <= 90 && Math.abs(lng) <= 180)
        ? undefined
        : 'coordinates out of range';
    }
    case 'RELATION': {
      if (!f.many) return 'a one-to-many side cannot be seeded; set the many-to-one side';
      const targets = seedsOf(f.target ?? '');
      const [k, ...more] = isObj(value) ? Object.keys(value) : [];
      const target = targets.find((t) => t.key.length === 1 && t.key[0] === k);
      if (!isObj(value) || !k || more.length > 0 || !target) return `not a map of ${f.target}'s natural key`;
      const found = target.records.some((r) => isDeepStrictEqual(r[k], value[k]));
      if (!found) return `no ${f.target} seeded with ${k} ${JSON.stringify(value[k])}`;
      if (target.source.file >= seed.source.file) return `${f.target} is seeded in ${target.source.file}, which loads after this file`;
      if (!seed.demo && target.demo) return 'reference data cannot point at demo data';
      return undefined;
    }
    default:
      return `no check for ${f.type}`;
  }
}

describe('seed records fit the model', () => {
  it('has reference data and a demo set', () => {
    expect(
      dp.pack.seeds
        .filter((s) => !s.demo)
        .map(objectOf)
        .sort(),
    ).toEqual(['bankProduct', 'branch']);
    expect(dp.pack.seeds.filter((s) => s.demo).every((s) => s.source.file.startsWith('seeds/demo/'))).toBe(true);
  });

  for (const seed of dp.pack.seeds) {
    it(seed.source.file, () => {
      const object = objectOf(seed);
      const bad: string[] = [];
      const keys = new Set<string>();
      seed.records.forEach((rec, i) => {
        const key = JSON.stringify(seed.key.map((k) => rec[k]));
        if (seed.key.some((k) => rec[k] === undefined)) bad.push(`record ${i}: no natural key`);
        if (keys.has(key)) bad.push(`record ${i}: key ${key} repeats`);
        keys.add(key);
        for (const [name, value] of Object.entries(rec)) {
          const f = info(object, name);
          const why = f ? misfit(seed, f, value) : `${object} has no field ${name}`;
          if (why) bad.push(`record ${i} (${key}) ${name}: ${why}`);
        }
      });
      expect(bad).toEqual([]);
    });
  }
});

describe('the demo set exercises every view and job', () => {
  const tiers = dp.pack.policies.find((p) => p.name === 'tiers')?.data as {
    unit: number;
    weights: Record<string, number>;
    thresholds: Record<string, Array<{ tier: string; minScore: number }>>;
  };
  const micros = (v: unknown): number => (isObj(v) && typeof v.amountMicros === 'number' ? v.amountMicros : 0);
  const score = (r: Rec): number =>
    Math.round(Object.entries(tiers.weights).reduce((s, [f, w]) => s + (w * micros(r[f])) / 1e6 / tiers.unit, 0) * 10) / 10;
  const RANK = ['STANDARD', 'SILVER', 'GOLD', 'PLATINUM'];

  for (const object of ['company', 'person']) {
    it(`${object}: the tiering policy finds upgrades, downgrades, first tiers and a client on a line`, () => {
      const changes = { up: 0, down: 0, first: 0, onLine: 0 };
      for (const r of records(object).filter((x) => x.depositBalance !== undefined)) {
        const s = score(r);
        const row = tiers.thresholds[object]?.find((t) => s >= t.minScore);
        if (tiers.thresholds[object]?.some((t) => t.minScore > 0 && t.minScore === s)) changes.onLine++;
        if (r.clientTier === undefined) changes.first++;
        else if (RANK.indexOf(row?.tier ?? '') > RANK.indexOf(String(r.clientTier))) changes.up++;
        else if (RANK.indexOf(row?.tier ?? '') < RANK.indexOf(String(r.clientTier))) changes.down++;
      }
      expect(changes.up).toBeGreaterThanOrEqual(3);
      expect(changes.down).toBeGreaterThanOrEqual(3);
      expect(changes.first).toBeGreaterThanOrEqual(2);
      if (object === 'company') expect(changes.onLine).toBeGreaterThanOrEqual(1);
    });
  }

  it('published leads wait for assignment: claimed, with and without coordinates, without any address', () => {
    const waiting = records('intelLead').filter((l) => l.stage === 'PUBLISHED' && l.assignedManager === undefined);
    const loc = (l: Rec): Rec | undefined => (isObj(l.location) ? l.location : undefined);
    expect(waiting.length).toBeGreaterThanOrEqual(6);
    expect(waiting.filter((l) => l.claimedBy !== undefined).length).toBeGreaterThanOrEqual(2);
    expect(waiting.filter((l) => loc(l)?.addressLat !== undefined && l.claimedBy === undefined).length).toBeGreaterThanOrEqual(2);
    expect(waiting.filter((l) => loc(l) && loc(l)?.addressLat === undefined).length).toBeGreaterThanOrEqual(1);
    expect(waiting.filter((l) => !loc(l)).length).toBeGreaterThanOrEqual(1);
  });

  it('an active manager is at capacity and another is on leave', () => {
    const counted = ['PUBLISHED', 'FEEDBACK', 'REFINED'];
    const load = (emp: unknown): number =>
      records('intelLead').filter((l) => counted.includes(String(l.stage)) && isDeepStrictEqual(l.assignedManager, { employeeNo: emp }))
        .length;
    const managers = records('clientManager');
    expect(managers.length).toBeGreaterThanOrEqual(10);
    expect(managers.some((m) => m.status === 'ACTIVE' && load(m.employeeNo) >= Number(m.capacity))).toBe(true);
    expect(managers.some((m) => m.status !== 'ACTIVE')).toBe(true);
  });

  it('a bounty closed with bids to award, one closed without bids, one won awaiting payout', () => {
    const closed = records('bounty').filter(
      (b) => ['POSTED', 'BIDDING'].includes(String(b.status)) && Date.parse(String(b.biddingClosesAt)) < Date.now(),
    );
    const bidsFor = (b: Rec): number => records('bid').filter((x) => isDeepStrictEqual(x.bounty, { name: b.name })).length;
    expect(closed.some((b) => bidsFor(b) >= 3)).toBe(true);
    expect(closed.some((b) => bidsFor(b) === 0)).toBe(true);
    expect(records('bounty').some((b) => b.status === 'WON' && b.payoutDueAt === undefined)).toBe(true);
  });

  it('quarterly assessments wait to be scored', () => {
    expect(records('assessment').filter((a) => a.kind === 'QUARTERLY_QUALITATIVE' && a.status === 'OPEN').length).toBeGreaterThanOrEqual(
      10,
    );
  });

  it('every pipeline board has a record in each column', () => {
    const boards: Array<[string, string]> = [
      ['intelLead', 'stage'],
      ['complaint', 'step'],
      ['bounty', 'status'],
      ['rateRequest', 'decision'],
      ['rateRequest', 'creditAdmission'],
      ['battlePlan', 'status'],
      ['satisfactionSurvey', 'status'],
      ['eventInvitation', 'status'],
    ];
    const empty = boards.flatMap(([o, f]) =>
      (info(o, f)?.options ?? []).filter((v) => !records(o).some((r) => r[f] === v)).map((v) => `${o}.${f}=${v}`),
    );
    expect(empty).toEqual([]);
  });

  it('every object of the pack has records to show', () => {
    expect(dp.pack.objects.map((o) => o.nameSingular).filter((o) => records(o).length === 0)).toEqual([]);
    expect(records('company').length).toBeGreaterThanOrEqual(60);
    expect(records('person').length).toBeGreaterThanOrEqual(60);
    expect(records('intelLead').length).toBeGreaterThanOrEqual(40);
  });

  it('every person has a gender for the salutation', () => {
    expect(records('person').filter((p) => typeof p.gender !== 'string').length).toBe(0);
    expect(new Set(records('person').map((p) => p.gender))).toEqual(new Set(['MALE', 'FEMALE', 'UNKNOWN']));
  });
});
