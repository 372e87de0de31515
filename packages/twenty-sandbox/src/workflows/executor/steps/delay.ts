// DELAY (workflow-actions/delay/delay.workflow-action.ts): SCHEDULED_DATE waits
// until the date, DURATION for days / hours / minutes / seconds from now; the step
// is PENDING and the run resumes when the sandbox clock reaches that time (Twenty
// enqueues a delayed resume job, resume-delayed-workflow.job.ts).
import { resolveInput } from '../resolve.ts';
import type { StepExecutor } from '../types.ts';

export const delay: StepExecutor = ({ step, context, clock }) => {
  const input = resolveInput(step.settings.input, context) as {
    delayType?: string;
    scheduledDateTime?: string;
    duration?: Record<string, number | string>;
  };
  if (input.delayType === 'SCHEDULED_DATE') {
    const at = new Date(String(input.scheduledDateTime));
    if (Number.isNaN(at.getTime())) throw new Error('Scheduled date time is required for scheduled date delay');
    return { pendingUntil: at };
  }
  if (input.delayType === 'DURATION') {
    const d = input.duration ?? {};
    const ms = (Number(d.days ?? 0) * 86_400 + Number(d.hours ?? 0) * 3_600 + Number(d.minutes ?? 0) * 60 + Number(d.seconds ?? 0)) * 1000;
    if (!Number.isFinite(ms) || ms < 0) throw new Error('Duration is required for duration delay');
    return { pendingUntil: new Date(clock.now().getTime() + ms) };
  }
  throw new Error(`Unknown delay type: ${String(input.delayType)}`);
};
