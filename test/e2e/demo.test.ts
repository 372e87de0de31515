// `npm start` end to end: the demo run as a function on a fresh state folder, its outcome
// checked in the sandbox's workspace (reopened from the state file), in the letters and
// in the emails the SMTP catcher kept; then a second run that must change nothing, and
// the same command as a child process, as `npm start` runs it.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NOW, demoOptions, demoPaths, runDemo, type DemoOptions, type DemoSummary } from '../../src/demo/index.ts';
import { GREETING, INVITATION } from '../../src/demo/options.ts';
import { chromiumPath } from '../../src/letters/browser.ts';
import { type Pack } from '../../src/pack/index.ts';
import { validatePack } from '../../src/validate/index.ts';
import { openWorkspace, recordingStarter, type Workspace } from './workspace.ts';

const REPO = join(import.meta.dirname, '..', '..');
const NOW_ISO = new Date(DEMO_NOW).toISOString();
const HAS_CHROMIUM = existsSync(chromiumPath());

let tmp: string;
let options: DemoOptions;
let pack: Pack;
let first: DemoSummary;
let second: DemoSummary;
let secondLog: Array<{ operationName: string | null; write: boolean }>;
let emlAfterFirst: string[];
let ws: Workspace;
const progress: string[] = [];

const emlFiles = async (): Promise<string[]> => (await readdir(demoPaths(options).emails)).filter((f) => f.endsWith('.eml')).sort();
const job = (s: DemoSummary, name: string) => s.jobs.find((j) => j.job === name);
const countBy = (values: string[]): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
};

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'bankpack-demo-'));
  options = demoOptions({ dir: REPO, state: join(tmp, 'state'), out: join(tmp, 'out'), pdf: true });
  pack = (await validatePack(REPO)).pack;
  first = await runDemo(options, (l) => progress.push(l));
  emlAfterFirst = await emlFiles();
  ws = await openWorkspace(demoPaths(options).workspace);
}, 120_000);

afterAll(async () => {
  await ws?.close();
  await rm(tmp, { recursive: true, force: true });
});

