// `plan --as-app` and `deploy --as-app` at work: the pack installed as a Twenty application
// through the server's own `syncApplication`, shown as the server's own dry run.
// deploy then carries what an app cannot (workflows, seed records) the usual way.
import { connect, err, renderSyncActions, useColor, type ConnectionCliOptions } from '../../deploy/index.ts';
import { installApp, type AppInstalled, type PackInput, type Workspace } from '../../ops/index.ts';
import { askYes } from './ask-yes.ts';
import { printFailure } from './print-failure.ts';

const buildNote = (r: AppInstalled): string =>
  r.build.cached ? 'twenty-sdk build reused' : `built by twenty-sdk in ${(r.build.ms / 1000).toFixed(1)} s`;

/** The server's dry run. Exit 2 with detailedExitcode when it would change something. */
export async function planAsApp(opts: ConnectionCliOptions & { json?: boolean; detailedExitcode?: boolean }): Promise<number> {
  const conn = await connect(opts);
  if (!conn) return 1;
  const result = await installApp({ dir: opts.dir, workspace: conn, dryRun: true, onProgress: err });
  if (!result.ok) return printFailure(result);
  if (opts.json)
    process.stdout.write(
      `${JSON.stringify({ applicationUniversalIdentifier: result.applicationUniversalIdentifier, actions: result.actions }, null, 2)}\n`,
    );
  else process.stdout.write(renderSyncActions(result.actions, { color: useColor(process.stdout) }));
  err(`(${result.requests} request(s); ${buildNote(result)})`);
  return opts.detailedExitcode && result.actions.length > 0 ? 2 : 0;
}

/**
 * The dry run shown, confirmed, then the sync, on the workspace and the pack deploy goes
 * on with (validated and connected once). Returns an exit code, or undefined to go on.
 */
export async function syncAsApp(conn: Workspace, pack: PackInput, yes: boolean): Promise<number | undefined> {
  const planned = await installApp({ ...pack, workspace: conn, dryRun: true, onProgress: err });
  if (!planned.ok) return printFailure(planned);
  process.stdout.write(renderSyncActions(planned.actions, { color: useColor(process.stdout) }));
  if (planned.actions.length === 0) return undefined;
  const answer = await askYes(`Sync the app into ${conn.client.url}?`, yes);
  if (answer === 'cannot-ask') {
    err('bankpack: not on a terminal: pass --yes to install the app');
    return 2;
  }
  if (answer === 'no') {
    err('Nothing was changed.');
    return 1;
  }
  const synced = await installApp({ ...pack, workspace: conn, onProgress: err });
  if (!synced.ok) return printFailure(synced);
  const n = synced.counts;
  err(
    `App synced into ${conn.client.url}: ${n.create} created, ${n.update} updated, ${n.delete} deleted, in ${synced.requests} request(s); ${buildNote(synced)}. Now the parts an app cannot carry:`,
  );
  return undefined;
}
