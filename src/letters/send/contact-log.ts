// Each email or letter sent becomes a contactLog record on the client: channel,
// topic, template and version, campaign, date, summary and the send key. Its id is
// derived from the send key (uuid v5), so writing it twice — after a lost answer or
// a re-run — updates the same record instead of adding another.
import { v5 as uuidv5 } from 'uuid';
import type { Catalogue, CatalogueObject } from '../catalogue.ts';
import type { PreparedTemplate } from '../prepare.ts';
import type { LettersRecords } from '../records-port.ts';

export const CONTACT_LOG = 'contactLog';
const NAMESPACE = '5b0f7c62-8f0e-4d36-9a4b-2b0c9e1d7a31';

/** How one contactLog relation gets its value from a recipient. */
interface Link {
  /** contactLog's join column, e.g. `companyId`. */
  column: string;
  /** The path below the recipient: [] for the recipient itself, ['company'] for its company. */
  path: string[];
}

export interface ContactLogPlan {
  object: CatalogueObject;
  links: Link[];
  /** Paths the recipients must be read with so the links can be filled. */
  extraPaths: string[][];
}

export function contactLogId(key: string): string {
  return uuidv5(key, NAMESPACE);
}

/**
 * Which of contactLog's relations a recipient fills: the one pointing at the
 * recipient's own object, and those pointing at objects the recipient is linked to
 * (an eventInvitation's person and company, a person's company, a complaint's manager).
 */
export function planContactLog(catalogue: Catalogue, template: PreparedTemplate): ContactLogPlan | undefined {
  const object = catalogue.objects.get(CONTACT_LOG);
  if (!object) return undefined;
  const recipient = template.object;
  const links: Link[] = [];
  for (const field of object.fields.values()) {
    const rel = field.relation;
    if (!rel || rel.type !== 'MANY_TO_ONE' || !rel.joinColumn) continue;
    if (rel.target === recipient.nameSingular) {
      links.push({ column: rel.joinColumn, path: [] });
      continue;
    }
    const via = [...recipient.fields.values()].find((f) => f.relation?.type === 'MANY_TO_ONE' && f.relation.target === rel.target);
    if (via) links.push({ column: rel.joinColumn, path: [via.name] });
  }
  return { object, links, extraPaths: links.filter((l) => l.path.length > 0).map((l) => [...l.path, 'id']) };
}

export interface ContactLogInput {
  key: string;
  recipient: Record<string, unknown> & { id: string };
  channel: 'EMAIL' | 'LETTER';
  campaign: string;
  template: PreparedTemplate;
  /** The subject of an email, or the template's description for a letter. */
  title: string;
  at: Date;
}

export function contactLogRecord(plan: ContactLogPlan, input: ContactLogInput): Record<string, unknown> & { id: string } {
  const has = (name: string): boolean => plan.object.fields.has(name);
  const { meta, version } = input.template;
  const record: Record<string, unknown> & { id: string } = { id: contactLogId(input.key) };
  const set = (name: string, value: unknown): void => {
    if (has(name) && value !== undefined) record[name] = value;
  };
  set('name', input.title.slice(0, 200));
  set('channel', input.channel);
  if (meta.topic && plan.object.fields.get('topic')?.options?.some((o) => o.value === meta.topic)) set('topic', meta.topic);
  set('template', `${meta.id}@${version}`);
  set('campaign', input.campaign);
  set('contactedAt', input.at.toISOString());
  set('summary', `${input.channel === 'EMAIL' ? '邮件' : '信函'}「${input.title}」（${meta.id}，批次 ${input.campaign}）`);
  set('sendKey', input.key);
  for (const link of plan.links) {
    let value: unknown = input.recipient;
    for (const part of link.path) value = (value as Record<string, unknown> | null | undefined)?.[part];
    const id = (value as { id?: unknown } | null | undefined)?.id;
    if (typeof id === 'string') record[link.column] = id;
  }
  return record;
}

/** The send keys of the contact logs a campaign already has in the CRM. */
export async function loggedKeys(records: LettersRecords, plan: ContactLogPlan, campaign: string, pageSize: number): Promise<Set<string>> {
  const keys = new Set<string>();
  if (!plan.object.fields.has('sendKey') || !plan.object.fields.has('campaign')) return keys;
  for await (const page of records.readPages({
    object: plan.object,
    fields: ['sendKey'],
    filter: { campaign: { eq: campaign } },
    pageSize,
  })) {
    for (const row of page) if (typeof row.sendKey === 'string') keys.add(row.sendKey);
  }
  return keys;
}
