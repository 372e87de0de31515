// `letters send`: each recipient's email rendered, sent over SMTP at a bounded
// rate, recorded in the local send log the moment the server accepts it, and
// logged in the CRM as a contactLog. A key already in the send log or in the CRM is
// never sent again, so a run stopped anywhere can simply be started again.
// Recipients without an address, or who opted out, are skipped and listed.
import { MAX_RECORDS_PER_CREATE } from '../../records/batches.ts';
import type { RecordsTransport } from '../../records/transport.ts';
import type { Catalogue } from '../catalogue.ts';
import type { CompiledTemplate, RunVariables } from '../compile.ts';
import type { MissingValue } from '../helpers/registry.ts';
import { OPT_OUT_FIELD } from '../prepare.ts';
import type { Progress } from '../progress.ts';
import { LETTERS_PAGE_SIZE, readLists, readRecipients, recipientName, type Recipient, type RecipientQuery } from '../recipients.ts';
import { contactLogRecord, loggedKeys, planContactLog, writeContactLogs } from './contact-log.ts';
import { isRefusal, type Mailer } from './mailer.ts';
import type { Pacer } from './rate.ts';
import { sendKey, type SendLog } from './send-log.ts';

export interface SendRunOptions {
  template: CompiledTemplate;
  catalogue: Catalogue;
  transport: RecordsTransport;
  query: RecipientQuery;
  campaign: string;
  vars: RunVariables;
  log: SendLog;
  /** Absent on a dry run. */
  mailer?: Mailer;
  pace?: Pacer;
  /** `{id}` and `{email}` in the URL are replaced per recipient. */
  unsubscribe?: { url?: string; mailto?: string };
  progress?: Progress;
  now?: () => Date;
}

export interface RecipientRef {
  id: string;
  name: string;
  address?: string;
}

export interface SendReport {
  sent: RecipientRef[];
  alreadySent: RecipientRef[];
  /** A dry run: what a real run would send. */
  wouldSend: RecipientRef[];
  noAddress: RecipientRef[];
  optedOut: RecipientRef[];
  stopped: Array<RecipientRef & { missing: MissingValue[] }>;
  failed: Array<RecipientRef & { error: string }>;
  /** Contact logs written to the CRM in this run (repairs of earlier runs included). */
  logged: number;
  logError?: string;
  /** Why the run stopped before the end (the SMTP server could not be reached). */
  aborted?: string;
  /** False when the pack has no contactLog object: nothing is logged in the CRM. */
  crmLogging: boolean;
}

const ADDRESS = /^[^\s@<>]+@[^\s@<>]+$/;

