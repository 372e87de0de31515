// Every sub-command, registered on the program. Each sets the exit code through `done`.
// Registering must stay cheap (`bankpack --help` registers them all): a command imports the
// module that does its work inside its action (src/cli/actions, or the concern's front door).
import type { Command } from 'commander';
import { registerValidate } from './validate.ts';
import { registerNew } from './new.ts';
import { registerSandbox } from './sandbox.ts';
import { registerLetters } from './letters.ts';
import { registerPlan } from './plan.ts';
import { registerDeploy } from './deploy.ts';
import { registerPull } from './pull.ts';
import { registerJob } from './job.ts';
import { registerDemo } from './demo.ts';
import { registerSeed } from './seed.ts';
import { registerExport } from './export.ts';

import type { Complete, Done } from './types.ts';

export type { Complete, Done } from './types.ts';

/** Registers every command; returns, by command name, what completes the ones that need it. */
export function registerCommands(program: Command, done: Done): Map<string, Complete> {
  registerValidate(program, done);
  const completeNew = registerNew(program, done);
  registerSandbox(program, done);
  registerLetters(program, done);
  registerPlan(program, done);
  registerDeploy(program, done);
  registerPull(program, done);
  const completeJob = registerJob(program, done);
  registerSeed(program, done);
  registerExport(program, done);
  registerDemo(program, done);
  return new Map([
    ['new', completeNew],
    ['job', completeJob],
  ]);
}
