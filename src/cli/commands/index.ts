// Every sub-command, registered on the program. Each sets the exit code through `done`.
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

export type Done = (exitCode: number) => void;

export function registerCommands(program: Command, done: Done): void {
  registerValidate(program, done);
  registerNew(program, done);
  registerSandbox(program, done);
  registerLetters(program, done);
  registerPlan(program, done);
  registerDeploy(program, done);
  registerPull(program, done);
  registerJob(program, done);
  registerSeed(program, done);
  registerExport(program, done);
  registerDemo(program, done);
}
