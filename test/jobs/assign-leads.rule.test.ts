import { describe, expect, it } from 'vitest';
import { assignLeads, type LeadDecision } from '../../src/jobs/assign-leads/rule.ts';
import { assignPolicy, branches, day, FUTIAN, lead, manager, NANSHAN, place } from './world.ts';

const managers = [
  manager('m1', 'b1', ['MANUFACTURING']),
  manager('m2', 'b1', ['FINANCE']),
  manager('m3', 'b2', ['MANUFACTURING']),
  manager('m4', 'b3', ['ENERGY']),
  manager('m5', 'b4', ['RETAIL']),
];

const only = (decisions: LeadDecision[]): LeadDecision => {
  expect(decisions).toHaveLength(1);
  return decisions[0] as LeadDecision;
};

describe('assign-leads: rule 1, first claim', () => {
  it('gives the lead to the earliest claimant, even one far away', () => {
    const claimed = lead('l1', {
      place: FUTIAN,
      claims: [
        { managerId: 'm4', at: day(2) },
        { managerId: 'm3', at: day(1) },
      ],
    });
    const d = only(assignLeads({ leads: [claimed], managers, branches }, assignPolicy()));
    expect(d).toMatchObject({ kind: 'assign', managerId: 'm3', rule: 'FIRST_CLAIM', distanceKm: null });
  });

  it('breaks a tie between claims made at the same moment by manager id', () => {
    const claimed = lead('l1', {
      claims: [
        { managerId: 'm4', at: day(1) },
        { managerId: 'm2', at: day(1) },
      ],
    });
    expect(only(assignLeads({ leads: [claimed], managers, branches }, assignPolicy()))).toMatchObject({
      managerId: 'm2',
      rule: 'FIRST_CLAIM',
    });
  });

  it('honours a claim by a manager at capacity, and ignores one by an inactive manager', () => {
    const busy = [lead('x1', { stage: 'FEEDBACK', assignedManagerId: 'm3' }), lead('x2', { stage: 'REFINED', assignedManagerId: 'm3' })];
    const ms = [...managers, manager('m6', 'b1', [], { status: 'LEFT' })];
    const claimed = lead('l1', {
      place: FUTIAN,
      claims: [
        { managerId: 'm6', at: day(0) },
        { managerId: 'm3', at: day(1) },
      ],
    });
    const d = only(assignLeads({ leads: [...busy, claimed], managers: ms, branches }, assignPolicy()));
    expect(d).toMatchObject({ kind: 'assign', managerId: 'm3', rule: 'FIRST_CLAIM' });
    expect(d.explanation).toContain('over capacity');
  });

  it('moves a lead assigned by proximity to a manager who had claimed it before that assignment', () => {
    const l = lead('l1', {
      assignedManagerId: 'm1',
      assignmentRule: 'PROXIMITY',
      assignedAt: day(3),
      claims: [{ managerId: 'm4', at: day(2) }],
    });
    expect(only(assignLeads({ leads: [l], managers, branches }, assignPolicy()))).toMatchObject({
      kind: 'assign',
      managerId: 'm4',
      previousManagerId: 'm1',
      rule: 'FIRST_CLAIM',
    });
    const late = { ...l, claims: [{ managerId: 'm4', at: day(4) }] };
    const kept = only(assignLeads({ leads: [late], managers, branches }, assignPolicy()));
    expect(kept).toMatchObject({ kind: 'keep', managerId: 'm1' });
    expect(kept.explanation).toContain('claim came after');
  });
});

