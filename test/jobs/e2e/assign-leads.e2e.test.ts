// assign-leads against the sandbox with the pack deployed: the report, the records written,
// a second run that changes nothing, and a dry run that sends no mutation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../../src/jobs/index.ts';
import { startJobSandbox, type JobSandbox } from './sandbox-world.ts';

let w: JobSandbox;
const NOW = Date.parse('2025-06-09T01:00:00Z'); // a Monday, the weekly marketing meeting
const ids: Record<string, string> = {};

beforeAll(async () => {
  w = await startJobSandbox();
  const [futian, tianhe, dongguan] = await w.create('branches', 'branch', [
    { name: '福田支行', code: 'SZ-FT', location: { addressCity: '深圳', addressState: '广东', addressLat: 22.5431, addressLng: 114.0579 } },
    { name: '天河支行', code: 'GZ-TH', location: { addressCity: '广州', addressState: '广东', addressLat: 23.1291, addressLng: 113.2644 } },
    { name: '东莞支行', code: 'DG-01', location: { addressCity: '东莞', addressState: '广东' } },
  ]);
  const [wang, li, zhao, chen] = await w.create('clientManagers', 'clientManager', [
    { name: '王伟', employeeNo: 'E001', branchId: futian, industries: ['MANUFACTURING'], capacity: 2, status: 'ACTIVE' },
    { name: '李娜', employeeNo: 'E002', branchId: futian, industries: ['FINANCE'], capacity: 2, status: 'ACTIVE' },
    { name: '赵强', employeeNo: 'E003', branchId: tianhe, industries: ['ENERGY_UTILITIES'], capacity: 2, status: 'ACTIVE' },
    { name: '陈静', employeeNo: 'E004', branchId: dongguan, industries: ['WHOLESALE_RETAIL'], capacity: 2, status: 'ACTIVE' },
  ]);
  Object.assign(ids, { wang, li, zhao, chen });
  const leads = await w.create('intelLeads', 'intelLead', [
    {
      name: '深圳金融科技',
      stage: 'PUBLISHED',
      industry: 'FINANCE',
      location: { addressCity: '深圳', addressState: '广东', addressLat: 22.54, addressLng: 114.06 },
    },
    {
      name: '广州电力',
      stage: 'PUBLISHED',
      industry: 'ENERGY_UTILITIES',
      claimedById: chen,
      claimedAt: '2025-06-05T02:00:00Z',
      location: { addressCity: '广州', addressLat: 23.13, addressLng: 113.27 },
    },
    { name: '东莞商贸', stage: 'PUBLISHED', industry: 'WHOLESALE_RETAIL', location: { addressCity: '东莞', addressState: '广东' } },
    {
      name: '北京能源',
      stage: 'PUBLISHED',
      industry: 'ENERGY_UTILITIES',
      location: { addressCity: '北京', addressLat: 39.9042, addressLng: 116.4074 },
    },
    {
      name: '上海医药',
      stage: 'PUBLISHED',
      industry: 'HEALTHCARE',
      location: { addressCity: '上海', addressLat: 31.2304, addressLng: 121.4737 },
    },
    { name: '已在跟进', stage: 'FEEDBACK', assignedManagerId: li, assignmentRule: 'PROXIMITY', assignedAt: '2025-06-02T01:00:00Z' },
    { name: '仍在收集', stage: 'COLLECTED', location: { addressLat: 22.54, addressLng: 114.06 } },
  ]);
  ['fintech', 'power', 'trade', 'beijing', 'shanghai', 'following', 'collecting'].forEach((k, i) => (ids[k] = leads[i] as string));
});
afterAll(async () => w.close());

interface Lead {
  name: string;
  assignedManagerId: string | null;
  assignmentRule: string | null;
  assignmentDistanceKm: number | null;
  assignedAt: string | null;
  assignmentReason: string | null;
}
const leadsNow = async (): Promise<Map<string, Lead>> =>
  new Map(
    (await w.all<Lead>('intelLeads', 'name assignedManagerId assignmentRule assignmentDistanceKm assignedAt assignmentReason')).map((l) => [
      l.id,
      l,
    ]),
  );

describe('assign-leads end to end', () => {
  it('with --dry-run reports the assignments and sends no mutation', async () => {
    const { outcome, writes } = await w.run('assign-leads', { now: NOW, dryRun: true });
    expect(writes).toBe(0);
    expect(Object.fromEntries(outcome.plan.counts)).toMatchObject({
      'leads to assign': 5,
      'by first claim': 1,
      'by proximity': 2,
      'by industry': 1,
      'left unassigned': 1,
    });
    const text = renderReport(outcome);
    expect(text).toContain('DRY RUN: nothing is written');
    expect(text).toContain('Would write 4 records in 4 requests (dry run: nothing sent).');
    expect((await leadsNow()).get(ids.fintech as string)?.assignedManagerId).toBeNull();
  });

  it('writes manager, rule, date, distance and reason for each assigned lead', async () => {
    const { outcome, writes } = await w.run('assign-leads', { now: NOW });
    expect(writes).toBe(4);
    expect(outcome.written).toMatchObject({ batches: 4, records: 4 });
    const leads = await leadsNow();
    // Futian's 李娜 covers FINANCE: the nearest branch, and the industry breaks the tie with 王伟.
    expect(leads.get(ids.fintech as string)).toMatchObject({
      assignedManagerId: ids.li,
      assignmentRule: 'PROXIMITY',
      assignmentDistanceKm: 0.4,
      assignedAt: '2025-06-09T01:00:00.000Z',
    });
    expect(leads.get(ids.power as string)).toMatchObject({
      assignedManagerId: ids.chen,
      assignmentRule: 'FIRST_CLAIM',
      assignmentDistanceKm: null,
    });
    expect(leads.get(ids.trade as string)).toMatchObject({
      assignedManagerId: ids.chen,
      assignmentRule: 'PROXIMITY',
      assignmentDistanceKm: null,
    });
    expect(leads.get(ids.trade as string)?.assignmentReason).toContain('same city (东莞)');
    expect(leads.get(ids.beijing as string)).toMatchObject({ assignedManagerId: ids.zhao, assignmentRule: 'INDUSTRY' });
    expect(leads.get(ids.shanghai as string)?.assignedManagerId).toBeNull();
    expect(leads.get(ids.collecting as string)?.assignedManagerId).toBeNull();
    expect(leads.get(ids.following as string)).toMatchObject({ assignedManagerId: ids.li, assignedAt: '2025-06-02T01:00:00Z' });
    const unassigned = outcome.plan.sections.find((s) => s.title.startsWith('Left'))?.items ?? [];
    expect(unassigned.map((i) => [i.name, i.reason])).toEqual([
      ['上海医药', 'no branch within 30 km; no manager with room covers HEALTHCARE'],
    ]);
  });

  it('changes nothing on a second run', async () => {
    const before = await leadsNow();
    const { outcome, writes } = await w.run('assign-leads', { now: NOW + 3_600_000 });
    expect(writes).toBe(0);
    expect(renderReport(outcome)).toContain('Nothing to change.');
    expect(await leadsNow()).toEqual(before);
  });
});
