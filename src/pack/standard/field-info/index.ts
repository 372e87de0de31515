// The whole hand table: every standard object's facts that twenty-sdk's
// STANDARD_OBJECT constant does not carry, keyed by nameSingular.
import { ACTIVITY_OBJECTS } from './activities.ts';
import { CRM_OBJECTS } from './crm.ts';
import type { HandObject } from './define.ts';
import { OTHER_OBJECTS } from './other-objects.ts';
import { WORKSPACE_OBJECTS } from './workspace.ts';

export { SYSTEM_FIELDS, type HandField, type HandObject } from './define.ts';

export const STANDARD_FIELD_INFO: Readonly<Record<string, HandObject>> = {
  ...CRM_OBJECTS,
  ...ACTIVITY_OBJECTS,
  ...WORKSPACE_OBJECTS,
  ...OTHER_OBJECTS,
};
