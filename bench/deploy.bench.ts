// Deploy against the local sandbox (issue 4, 12): requests of a no-op re-deploy, of a
// fresh deploy and the time it takes against Twenty's throttle with default pacing, writes per entity
// created, and wall time with 50 ms latency per request at concurrency 1 vs the
// default. Workflows are left to bench/workflows (they need a user token), so
// they count neither as requests nor as entities here.
import { join } from 'node:path';
import { applyPlan, preparePlan } from '../src/deploy/index.ts';
import { DEFAULT_CONCURRENCY, DEFAULT_PACING, TwentyClient, type PacingOptions } from '../src/twenty/index.ts';
import { packSandbox } from '../test/deploy/sandbox-helpers.ts';
import type { FaultRule, Sandbox } from 'twenty-sandbox';
import type { BenchRow, Benchmark } from './types.ts';
import { validPack } from '../test/support/valid-pack.ts';

const ROOT = join(import.meta.dirname, '..');

function client(sb: Sandbox, concurrency?: number, pacing: PacingOptions = { perMinute: 0, burst: 1 }): TwentyClient {
  return new TwentyClient({ url: sb.url, apiKey: sb.apiKey, pacing, ...(concurrency ? { concurrency } : {}) });
}

async function deploy(
  sb: Sandbox,
  concurrency?: number,
  pacing?: PacingOptions,
): Promise<{ c: TwentyClient; ms: number; packEntities: number; locales: number }> {
  const pack = await validPack(ROOT);
  const c = client(sb, concurrency, pacing);
  const start = performance.now();
  process.stderr.write(`  deploy at concurrency ${c.concurrency}…\n`);
  const prepared = await preparePlan(c, pack);
  const report = await applyPlan(c, prepared.plan, prepared.actual, prepared.caps);
  if (!report.ok) throw new Error(`deploy failed: ${report.failure?.message}`);
  const d = prepared.desired;
  const packEntities =
    d.objects.length +
    d.fields.length +
    d.seeds.reduce((n, s) => n + s.records.length, 0) +
    d.views.reduce((n, v) => n + 1 + v.fields.length + v.groups.length + v.sorts.length, 0);
  return { c, ms: performance.now() - start, packEntities, locales: prepared.actual.locales.length };
}

/** Objects, fields, views, view parts and records the workspace holds. */
function entities(sb: Sandbox): number {
  const d = sb.workspace.toData();
  const children = Object.values(d.viewChildren).reduce((n, rows) => n + rows.length, 0);
  const records = Object.values(d.records).reduce((n, rows) => n + rows.length, 0);
  return d.objects.length + d.fields.length + d.views.length + children + records;
}

const fresh = (faults: FaultRule[] = []): Promise<Sandbox> => packSandbox({ faults });

const bench: Benchmark = {
  name: 'deploy (repo pack, sandbox)',
  async run(): Promise<BenchRow[]> {
    const rows: BenchRow[] = [];

    const sb = await fresh();
    const before = entities(sb);
    const first = await deploy(sb);
    const created = entities(sb) - before;
    const firstCounts = first.c.counter.snapshot();
    const total = first.c.counter.total;
    const writes = first.c.counter.writes;
    const again = await deploy(sb);
    const noop = again.c.counter.snapshot();
    await sb.close();

    // Twenty answers labels only in the request's x-locale: one read per other locale on top of
    // metadata, records and workflows (none here: bench/workflows deploys those).
    const otherLocales = again.locales;
    const noopWrites = noop.writes.metadata + noop.writes.core;
    rows.push({
      name: `no-op re-deploy: requests (${Object.entries(noop.readsByKind)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ')})`,
      value: again.c.counter.total,
      unit: 'requests',
      baseline: 3 + otherLocales,
      baselineName: `3 + ${otherLocales} other locale(s)`,
      ratio: again.c.counter.total / (3 + otherLocales),
      target: '≤ 3 (metadata, records, workflows) + one per other locale, 0 writes',
      ok: again.c.counter.total <= 3 + otherLocales && noopWrites === 0,
    });
    rows.push({ name: 'no-op re-deploy: writes', value: noopWrites, unit: 'writes', target: '0', ok: noopWrites === 0 });
    rows.push({
      name: `fresh deploy: requests (${firstCounts.reads.metadata + firstCounts.reads.core} reads, ${writes} writes)`,
      value: total,
      unit: 'requests',
    });
    // The same fresh deploy against a sandbox that throttles as Twenty does, with default settings:
    // only records root fields sent with the API key are paced now. The old client paced every
    // request at 90 a minute after a burst of 10.
    const throttled = await packSandbox({ throttle: true });
    const paced = await deploy(throttled, undefined, DEFAULT_PACING);
    await throttled.close();
    const oldPacedMinutes = Math.max(0, total - 10) / 90;
    rows.push({
      name: `fresh deploy against a throttled sandbox, default pacing (${paced.c.counter.snapshot().throttled} throttled)`,
      value: paced.ms / 60_000,
      unit: 'minutes',
      baseline: oldPacedMinutes,
      baselineName: `old client: all ${total} requests paced at 90/min`,
      ratio: paced.ms / 60_000 / oldPacedMinutes,
      target: 'ratio < 1, 0 throttled',
      ok: paced.ms / 60_000 < oldPacedMinutes && paced.c.counter.snapshot().throttled === 0,
    });
    rows.push({
      name: `fresh deploy: writes per entity the pack defines (objects, fields, views, columns, groups, sorts, records; the workspace gained ${created} rows in all)`,
      value: writes,
      unit: 'writes',
      baseline: first.packEntities,
      baselineName: 'entities created',
      ratio: writes / first.packEntities,
      target: 'ratio <= 1',
      ok: writes <= first.packEntities,
    });

    const latency: FaultRule[] = [{ kind: 'latency', rate: 1, ms: 50 }];
    const sb1 = await fresh(latency);
    const serial = await deploy(sb1, 1);
    await sb1.close();
    const sbN = await fresh(latency);
    const parallel = await deploy(sbN, DEFAULT_CONCURRENCY);
    await sbN.close();
    rows.push({
      name: `fresh deploy with 50 ms latency: wall time at concurrency ${DEFAULT_CONCURRENCY} (default)`,
      value: parallel.ms / 1000,
      unit: 's',
      baseline: serial.ms / 1000,
      baselineName: 'concurrency 1',
      ratio: parallel.ms / serial.ms,
      target: 'ratio < 1',
      ok: parallel.ms < serial.ms,
    });
    return rows;
  },
};

export default bench;