describe('assign-leads: rule 2, proximity', () => {
  it('picks the nearest branch, then the colleague there who covers the industry', () => {
    const l = lead('l1', { place: FUTIAN, industry: 'FINANCE' });
    expect(only(assignLeads({ leads: [l], managers, branches }, assignPolicy()))).toMatchObject({
      kind: 'assign',
      managerId: 'm2',
      rule: 'PROXIMITY',
      distanceKm: 0,
    });
  });

  it('prefers the nearer branch over an industry match farther away', () => {
    // Nanshan (b2) is ~13 km from Futian: m3 covers MANUFACTURING there, but Futian is nearer.
    const l = lead('l1', { place: place(22.54, 114.04), industry: 'FINANCE' });
    const d = only(assignLeads({ leads: [l], managers: managers.filter((m) => m.id !== 'm2'), branches }, assignPolicy()));
    expect(d).toMatchObject({ managerId: 'm1', rule: 'PROXIMITY' });
  });

  it('with a tolerance, treats near-equal branches as tied and lets the industry decide', () => {
    // A point between Futian and Nanshan, ~4.8 km from Futian and ~8.3 km from Nanshan.
    const l = lead('l1', { place: place(22.538, 114.0114), industry: 'MANUFACTURING' });
    const ms = [manager('m2', 'b1', ['FINANCE']), manager('m3', 'b2', ['MANUFACTURING'])];
    expect(only(assignLeads({ leads: [l], managers: ms, branches }, assignPolicy()))).toMatchObject({ managerId: 'm2' });
    const d = only(assignLeads({ leads: [l], managers: ms, branches }, assignPolicy({ proximity: { toleranceKm: 5 } })));
    expect(d).toMatchObject({ managerId: 'm3', rule: 'PROXIMITY' });
    expect(d.kind === 'assign' && d.distanceKm).toBeGreaterThan(7);
  });

  it('measures the great-circle distance and records it to 0.1 km', () => {
    const l = lead('l1', { place: NANSHAN });
    const d = only(assignLeads({ leads: [l], managers: [manager('m1', 'b1', [])], branches }, assignPolicy()));
    // Futian–Nanshan: Δlat 0.0102°, Δlng 0.1274° at 22.54°N → about 13.1 km.
    expect(d).toMatchObject({ kind: 'assign', managerId: 'm1', distanceKm: 13.1 });
  });

  it('breaks ties at one branch by load against capacity, then by manager id', () => {
    const ms = [manager('m1', 'b1', [], { capacity: 4 }), manager('m2', 'b1', [], { capacity: 2 })];
    const existing = [lead('x1', { stage: 'FEEDBACK', assignedManagerId: 'm1' })]; // m1 at 1/4, m2 at 0/2
    const ds = assignLeads(
      {
        leads: [
          ...existing,
          lead('l1', { place: FUTIAN, createdAt: day(1) }),
          lead('l2', { place: FUTIAN, createdAt: day(2) }),
          lead('l3', { place: FUTIAN, createdAt: day(3) }),
        ],
        managers: ms,
        branches,
      },
      assignPolicy(),
    );
    // l1 → m2 (0/2 < 1/4); l2: m1 1/4 = 0.25 < m2 1/2 → m1; l3: m1 2/4 = m2 1/2, fewer open leads → m2.
    expect(ds.map((d) => d.kind === 'assign' && d.managerId)).toEqual(['m2', 'm1', 'm2']);
  });

  it('skips managers at capacity and leaves the lead unassigned when no one has room', () => {
    const ms = [manager('m1', 'b1', [], { capacity: 1 })];
    const ds = assignLeads(
      {
        leads: [lead('l1', { place: FUTIAN, createdAt: day(1) }), lead('l2', { place: FUTIAN, createdAt: day(2) })],
        managers: ms,
        branches,
      },
      assignPolicy(),
    );
    expect(ds.map((d) => d.kind)).toEqual(['assign', 'unassigned']);
    expect(ds[1]?.explanation).toBe('every active manager is at capacity');
  });

  it('uses the policy default capacity for a manager without one', () => {
    const ms = [manager('m1', 'b1', [], { capacity: null })];
    const leads = Array.from({ length: 3 }, (_, i) => lead(`l${i}`, { place: FUTIAN, createdAt: day(i) }));
    const ds = assignLeads({ leads, managers: ms, branches }, assignPolicy({ load: { defaultCapacity: 2 } }));
    expect(ds.map((d) => d.kind)).toEqual(['assign', 'assign', 'unassigned']);
  });

  it('falls back to the same city, then the same province, when the lead has no coordinates', () => {
    const inDongguan = lead('l1', { place: place(null, null, 'dongguan ') });
    expect(only(assignLeads({ leads: [inDongguan], managers, branches }, assignPolicy()))).toMatchObject({
      managerId: 'm5',
      rule: 'PROXIMITY',
      distanceKm: null,
    });
    const inShenzhen = lead('l2', { place: place(null, null, 'Shenzhen'), industry: 'MANUFACTURING' });
    // Shenzhen has b1 (m1, m2) and b2 (m3): m1 and m3 cover MANUFACTURING, equal load → smaller id.
    expect(only(assignLeads({ leads: [inShenzhen], managers, branches }, assignPolicy()))).toMatchObject({ managerId: 'm1' });
    const regionOnly = lead('l3', { place: place(null, null, null, 'Guangdong'), industry: 'ENERGY' });
    const d = only(assignLeads({ leads: [regionOnly], managers, branches }, assignPolicy()));
    expect(d).toMatchObject({ managerId: 'm4', rule: 'PROXIMITY' });
    expect(d.explanation).toContain('same province (Guangdong)');
    expect(
      only(
        assignLeads({ leads: [regionOnly], managers, branches }, assignPolicy({ proximity: { fallbackWhenNoCoordinates: ['SAME_CITY'] } })),
      ),
    ).toMatchObject({ managerId: 'm4', rule: 'INDUSTRY' });
  });

  it('matches a measured lead to a branch without coordinates only by city', () => {
    const l = lead('l1', { place: place(23.0205, 113.7518, 'Dongguan') }); // ~62 km from Futian, ~51 km from Tianhe: out of range
    expect(only(assignLeads({ leads: [l], managers, branches }, assignPolicy()))).toMatchObject({
      managerId: 'm5',
      rule: 'PROXIMITY',
      distanceKm: null,
    });
  });
});

