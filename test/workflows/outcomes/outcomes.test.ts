// The nine workflows of the pack, run by the sandbox's executor on the demo data
// (one deployed sandbox for the file): each test names the bank's rule it proves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from 'twenty-sandbox';
import { deployedSandbox } from './fixture.ts';
import { create, row, rows, runsOf, stepErrors, tasksTitled, update } from './helpers.ts';

let sb: Sandbox;
const HOUR = 3_600_000;

beforeAll(async () => {
  sb = await deployedSandbox();
}, 300_000);
afterAll(async () => {
  await sb?.close();
});

const company = (tier: string): string => rows(sb, 'company').find((c) => c.clientTier === tier)!.id;
const manager = (name: string): Record<string, unknown> & { id: string } => rows(sb, 'clientManager').find((m) => m.name === name)!;
const emailsTo = (address: string): number => sb.workflows.mailer.sent.filter((m) => m.to.includes(address)).length;

describe('complaint accepted (投诉受理)', () => {
  it('a platinum client’s complaint is accepted with its tier, gets a task, and after 24 sandbox hours still open an escalation', async () => {
    const before = runsOf(sb, '投诉受理').length;
    const id = await create(sb, 'complaint', {
      name: 'T-白金-柜面等候',
      step: 'RECORDED',
      severity: 'HIGH',
      description: '等候超过一小时',
      companyId: company('PLATINUM'),
      responsibleManagerId: manager('陈静').id,
    });
    const run = runsOf(sb, '投诉受理').at(-1)!;
    expect(runsOf(sb, '投诉受理')).toHaveLength(before + 1);
    expect(stepErrors(run)).toEqual([]);
    expect(row(sb, 'complaint', id)).toMatchObject({ step: 'ACCEPTED', tierAtReceipt: 'PLATINUM' });
    expect(tasksTitled(sb, '【24小时内】处理高端客户投诉：T-白金-柜面等候')).toHaveLength(1);
    expect(run.status).toBe('RUNNING'); // waiting on its 24-hour DELAY
    await sb.workflows.advance(23 * HOUR);
    expect(tasksTitled(sb, 'T-白金-柜面等候').filter((t) => String(t.title).includes('已超时'))).toHaveLength(0);
    await sb.workflows.advance(1 * HOUR);
    expect(tasksTitled(sb, '【已超时】高端客户投诉未在 24 小时内处理：T-白金-柜面等候')).toHaveLength(1);
    expect(runsOf(sb, '投诉受理').find((r) => r.id === run.id)!.status).toBe('COMPLETED');
  });

  it('a standard client’s complaint handled within 72 hours is never escalated', async () => {
    const id = await create(sb, 'complaint', {
      name: 'T-普通-收费',
      step: 'RECORDED',
      severity: 'LOW',
      description: '收费疑问',
      companyId: company('STANDARD'),
      responsibleManagerId: manager('李娜').id,
    });
    expect(row(sb, 'complaint', id)).toMatchObject({ step: 'ACCEPTED', tierAtReceipt: 'STANDARD' });
    expect(tasksTitled(sb, '【72小时内】处理客户投诉：T-普通-收费')).toHaveLength(1);
    await update(sb, 'complaint', id, { step: 'HANDLED' });
    await sb.workflows.advance(72 * HOUR);
    expect(tasksTitled(sb, '【已超时】客户投诉未在 72 小时内处理：T-普通-收费')).toHaveLength(0);
  });
});

