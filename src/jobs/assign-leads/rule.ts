// Lead assignment at the weekly marketing meeting (DOMAIN.md §1 step 2), by the bank's
// three rules in order: first claim (优先领认), geographic proximity (地理位置就近),
// industry classification (行业归类). Pure: records in, decisions out.
//
// How the rules combine ("in order" read as successive fallbacks and tie-breakers;
// policies/assignment.policy.yaml can switch a rule off, not reorder them):
//  1. First claim: a lead someone claimed goes to the earliest claimant (ties: manager id)
//     if the claimant's status is active; at capacity too when firstClaim.honourAtCapacity.
//  2. Proximity, among active managers with room: the nearest branch by great-circle
//     distance within proximity.maxDistanceKm. Managers whose branches are equally near
//     (within proximity.toleranceKm of the nearest; colleagues at one branch always are)
//     are separated by rule 3 first (a manager covering the lead's industry), then by load.
//     A lead or branch without coordinates cannot be measured: such pairs fall back to the
//     same city, then the same province (addressState), per fallbackWhenNoCoordinates.
//  3. Industry, when proximity found no one: a manager covering the lead's industry.
//  Ties left by the rules go to the lowest load ratio (leads in load.countedStages ÷
//  capacity), then the fewest leads, then employeeNo, then id, so a run is reproducible.
//  A lead no rule places stays unassigned and is listed for the meeting.
import type { AssignmentPolicy } from '../policy.ts';
import { haversineKm, toLatLng, type LatLng } from '../geo.ts';

export type AssignmentRule = 'FIRST_CLAIM' | 'PROXIMITY' | 'INDUSTRY';

export interface Place {
  lat: number | null;
  lng: number | null;
  city: string | null;
  /** Province (ADDRESS addressState). */
  state: string | null;
}

export interface Claim {
  managerId: string;
  at: number;
}

export interface LeadInput {
  id: string;
  name: string;
  stage: string;
  industry: string | null;
  place: Place;
  claims: Claim[];
  assignedManagerId: string | null;
  assignmentRule: AssignmentRule | null;
  assignedAt: number | null;
  createdAt: number;
}

export interface ManagerInput {
  id: string;
  name: string;
  employeeNo: string | null;
  branchId: string | null;
  industries: string[];
  capacity: number | null;
  status: string | null;
}

export interface BranchInput {
  id: string;
  name: string;
  place: Place;
}

export interface AssignLeadsInput {
  /** Every lead in an open stage (they make up the managers' load); only those in the publish stage are assigned. */
  leads: LeadInput[];
  managers: ManagerInput[];
  branches: BranchInput[];
}

export type LeadDecision =
  | {
      kind: 'assign';
      lead: LeadInput;
      managerId: string;
      managerName: string;
      previousManagerId: string | null;
      rule: AssignmentRule;
      distanceKm: number | null;
      explanation: string;
    }
  | { kind: 'keep'; lead: LeadInput; managerId: string; explanation: string }
  | { kind: 'unassigned'; lead: LeadInput; explanation: string };

interface Candidate {
  manager: ManagerInput;
  branch: BranchInput | undefined;
  capacity: number;
}

const norm = (s: string | null): string | null => (s === null ? null : s.trim().toLowerCase() || null);
const round1 = (km: number): number => Math.round(km * 10) / 10;