describe('npm start on a new machine: the first run', () => {
  it('runs every step, one progress line each, and says where things are', () => {
    expect(first.steps.filter((s) => s.status !== 'ok')).toEqual([]);
    expect(first.ok).toBe(true);
    expect(progress.length).toBe(first.steps.length);
    expect(progress.find((l) => l.includes('deploy the pack'))).toMatch(/✓ deploy the pack: created 24 objects/);
    expect(first.workspace.reused).toBe(false);
  });

  it('deploys every object of the pack into the workspace', async () => {
    const names = await ws.objectNames();
    expect(pack.objects.length).toBeGreaterThan(0);
    expect(names).toEqual(expect.arrayContaining(pack.objects.map((o) => o.nameSingular)));
    expect(first.deploy).toMatchObject({
      applied: first.deploy?.total,
      created: { object: pack.objects.length, workflow: pack.workflows.length },
    });
  });

  it('activates every workflow of the pack', async () => {
    const workflows = await ws.records<{ name: string; lastPublishedVersionId: string | null }>('workflows', 'name lastPublishedVersionId');
    const active = await ws.records<{ workflowId: string; status: string }>('workflowVersions', 'workflowId status', {
      status: { in: ['ACTIVE'] },
    });
    const published = workflows.filter((w) => w.lastPublishedVersionId !== null);
    expect(published).toHaveLength(pack.workflows.length);
    expect(new Set(active.map((v) => v.workflowId))).toEqual(new Set(published.map((w) => w.id)));
  });

  it('loads the demo data with its relations resolved', async () => {
    expect(first.demoData?.created).toBeGreaterThan(300);
    expect(first.demoData?.problems).toEqual([]);
    const leads = await ws.records<{ name: string; targetCompanyId: string | null }>('intelLeads', 'name targetCompanyId');
    const companies = new Set((await ws.records('companies', 'name')).map((c) => c.id));
    const linked = leads.filter((l) => l.targetCompanyId !== null);
    expect(linked.length).toBeGreaterThan(10);
    expect(linked.every((l) => companies.has(l.targetCompanyId as string))).toBe(true);
  });

  it('sets the tiers compute-tiers decided, dated at the demo moment', async () => {
    const counts = job(first, 'compute-tiers')?.counts ?? {};
    const changed = (counts.upgrades ?? 0) + (counts.downgrades ?? 0) + (counts['first tiers'] ?? 0);
    expect(changed).toBeGreaterThan(0);
    const fields = 'clientTier tierSetAt';
    const clients = [
      ...(await ws.records<{ clientTier: string | null; tierSetAt: string | null }>('companies', fields)),
      ...(await ws.records<{ clientTier: string | null; tierSetAt: string | null }>('people', fields)),
    ];
    const setNow = clients.filter((c) => c.tierSetAt === NOW_ISO);
    expect(setNow).toHaveLength(changed);
    expect(setNow.every((c) => c.clientTier !== null)).toBe(true);
  });

  it("keeps the demo data's stages: loading it starts the workflows only for records in their first stage", async () => {
    // A closed complaint, a completed survey or a converted lead in the seed files must
    // not come back as a new one because loading it fired a "created" workflow.
    // What the demo seed files hold, as the validated pack read them.
    const seeded = (object: string, field: string): Record<string, number> =>
      countBy(pack.seeds.filter((f) => f.demo && f.object === object).flatMap((f) => f.records.map((r) => String(r[field]))));
    const inWorkspace = async (plural: string, field: string): Promise<Record<string, number>> =>
      countBy((await ws.records<Record<string, string>>(plural, field)).map((r) => String(r[field])));
    const complaints = await inWorkspace('complaints', 'step');
    expect(complaints.CLOSED).toBe(seeded('complaint', 'step').CLOSED);
    const leads = await inWorkspace('intelLeads', 'stage');
    const seededLeads = seeded('intelLead', 'stage');
    for (const stage of ['PUBLISHED', 'CONVERTED', 'DISCARDED']) expect(leads[stage], stage).toBe(seededLeads[stage]);
    const surveys = await inWorkspace('satisfactionSurveys', 'status');
    expect(surveys.COMPLETED).toBe(seeded('satisfactionSurvey', 'status').COMPLETED);
  });

  it('assigns the published leads and awards the closed bounty', async () => {
    expect(job(first, 'assign-leads')?.counts['leads to assign']).toBeGreaterThan(0);
    const assigned = await ws.records<{ assignedManagerId: string | null; assignmentRule: string | null }>(
      'intelLeads',
      'assignedManagerId assignmentRule',
      { assignedAt: { eq: NOW_ISO } },
    );
    expect(assigned).toHaveLength(job(first, 'assign-leads')?.counts['leads to assign'] ?? -1);
    expect(assigned.every((l) => l.assignedManagerId !== null && l.assignmentRule !== null)).toBe(true);
    const awarded = await ws.records<{ awardedManagerId: string | null }>('bounties', 'awardedManagerId', { awardedAt: { eq: NOW_ISO } });
    expect(awarded).toHaveLength(job(first, 'award-bounties')?.counts['bounties awarded'] ?? -1);
  });

  it('writes one greeting letter per platinum client, as HTML and (with Chromium) PDF', async () => {
    const platinum = await ws.records<{ name: string }>('companies', 'name', { clientTier: { in: ['PLATINUM'] } });
    expect(platinum.length).toBeGreaterThan(0);
    const files = await readdir(demoPaths(options).letters);
    const html = files.filter((f) => f.endsWith('.html'));
    expect(html).toHaveLength(platinum.length);
    const texts = await Promise.all(html.map((f) => readFile(join(demoPaths(options).letters, f), 'utf8')));
    for (const c of platinum) expect(texts.some((t) => t.includes(`尊敬的${c.name}`))).toBe(true);
    if (HAS_CHROMIUM) {
      expect(files.filter((f) => f.endsWith('.pdf') && f !== 'all-letters.pdf')).toHaveLength(platinum.length);
      expect(files).toContain('all-letters.pdf');
    } else expect(first.letters?.pdfNote).toContain('no Chromium');
  });

  it('emails the invitation to every invited client with an address; the catcher receives each once', async () => {
    type Invitation = {
      person: { emails: { primaryEmail: string | null }; marketingOptOut: boolean | null } | null;
      company: { marketingOptOut: boolean | null } | null;
    };
    const invited = await ws.records<Invitation>(
      'eventInvitations',
      'person { emails { primaryEmail } marketingOptOut } company { marketingOptOut }',
      { status: { in: ['INVITED'] } },
    );
    const optedOut = (i: Invitation): boolean => i.person?.marketingOptOut === true || i.company?.marketingOptOut === true;
    const addresses = invited
      .filter((i) => !optedOut(i))
      .map((i) => i.person?.emails.primaryEmail)
      .filter((a): a is string => typeof a === 'string' && a !== '');
    expect(first.emails?.optedOut).toBe(invited.filter(optedOut).length);
    expect(addresses.length).toBeGreaterThan(0);
    expect(emlAfterFirst).toHaveLength(addresses.length);
    expect(first.emails).toMatchObject({ sent: addresses.length, caught: addresses.length });
    const mails: ParsedMail[] = await Promise.all(
      emlAfterFirst.map(async (f) => simpleParser(await readFile(join(demoPaths(options).emails, f)))),
    );
    const to = mails.flatMap((m) => (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).flatMap((a) => a.value.map((v) => v.address)));
    expect(to.sort()).toEqual([...addresses].sort());
    for (const m of mails) {
      expect(m.subject).toMatch(/^邀请函：/);
      expect(m.from?.text).toContain('鸿远商业银行');
      expect(m.html || '').toContain('鸿远商业银行');
    }
  });

  it('logs each email and each posted letter as a contactLog record on the client', async () => {
    const fields = 'channel campaign sendKey companyId personId';
    const emails = await ws.records<{ channel: string; sendKey: string | null; personId: string | null }>('contactLogs', fields, {
      campaign: { eq: INVITATION.campaign },
    });
    expect(emails).toHaveLength(first.emails?.sent ?? -1);
    expect(emails.every((c) => c.channel === 'EMAIL' && c.sendKey !== null && c.personId !== null)).toBe(true);
    const letters = await ws.records<{ channel: string; companyId: string | null }>('contactLogs', fields, {
      campaign: { eq: GREETING.campaign },
    });
    expect(letters).toHaveLength(first.letters?.html ?? -1);
    expect(letters.every((c) => c.channel === 'LETTER' && c.companyId !== null)).toBe(true);
  });
});

