// Deterministic ids for what Twenty lets the client name (views, view fields,
// groups, sorts, records): uuid v5, the way Twenty's SDK derives its own
// (`uuidv5("viewField:<viewUID>:<fieldUID>", appUID)`, ../shared/twenty/sdk-shape.md §1.2).
// View ids are primary keys across the whole server, so the namespace is per
// workspace: two workspaces on one server deploying the same pack never collide.
import { v5 as uuidv5 } from 'uuid';

/** bankpack's own namespace (a fixed v4). */
export const BANKPACK_NAMESPACE = '3c2b8f0e-5a61-4d8e-9a43-7f6c1e2d9b10';

export type IdDeriver = (kind: string, ...parts: string[]) => string;

/** `anchor` is a UUID unique to the workspace (the id of its `company` object). */
export function idDeriver(anchor: string): IdDeriver {
  const namespace = uuidv5(`workspace:${anchor}`, BANKPACK_NAMESPACE);
  return (kind, ...parts) => uuidv5(`${kind}:${parts.join(':')}`, namespace);
}