export function assignLeads(input: AssignLeadsInput, policy: AssignmentPolicy): LeadDecision[] {
  const branches = new Map(input.branches.map((b) => [b.id, b]));
  const active = new Set(policy.managerStatuses);
  const uses = (rule: AssignmentRule): boolean => policy.rules.includes(rule);
  const radius = policy.proximity.earthRadiusKm;
  const managers = [...input.managers].sort((a, b) => cmp(a.employeeNo ?? '', b.employeeNo ?? '') || cmp(a.id, b.id));
  const byId = new Map(managers.map((m) => [m.id, m]));
  const isActive = (m: ManagerInput): boolean => m.status === null || active.has(m.status);

  const load = new Map<string, number>();
  for (const lead of input.leads) {
    if (lead.assignedManagerId && policy.load.countedStages.includes(lead.stage))
      load.set(lead.assignedManagerId, (load.get(lead.assignedManagerId) ?? 0) + 1);
  }
  const loadOf = (id: string): number => load.get(id) ?? 0;
  const candidateOf = (m: ManagerInput): Candidate => ({
    manager: m,
    branch: m.branchId ? branches.get(m.branchId) : undefined,
    capacity: m.capacity ?? policy.load.defaultCapacity,
  });
  const hasRoom = (c: Candidate): boolean => !policy.load.skipAtCapacity || loadOf(c.manager.id) < c.capacity;

  const toAssign = input.leads.filter((l) => l.stage === policy.stage).sort((a, b) => a.createdAt - b.createdAt || cmp(a.id, b.id));
  const decisions: LeadDecision[] = [];
  for (const lead of toAssign) {
    const decision = decide(lead);
    if (decision.kind === 'assign') {
      if (decision.previousManagerId) load.set(decision.previousManagerId, loadOf(decision.previousManagerId) - 1);
      load.set(decision.managerId, loadOf(decision.managerId) + 1);
    }
    decisions.push(decision);
  }
  return decisions;

  function decide(lead: LeadInput): LeadDecision {
    const claim = uses('FIRST_CLAIM') ? firstClaim(lead) : undefined;
    const current = lead.assignedManagerId;
    if (claim) {
      const claimant = byId.get(claim.managerId) as ManagerInput;
      if (current === claimant.id)
        return { kind: 'keep', lead, managerId: current, explanation: `claimed by ${claimant.name}, already assigned` };
      const claimCameFirst =
        current === null || (lead.assignmentRule !== 'FIRST_CLAIM' && (lead.assignedAt === null || claim.at < lead.assignedAt));
      if (claimCameFirst) {
        const over = loadOf(claimant.id) >= candidateOf(claimant).capacity ? ', over capacity' : '';
        const moved = current ? `, taken from ${byId.get(current)?.name ?? current} (claimed before that assignment)` : '';
        return assign(lead, claimant, 'FIRST_CLAIM', null, `first claim by ${claimant.name} on ${isoDay(claim.at)}${moved}${over}`);
      }
    }
    if (current) {
      const late = claim ? `; ${byId.get(claim.managerId)?.name ?? claim.managerId}'s claim came after the assignment` : '';
      return { kind: 'keep', lead, managerId: current, explanation: `already assigned to ${byId.get(current)?.name ?? current}${late}` };
    }

    const open = managers
      .filter((m) => isActive(m))
      .map(candidateOf)
      .filter(hasRoom);
    if (open.length === 0) return { kind: 'unassigned', lead, explanation: 'every active manager is at capacity' };
    return (
      (uses('PROXIMITY') ? byProximity(lead, open) : undefined) ??
      (uses('INDUSTRY') ? byIndustry(lead, open) : undefined) ?? { kind: 'unassigned', lead, explanation: unplaced(lead) }
    );
  }

  function firstClaim(lead: LeadInput): Claim | undefined {
    return lead.claims
      .filter((c) => {
        const m = byId.get(c.managerId);
        return m !== undefined && isActive(m) && (policy.firstClaim.honourAtCapacity || hasRoom(candidateOf(m)));
      })
      .sort((a, b) => a.at - b.at || cmp(a.managerId, b.managerId))[0];
  }

  function byProximity(lead: LeadInput, open: Candidate[]): LeadDecision | undefined {
    const at = toLatLng(lead.place.lat, lead.place.lng);
    if (at) {
      const measured = open
        .map((c) => ({ c, km: distance(at, c.branch, radius) }))
        .filter((x): x is { c: Candidate; km: number } => x.km !== null && x.km <= policy.proximity.maxDistanceKm);
      if (measured.length > 0) {
        const nearest = Math.min(...measured.map((x) => x.km));
        const near = measured.filter((x) => x.km <= nearest + policy.proximity.toleranceKm);
        const pick = preferIndustry(
          lead,
          near.map((x) => x.c),
        );
        const km = near.find((x) => x.c === pick.chosen)?.km ?? nearest;
        const branch = pick.chosen.branch?.name ?? 'branch';
        return assign(lead, pick.chosen.manager, 'PROXIMITY', round1(km), `nearest branch ${branch}, ${round1(km)} km${pick.why}`);
      }
    }
    // Pairs that cannot be measured: the lead has no coordinates, or the branch has none.
    const unmeasured = at ? open.filter((c) => !branchPoint(c.branch)) : open;
    for (const level of policy.proximity.fallbackWhenNoCoordinates) {
      const of = (p: Place): string | null => (level === 'SAME_CITY' ? p.city : p.state);
      const key = norm(of(lead.place));
      if (!key) continue;
      const same = unmeasured.filter((c) => c.branch && norm(of(c.branch.place)) === key);
      if (same.length === 0) continue;
      const pick = preferIndustry(lead, same);
      const reason = at ? 'the branch has no coordinates' : 'the lead has no coordinates';
      const what = level === 'SAME_CITY' ? 'city' : 'province';
      return assign(
        lead,
        pick.chosen.manager,
        'PROXIMITY',
        null,
        `same ${what} (${of(lead.place)}) as branch ${pick.chosen.branch?.name ?? ''}; ${reason}${pick.why}`,
      );
    }
    return undefined;
  }

  function byIndustry(lead: LeadInput, open: Candidate[]): LeadDecision | undefined {
    if (!lead.industry) return undefined;
    const covering = open.filter((c) => c.manager.industries.includes(lead.industry as string));
    if (covering.length === 0) return undefined;
    const chosen = leastLoaded(covering);
    const miss = uses('PROXIMITY') ? `; ${proximityMiss(lead)}` : '';
    return assign(
      lead,
      chosen.manager,
      'INDUSTRY',
      null,
      `covers ${lead.industry}${miss}${covering.length > 1 ? `; lowest load of ${covering.length}` : ''}`,
    );
  }

  function preferIndustry(lead: LeadInput, tied: Candidate[]): { chosen: Candidate; why: string } {
    if (tied.length === 1) return { chosen: tied[0] as Candidate, why: '' };
    const covering = lead.industry ? tied.filter((c) => c.manager.industries.includes(lead.industry as string)) : [];
    if (covering.length > 0) {
      const chosen = leastLoaded(covering);
      return { chosen, why: `; of ${tied.length} equally near, covers ${lead.industry}${covering.length > 1 ? ', lowest load' : ''}` };
    }
    return { chosen: leastLoaded(tied), why: `; lowest load of ${tied.length} equally near` };
  }

  function leastLoaded(cs: Candidate[]): Candidate {
    const ratio = (c: Candidate): number => (c.capacity > 0 ? loadOf(c.manager.id) / c.capacity : Infinity);
    // `managers` is in (employeeNo, id) order and sort is stable: the last tie-break is that order.
    return [...cs].sort((a, b) => ratio(a) - ratio(b) || loadOf(a.manager.id) - loadOf(b.manager.id))[0] as Candidate;
  }

  function assign(lead: LeadInput, m: ManagerInput, rule: AssignmentRule, distanceKm: number | null, why: string): LeadDecision {
    const cap = candidateOf(m).capacity;
    return {
      kind: 'assign',
      lead,
      managerId: m.id,
      managerName: m.name,
      previousManagerId: lead.assignedManagerId,
      rule,
      distanceKm,
      explanation: `${why} (load ${loadOf(m.id) + 1}/${cap})`,
    };
  }

  function proximityMiss(lead: LeadInput): string {
    const places = policy.proximity.fallbackWhenNoCoordinates.map((f) => (f === 'SAME_CITY' ? 'city' : 'province')).join(' or ');
    return toLatLng(lead.place.lat, lead.place.lng)
      ? `no branch within ${policy.proximity.maxDistanceKm} km`
      : `no coordinates and no branch in the same ${places || 'place'}`;
  }

  function unplaced(lead: LeadInput): string {
    const parts: string[] = [];
    if (uses('PROXIMITY')) parts.push(proximityMiss(lead));
    if (uses('INDUSTRY')) parts.push(lead.industry ? `no manager with room covers ${lead.industry}` : 'no industry to match');
    return parts.join('; ') || 'no assignment rule applies';
  }
}

function branchPoint(b: BranchInput | undefined): LatLng | null {
  return b ? toLatLng(b.place.lat, b.place.lng) : null;
}

function distance(at: LatLng, b: BranchInput | undefined, radiusKm: number): number | null {
  const p = branchPoint(b);
  return p ? haversineKm(at, p, radiusKm) : null;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const isoDay = (t: number): string => new Date(t).toISOString().slice(0, 10);