describe('npm start again on the same state', () => {
  beforeAll(async () => {
    await ws.close(); // one sandbox at a time on the state file
    const recording = recordingStarter();
    second = await runDemo(options, () => undefined, { startSandbox: recording.start });
    secondLog = recording.log();
    ws = await openWorkspace(demoPaths(options).workspace);
  }, 120_000);

  it('sends no write to the workspace: deploy, demo data and jobs find nothing to change', () => {
    expect(second.ok).toBe(true);
    expect(second.workspace.reused).toBe(true);
    expect(secondLog.length).toBeGreaterThan(0);
    expect(secondLog.filter((r) => r.write)).toEqual([]);
    expect(second.sandbox).toEqual({ requests: secondLog.length, writes: 0 });
    expect(second.deploy).toMatchObject({ applied: 0, total: 0 });
    expect(second.demoData?.created).toBe(0);
    expect(second.jobs.map((j) => j.written.records)).toEqual([0, 0, 0, 0, 0]);
  });

  it('sends no email twice and logs nothing twice', async () => {
    expect(second.emails).toMatchObject({ sent: 0, caught: 0, alreadySent: first.emails?.sent, logged: 0 });
    expect(second.letters?.logged).toBe(0);
    expect(await emlFiles()).toEqual(emlAfterFirst);
    const logs = await ws.records('contactLogs', 'campaign', { campaign: { in: [INVITATION.campaign, GREETING.campaign] } });
    expect(logs).toHaveLength((first.emails?.sent ?? 0) + (first.letters?.html ?? 0));
  });
});

describe('`node bin/bankpack.mjs demo`, as npm start runs it', () => {
  it('prints the steps on stderr and the summary as JSON on stdout, and changes nothing on this state', async () => {
    await ws.close();
    const run = promisify(execFile);
    const { stdout, stderr } = await run(
      process.execPath,
      [join(REPO, 'bin', 'bankpack.mjs'), 'demo', '--dir', REPO, '--state', options.state, '--out', options.out, '--no-pdf', '--json'],
      { cwd: REPO, timeout: 90_000 },
    );
    const summary = JSON.parse(stdout) as DemoSummary;
    expect(summary).toMatchObject({ ok: true, sandbox: { writes: 0 }, emails: { caught: 0 } });
    expect(stderr).toContain('✓ deploy the pack: no changes');
    expect(stderr.split('\n').filter((l) => /^ {2}[✓✗–] /.test(l))).toHaveLength(summary.steps.length);
    ws = await openWorkspace(demoPaths(options).workspace);
  }, 120_000);
});
