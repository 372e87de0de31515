// Reading the bank's clients: Twenty's company (name: TEXT) and person (name: FULL_NAME),
// both extended by the pack with tier, balances and relationship manager.
import type { ClientObject } from './policy.ts';
import type { Fields, JobRecords, ObjectRef, Row } from './records-port.ts';
import * as values from './values.ts';

export const CLIENT_NAMES: Record<ClientObject, ObjectRef> = {
  company: { nameSingular: 'company', namePlural: 'companies' },
  person: { nameSingular: 'person', namePlural: 'people' },
};

const NAME_SELECTION: Record<ClientObject, Fields> = {
  company: ['name'],
  person: [{ name: ['firstName', 'lastName'] }],
};

export function readClients(records: JobRecords, object: ClientObject, fields: Fields, filter?: Record<string, unknown>): Promise<Row[]> {
  return records.readAll({ object: CLIENT_NAMES[object], fields: [...NAME_SELECTION[object], ...fields], ...(filter ? { filter } : {}) });
}

export const clientName = (row: Row): string => values.displayName(row) ?? row.id;
