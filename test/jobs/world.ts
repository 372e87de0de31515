// Small hand-made worlds for the job rules' tests: a few branches in Guangdong, their
// managers, and builders with sensible defaults.
import type { BranchInput, LeadInput, ManagerInput, Place } from '../../src/jobs/assign-leads/rule.ts';
import type { AssignmentPolicy } from '../../src/jobs/policy.ts';

export const T0 = Date.parse('2025-06-02T01:00:00Z');
export const day = (n: number): number => T0 + n * 86_400_000;

export const place = (lat: number | null, lng: number | null, city: string | null = null, state: string | null = 'Guangdong'): Place => ({
  lat,
  lng,
  city,
  state,
});

export const FUTIAN = place(22.5431, 114.0579, 'Shenzhen');
export const NANSHAN = place(22.5329, 113.9305, 'Shenzhen');
export const TIANHE = place(23.1291, 113.2644, 'Guangzhou');

export const branches: BranchInput[] = [
  { id: 'b1', name: 'Futian', place: FUTIAN },
  { id: 'b2', name: 'Nanshan', place: NANSHAN },
  { id: 'b3', name: 'Tianhe', place: TIANHE },
  { id: 'b4', name: 'Dongguan', place: place(null, null, 'Dongguan') },
];

export const manager = (id: string, branchId: string | null, industries: string[], extra: Partial<ManagerInput> = {}): ManagerInput => ({
  id,
  name: `Manager ${id}`,
  employeeNo: null,
  branchId,
  industries,
  capacity: 2,
  status: 'ACTIVE',
  ...extra,
});

export const lead = (id: string, extra: Partial<LeadInput> = {}): LeadInput => ({
  id,
  name: `Lead ${id}`,
  stage: 'PUBLISHED',
  industry: null,
  place: place(null, null, null, null),
  claims: [],
  assignedManagerId: null,
  assignmentRule: null,
  assignedAt: null,
  createdAt: T0,
  ...extra,
});

type PolicyPatch = Partial<Omit<AssignmentPolicy, 'proximity' | 'load' | 'firstClaim'>> & {
  proximity?: Partial<AssignmentPolicy['proximity']>;
  load?: Partial<AssignmentPolicy['load']>;
  firstClaim?: Partial<AssignmentPolicy['firstClaim']>;
};

export const assignPolicy = (patch: PolicyPatch = {}): AssignmentPolicy => ({
  stage: 'PUBLISHED',
  managerStatuses: ['ACTIVE'],
  rules: ['FIRST_CLAIM', 'PROXIMITY', 'INDUSTRY'],
  ...patch,
  firstClaim: { honourAtCapacity: true, ...patch.firstClaim },
  proximity: {
    earthRadiusKm: 6371.0088,
    maxDistanceKm: 50,
    toleranceKm: 0,
    fallbackWhenNoCoordinates: ['SAME_CITY', 'SAME_STATE'],
    ...patch.proximity,
  },
  industry: { field: 'industries' },
  load: { countedStages: ['PUBLISHED', 'FEEDBACK', 'REFINED'], skipAtCapacity: true, defaultCapacity: 5, ...patch.load },
});
