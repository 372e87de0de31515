// A client manager's load, as assignment.policy.yaml defines it: the leads assigned to
// them in load.countedStages, against their capacity (load.defaultCapacity when unset).
// Shared by assign-leads and award-bounties (a manager at capacity cannot win a bounty).
import type { AssignmentPolicy } from '../policy.ts';

export interface ManagerLoad {
  load: number;
  capacity: number;
}

export function managerLoads(
  leads: ReadonlyArray<{ stage: string; assignedManagerId: string | null }>,
  managers: ReadonlyArray<{ id: string; capacity: number | null }>,
  policy: AssignmentPolicy,
): Map<string, ManagerLoad> {
  const loads = new Map<string, ManagerLoad>(managers.map((m) => [m.id, { load: 0, capacity: m.capacity ?? policy.load.defaultCapacity }]));
  for (const lead of leads) {
    const entry = lead.assignedManagerId ? loads.get(lead.assignedManagerId) : undefined;
    if (entry && policy.load.countedStages.includes(lead.stage)) entry.load++;
  }
  return loads;
}

/** load ÷ capacity; a manager with capacity 0 is always full. */
export const loadRatio = (l: ManagerLoad): number => (l.capacity > 0 ? l.load / l.capacity : Infinity);
