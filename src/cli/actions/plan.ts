// `bankpack plan` at work: calls the plan op and prints the plan.
import { connect, err, useColor, type ConnectionCliOptions, hasChanges, planToJson, renderPlan } from '../../deploy/index.ts';
import { plan } from '../../ops/index.ts';
import { planAsApp } from './as-app.ts';
import { printFailure } from './print-failure.ts';

export interface PlanCliOptions extends ConnectionCliOptions {
  json?: boolean;
  out?: string;
  detailedExitcode?: boolean;
  prune?: boolean;
  locale?: string;
  demoSeeds?: boolean;
  asApp?: boolean;
}

export async function runPlan(opts: PlanCliOptions): Promise<number> {
  if (opts.asApp) return planAsApp(opts);
  const conn = await connect(opts);
  if (!conn) return 1;
  const result = await plan({
    dir: opts.dir,
    workspace: conn,
    prune: opts.prune === true,
    includeDemoSeeds: opts.demoSeeds === true,
    ...(opts.locale ? { locale: opts.locale } : {}),
    ...(opts.out ? { out: opts.out } : {}),
  });
  if (!result.ok) return printFailure(result);
  if (opts.json) process.stdout.write(`${JSON.stringify(planToJson(result.plan), null, 2)}\n`);
  else process.stdout.write(renderPlan(result.plan, { color: useColor(process.stdout) }));
  err(
    `(${result.reads} reads${result.out ? `; plan saved to ${result.out}: apply it with \`bankpack deploy --plan ${result.out}\`` : ''})`,
  );
  if (result.counts.conflict > 0) return 1;
  return opts.detailedExitcode && hasChanges(result.plan) ? 2 : 0;
}
