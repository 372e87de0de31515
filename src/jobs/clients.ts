// Reading the bank's clients: Twenty's company (name: TEXT) and person (name: FULL_NAME),
// both extended by the pack with tier, balances and relationship manager.
import { readAll, values, type RecordRow, type RecordsTransport, type Selection } from '../records/index.ts';
import type { ObjectNames } from '../records/names.ts';
import type { ClientObject } from './policy.ts';

export const CLIENT_NAMES: Record<ClientObject, ObjectNames> = {
  company: { nameSingular: 'company', namePlural: 'companies' },
  person: { nameSingular: 'person', namePlural: 'people' },
};

const NAME_SELECTION: Record<ClientObject, Selection> = {
  company: ['name'],
  person: [{ name: ['firstName', 'lastName'] }],
};

export function readClients(
  transport: RecordsTransport,
  object: ClientObject,
  fields: Selection,
  options: { filter?: Record<string, unknown>; pageSize?: number } = {},
): Promise<RecordRow[]> {
  return readAll(transport, { object: CLIENT_NAMES[object], fields: [...NAME_SELECTION[object], ...fields], ...options });
}

export const clientName = (row: RecordRow): string => values.displayName(row) ?? row.id;