describe('lead assigned (线索分配)', () => {
  it('the assigned manager, and no other, gets the email and a follow-up task on the target company', async () => {
    const lead = await create(sb, 'intelLead', { name: 'T-线索-分配', targetCompanyId: company('GOLD') });
    const sentBefore = sb.workflows.mailer.sent.length;
    await update(sb, 'intelLead', lead, {
      assignedManagerId: manager('王磊').id,
      assignmentRule: 'FIRST_CLAIM',
      assignmentReason: '优先领认',
    });
    const run = runsOf(sb, '线索分配').at(-1)!;
    expect(stepErrors(run)).toEqual([]);
    const mails = sb.workflows.mailer.sent.slice(sentBefore);
    expect(mails.map((m) => m.to)).toEqual([[(manager('王磊').email as { primaryEmail: string }).primaryEmail]]);
    const [task] = tasksTitled(sb, '跟进线索：T-线索-分配');
    expect(task).toBeDefined();
    // The sandbox's taskTarget has no company leg (see the report): only the link to the task is checked.
    expect(rows(sb, 'taskTarget').filter((t) => t.taskId === task!.id)).toHaveLength(1);
  });

  it('an update that does not touch the assigned manager starts no run (the trigger’s fields)', async () => {
    const lead = await create(sb, 'intelLead', { name: 'T-线索-不变', targetCompanyId: company('GOLD') });
    const before = runsOf(sb, '线索分配').length;
    await update(sb, 'intelLead', lead, { screeningNotes: '补充信息' });
    expect(runsOf(sb, '线索分配')).toHaveLength(before);
  });
});

describe('new lead (新线索)', () => {
  it('a new lead is put in the collect stage with a verification task on its target company', async () => {
    const lead = await create(sb, 'intelLead', { name: 'T-线索-新建', targetCompanyId: company('SILVER') });
    expect(row(sb, 'intelLead', lead).stage).toBe('COLLECTED');
    const [task] = tasksTitled(sb, '核实线索：T-线索-新建');
    expect(rows(sb, 'taskTarget').filter((t) => t.taskId === task?.id)).toHaveLength(1);
  });
});

// Records created further on in their flow — an import of history, the demo data —
// keep their state: the "created" workflows act only on a record in its first stage.
describe('records created past their first stage', () => {
  it('a lead created already converted stays converted and gets no verification task', async () => {
    const lead = await create(sb, 'intelLead', { name: 'T-线索-已转换', stage: 'CONVERTED', targetCompanyId: company('SILVER') });
    expect(row(sb, 'intelLead', lead).stage).toBe('CONVERTED');
    expect(tasksTitled(sb, '核实线索：T-线索-已转换')).toHaveLength(0);
  });

  it('a complaint created closed stays closed and gets no task', async () => {
    const before = runsOf(sb, '投诉受理').length;
    const id = await create(sb, 'complaint', { name: 'T-投诉-已结案', step: 'CLOSED', companyId: company('PLATINUM') });
    expect(row(sb, 'complaint', id).step).toBe('CLOSED');
    expect(runsOf(sb, '投诉受理')).toHaveLength(before);
  });

  it('a survey created completed stays completed and gets no interview task', async () => {
    const id = await create(sb, 'satisfactionSurvey', {
      name: 'T-调查-已完成',
      channel: 'PHONE',
      status: 'COMPLETED',
      companyId: company('GOLD'),
    });
    expect(row(sb, 'satisfactionSurvey', id).status).toBe('COMPLETED');
    expect(tasksTitled(sb, '电话回访（满意度调查）：T-调查-已完成')).toHaveLength(0);
  });
});

describe('rate request submitted (利率申请提交)', () => {
  it('a request created submitted goes under review with a credit-admission task for its reviewer, and only once', async () => {
    const reviewer = rows(sb, 'workspaceMember')[0]!; // the reviewer is a workspace member (a user of the credit department)
    const id = await create(sb, 'rateRequest', {
      name: 'T-利率-提交',
      creditAdmission: 'PENDING',
      companyId: company('GOLD'),
      reviewerId: reviewer.id,
    });
    const run = runsOf(sb, '利率申请提交').at(-1)!;
    expect(stepErrors(run)).toEqual([]);
    expect(row(sb, 'rateRequest', id).decision).toBe('UNDER_REVIEW');
    const tasks = tasksTitled(sb, '信贷准入审查：T-利率-提交');
    expect(tasks).toHaveLength(1);
    expect(tasks[0]!.assigneeId).toBe(reviewer.id);
    await update(sb, 'rateRequest', id, { reviewComments: '资料齐全' });
    expect(tasksTitled(sb, '信贷准入审查：T-利率-提交')).toHaveLength(1);
  });
});

