// The pack's objects the jobs read and write (objects/*.object.yaml).
import type { ObjectRef } from './records-port.ts';

const object = (nameSingular: string, namePlural: string): ObjectRef => ({ nameSingular, namePlural });

export const INTEL_LEAD = object('intelLead', 'intelLeads');
export const CLIENT_MANAGER = object('clientManager', 'clientManagers');
export const BRANCH = object('branch', 'branches');
export const MAINTENANCE_TEAM = object('maintenanceTeam', 'maintenanceTeams');
export const SATISFACTION_SURVEY = object('satisfactionSurvey', 'satisfactionSurveys');
export const ASSESSMENT = object('assessment', 'assessments');
export const BOUNTY = object('bounty', 'bounties');
export const BID = object('bid', 'bids');

export const ADDRESS_FIELDS = ['addressCity', 'addressState', 'addressLat', 'addressLng'];