describe('assign-leads: rule 3, industry', () => {
  it('gives a lead far from every branch to a manager covering its industry', () => {
    const beijing = lead('l1', { place: place(39.9042, 116.4074, 'Beijing', 'Beijing'), industry: 'ENERGY' });
    const d = only(assignLeads({ leads: [beijing], managers, branches }, assignPolicy()));
    expect(d).toMatchObject({ kind: 'assign', managerId: 'm4', rule: 'INDUSTRY', distanceKm: null });
  });

  it('leaves a lead that no rule places unassigned, saying why', () => {
    const beijing = lead('l1', { place: place(39.9042, 116.4074, 'Beijing', 'Beijing'), industry: 'MINING' });
    const d = only(assignLeads({ leads: [beijing], managers, branches }, assignPolicy()));
    expect(d.kind).toBe('unassigned');
    expect(d.explanation).toBe('no branch within 50 km; no manager with room covers MINING');
  });
});

describe('assign-leads: policy switches', () => {
  it('ignores a claim by a manager at capacity when the policy does not honour it', () => {
    const busy = [lead('x1', { stage: 'FEEDBACK', assignedManagerId: 'm4' }), lead('x2', { stage: 'FEEDBACK', assignedManagerId: 'm4' })];
    const claimed = lead('l1', { place: FUTIAN, industry: 'FINANCE', claims: [{ managerId: 'm4', at: day(1) }] });
    const d = assignLeads({ leads: [...busy, claimed], managers, branches }, assignPolicy({ firstClaim: { honourAtCapacity: false } }));
    expect(d[0]).toMatchObject({ managerId: 'm2', rule: 'PROXIMITY' });
  });

  it('lets a manager at capacity take leads when skipAtCapacity is off', () => {
    const ms = [manager('m1', 'b1', [], { capacity: 1 })];
    const ds = assignLeads(
      {
        leads: [lead('l1', { place: FUTIAN, createdAt: day(1) }), lead('l2', { place: FUTIAN, createdAt: day(2) })],
        managers: ms,
        branches,
      },
      assignPolicy({ load: { skipAtCapacity: false } }),
    );
    expect(ds.map((d) => d.kind)).toEqual(['assign', 'assign']);
  });

  it('applies only the rules the policy lists', () => {
    const l = lead('l1', { place: FUTIAN, industry: 'ENERGY', claims: [{ managerId: 'm5', at: day(0) }] });
    expect(assignLeads({ leads: [l], managers, branches }, assignPolicy({ rules: ['PROXIMITY', 'INDUSTRY'] }))[0]).toMatchObject({
      managerId: 'm1',
      rule: 'PROXIMITY',
    });
    expect(assignLeads({ leads: [l], managers, branches }, assignPolicy({ rules: ['INDUSTRY'] }))[0]).toMatchObject({
      managerId: 'm4',
      rule: 'INDUSTRY',
    });
  });

  it('breaks a full tie by employee number before the record id', () => {
    const ms = [manager('a', 'b1', [], { employeeNo: 'E200' }), manager('b', 'b1', [], { employeeNo: 'E100' })];
    expect(assignLeads({ leads: [lead('l1', { place: FUTIAN })], managers: ms, branches }, assignPolicy())[0]).toMatchObject({
      managerId: 'b',
    });
  });
});

describe('assign-leads: what is left alone', () => {
  it('keeps leads already assigned, and decides nothing for leads outside the publish stage', () => {
    const ds = assignLeads(
      {
        leads: [
          lead('l1', { assignedManagerId: 'm4', assignmentRule: 'INDUSTRY', assignedAt: day(1) }),
          lead('l2', { stage: 'FEEDBACK', place: FUTIAN }),
        ],
        managers,
        branches,
      },
      assignPolicy(),
    );
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ kind: 'keep', managerId: 'm4' });
  });

  it('is idempotent: applying its decisions and deciding again assigns nothing', () => {
    const leads = [
      lead('l1', { place: FUTIAN, industry: 'FINANCE' }),
      lead('l2', { place: place(null, null, 'Dongguan') }),
      lead('l3', { claims: [{ managerId: 'm4', at: day(0) }] }),
    ];
    const first = assignLeads({ leads, managers, branches }, assignPolicy());
    const applied = leads.map((l) => {
      const d = first.find((x) => x.lead.id === l.id);
      return d?.kind === 'assign' ? { ...l, assignedManagerId: d.managerId, assignmentRule: d.rule, assignedAt: day(5) } : l;
    });
    expect(first.filter((d) => d.kind === 'assign')).toHaveLength(3);
    expect(assignLeads({ leads: applied, managers, branches }, assignPolicy()).every((d) => d.kind === 'keep')).toBe(true);
  });

  it('decides nothing for an empty world', () => {
    expect(assignLeads({ leads: [], managers: [], branches: [] }, assignPolicy())).toEqual([]);
    expect(only(assignLeads({ leads: [lead('l1', { place: FUTIAN })], managers: [], branches: [] }, assignPolicy())).kind).toBe(
      'unassigned',
    );
  });
});