describe('satisfaction survey (满意度抽样)', () => {
  it('a phone survey gets a phone-call task for the interviewer and is scheduled', async () => {
    const id = await create(sb, 'satisfactionSurvey', {
      name: 'T-调查-电话',
      channel: 'PHONE',
      status: 'SAMPLED',
      interviewerId: manager('周婷').id,
      companyId: company('PLATINUM'),
    });
    expect(row(sb, 'satisfactionSurvey', id).status).toBe('SCHEDULED');
    expect(tasksTitled(sb, '电话回访（满意度调查）：T-调查-电话')).toHaveLength(1);
    expect(tasksTitled(sb, '上门面访（满意度调查）：T-调查-电话')).toHaveLength(0);
  });
});

describe('complaint feedback (投诉反馈)', () => {
  it('reaching the feedback step emails the client and logs the contact', async () => {
    const person = rows(sb, 'person').find((p) => (p.emails as { primaryEmail?: string } | null)?.primaryEmail)!;
    const address = (person.emails as { primaryEmail: string }).primaryEmail;
    const id = await create(sb, 'complaint', {
      name: 'T-反馈',
      step: 'RECORDED',
      severity: 'LOW',
      personId: person.id,
      companyId: company('STANDARD'),
      resolution: '已退还费用',
    });
    const before = emailsTo(address);
    await update(sb, 'complaint', id, { step: 'FEEDBACK_GIVEN' });
    const run = runsOf(sb, '投诉反馈').at(-1)!;
    expect(stepErrors(run)).toEqual([]);
    expect(emailsTo(address)).toBe(before + 1);
    expect(rows(sb, 'contactLog').filter((c) => c.name === '投诉反馈：T-反馈')).toHaveLength(1);
  });
});

describe('loops (ITERATOR): bounty, weekly meeting, quarterly assessment', () => {
  it('a bounty for senior managers emails exactly the active senior and principal managers', async () => {
    const eligible = rows(sb, 'clientManager').filter((m) => m.status === 'ACTIVE' && (m.grade === 'SENIOR' || m.grade === 'PRINCIPAL'));
    const sentBefore = sb.workflows.mailer.sent.length;
    await create(sb, 'bounty', {
      name: 'T-悬赏',
      status: 'POSTED',
      minimumGrade: 'SENIOR',
      goal: '拿下代发工资',
      companyId: company('GOLD'),
    });
    const mails = sb.workflows.mailer.sent.slice(sentBefore).filter((m) => m.subject.includes('T-悬赏'));
    expect(mails.flatMap((m) => m.to).sort()).toEqual(eligible.map((m) => (m.email as { primaryEmail: string }).primaryEmail).sort());
    expect(runsOf(sb, '悬赏挂牌').at(-1)!.status).toBe('COMPLETED');
  });

  it('the Monday cron creates one meeting per branch per week, not two', async () => {
    const branches = rows(sb, 'branch').length;
    const before = rows(sb, 'marketingMeeting').length;
    await sb.workflows.advance(7 * 24 * HOUR);
    expect(rows(sb, 'marketingMeeting').length - before).toBe(branches);
    await sb.workflows.advance(7 * 24 * HOUR);
    expect(rows(sb, 'marketingMeeting').length - before).toBe(2 * branches);
  });

  it('on the first morning of the quarter every active manager gets one open qualitative assessment', async () => {
    const active = rows(sb, 'clientManager')
      .filter((m) => m.status === 'ACTIVE')
      .map((m) => m.id)
      .sort();
    const before = new Set(rows(sb, 'assessment').map((a) => a.id));
    await sb.workflows.advance(20 * 24 * HOUR); // past 1 January 09:00 UTC
    const created = rows(sb, 'assessment').filter((a) => !before.has(a.id));
    expect(created.map((a) => a.managerId).sort()).toEqual(active);
    expect(created.every((a) => a.kind === 'QUARTERLY_QUALITATIVE' && a.status === 'OPEN')).toBe(true);
  });
});