export async function runSend(o: SendRunOptions): Promise<SendReport> {
  const prepared = o.template.prepared;
  const { object, toPath } = prepared;
  const report: SendReport = { sent: [], alreadySent: [], wouldSend: [], noAddress: [], optedOut: [], stopped: [], failed: [], logged: 0, crmLogging: false };
  if (!toPath) throw new Error(`${prepared.meta.id} is not an email template`);
  const dryRun = o.mailer === undefined;
  const now = o.now ?? (() => new Date());
  const plan = planContactLog(o.catalogue, prepared);
  report.crmLogging = plan !== undefined;
  const inCrm = plan ? await loggedKeys(o.transport, plan, o.campaign, LETTERS_PAGE_SIZE) : new Set<string>();
  const optOutPaths = optOutPathsOf(o.catalogue, prepared.object.nameSingular);
  const lists = await readLists(o.transport, o.catalogue, prepared);
  const pending: Array<{ key: string; record: Record<string, unknown> & { id: string } }> = [];
  let crmBroken = false;

  const flush = async (force: boolean): Promise<void> => {
    if (!plan || pending.length === 0 || (crmBroken && !force) || dryRun) return;
    while (pending.length > 0) {
      const batch = pending.slice(0, MAX_RECORDS_PER_CREATE);
      const result = await writeContactLogs(o.transport, plan, batch.map((b) => b.record));
      if (result.error) {
        crmBroken = true;
        report.logError = result.error.message;
        return;
      }
      pending.splice(0, batch.length);
      for (const b of batch) o.log.recordLogged(b.key, b.record.id);
      report.logged += batch.length;
    }
  };
  const queueLog = (key: string, recipient: Recipient, title: string): void => {
    if (!plan || o.log.wasLogged(key) || inCrm.has(key)) return;
    pending.push({ key, record: contactLogRecord(plan, { key, recipient, channel: 'EMAIL', campaign: o.campaign, template: prepared, title, at: now() }) });
  };

  const query: RecipientQuery = { ...o.query, extraPaths: [...(o.query.extraPaths ?? []), [object.labelIdentifier], ...optOutPaths, ...(plan?.extraPaths ?? [])] };
  outer: for await (const page of readRecipients(o.transport, o.catalogue, prepared, query)) {
    for (const record of page) {
      const ref: RecipientRef = { id: record.id, name: recipientName(o.catalogue, object.nameSingular, record) };
      const key = sendKey(o.campaign, record.id, prepared.meta.id, prepared.version);
      const address = valueAt(record, toPath);
      if (typeof address === 'string' && address.trim() !== '') ref.address = address.trim();
      o.progress?.tick(ref.name);
      if (o.log.wasSent(key) || inCrm.has(key)) {
        report.alreadySent.push(ref);
        if (!inCrm.has(key) && !o.log.wasLogged(key)) queueLog(key, record, prepared.meta.description ?? prepared.meta.id);
        continue;
      }
      if (optOutPaths.some((p) => valueAt(record, p) === true)) {
        report.optedOut.push(ref);
        continue;
      }
      if (!ref.address || !ADDRESS.test(ref.address)) {
        report.noAddress.push(ref);
        continue;
      }
      const unsubscribe = unsubscribeFor(o.unsubscribe, record.id, ref.address);
      const letter = o.template.render(record, { ...o.vars, lists, unsubscribe }, { name: ref.name, email: ref.address });
      if (letter.missing.length > 0) {
        report.stopped.push({ ...ref, missing: letter.missing });
        continue;
      }
      if (dryRun) {
        report.wouldSend.push(ref);
        continue;
      }
      await o.pace?.wait();
      try {
        const { messageId } = await o.mailer!.send({
          to: ref.address,
          toName: ref.name,
          subject: letter.subject ?? '',
          html: letter.html,
          key,
          ...(unsubscribe.url ? { unsubscribeUrl: unsubscribe.url } : {}),
        });
        o.log.recordSent({ key, campaign: o.campaign, recipientId: record.id, address: ref.address, template: prepared.meta.id, version: prepared.version, messageId });
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        if (!isRefusal(e)) {
          report.aborted = `the SMTP server could not be reached or dropped the connection: ${message}`;
          report.failed.push({ ...ref, error: message });
          break outer;
        }
        report.failed.push({ ...ref, error: message });
        continue;
      }
      report.sent.push(ref);
      queueLog(key, record, letter.subject ?? prepared.meta.id);
      if (pending.length >= MAX_RECORDS_PER_CREATE) await flush(false);
    }
  }
  await flush(true);
  return report;
}

/** The recipient's own opt-out flag, and that of the company or person it is linked to. */
function optOutPathsOf(catalogue: Catalogue, objectName: string): string[][] {
  const object = catalogue.objects.get(objectName);
  if (!object) return [];
  const paths: string[][] = [];
  if (object.fields.get(OPT_OUT_FIELD)?.type === 'BOOLEAN') paths.push([OPT_OUT_FIELD]);
  for (const f of object.fields.values()) {
    if (f.relation?.type !== 'MANY_TO_ONE') continue;
    if (catalogue.objects.get(f.relation.target)?.fields.get(OPT_OUT_FIELD)?.type === 'BOOLEAN') paths.push([f.name, OPT_OUT_FIELD]);
  }
  return paths;
}

function valueAt(record: Record<string, unknown>, path: readonly string[]): unknown {
  let v: unknown = record;
  for (const p of path) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
  return v;
}

function unsubscribeFor(u: SendRunOptions['unsubscribe'], id: string, email: string): { url?: string; mailto?: string } {
  const url = u?.url?.replace(/\{id\}/g, encodeURIComponent(id)).replace(/\{email\}/g, encodeURIComponent(email));
  return { ...(url ? { url } : {}), ...(u?.mailto ? { mailto: u.mailto } : {}) };
}
