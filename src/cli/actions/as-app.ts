// `plan --as-app` and `deploy --as-app` at work: the pack installed as a Twenty application
// through the server's own `syncApplication`, shown as the server's own dry run.
// deploy then carries what an app cannot (workflows, seed records) the usual way.
import { connect, err, renderSyncActions, useColor, type ConnectionCliOptions } from '../../deploy/index.ts';
import { describeBuild, installApp, type Confirmation, type PackInput, type Workspace } from '../../ops/index.ts';
import { askYes } from './ask-yes.ts';
import { printFailure } from './print-failure.ts';

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
  err(`(${result.requests} request(s); ${describeBuild(result.build)})`);
  return opts.detailedExitcode && result.actions.length > 0 ? 2 : 0;
}

/**
 * The dry run shown, confirmed, then the sync, on the workspace and the pack deploy goes
 * on with (validated and connected once). Returns an exit code, or undefined to go on.
 */
export async function syncAsApp(conn: Workspace, pack: PackInput, yes: boolean): Promise<number | undefined> {
  let answer: Confirmation | undefined;
  const synced = await installApp({
    ...pack,
    workspace: conn,
    onProgress: err,
    confirm: async (planned) => {
      process.stdout.write(renderSyncActions(planned.actions, { color: useColor(process.stdout) }));
      if (planned.actions.length === 0) return false;
      answer = await askYes(`Sync the app into ${conn.client.url}?`, yes);
      return answer === 'yes';
    },
  });
  if (!synced.ok) return printFailure(synced);
  if (answer === 'cannot-ask') {
    err('bankpack: not on a terminal: pass --yes to install the app');
    return 2;
  }
  if (answer === 'no') {
    err('Nothing was changed.');
    return 1;
  }
  if (synced.dryRun) return undefined; // the app already matches: nothing was asked
  const n = synced.counts;
  err(
    `App synced into ${conn.client.url}: ${n.create} created, ${n.update} updated, ${n.delete} deleted, in ${synced.requests} request(s); ${describeBuild(synced.build)}. Now the parts an app cannot carry:`,
  );
  return undefined;
}
