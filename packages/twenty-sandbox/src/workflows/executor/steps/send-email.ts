// SEND_EMAIL (workflow-actions/mail-sender/send-email.workflow-action.ts): the
// input resolved, recipients {to, cc, bcc} as comma-separated addresses, each of
// which must be an email ("Email is not valid" — the exact wording is the
// sandbox's); the message goes to the sandbox's mailer (mail.ts). Result {success}.
import { resolveInput } from '../resolve.ts';
import type { StepExecutor } from '../types.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const addresses = (v: unknown): string[] =>
  String(v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

export const sendEmail: StepExecutor = async ({ step, context, mailer, runId, workflowId }) => {
  const input = resolveInput(step.settings.input, context) as {
    recipients?: { to?: unknown; cc?: unknown; bcc?: unknown };
    email?: unknown;
    subject?: unknown;
    body?: unknown;
  };
  const to = [...addresses(input.recipients?.to ?? input.email), ...addresses(input.recipients?.cc), ...addresses(input.recipients?.bcc)];
  if (to.length === 0) throw new Error('Email is not valid: no recipient');
  const bad = to.find((a) => !EMAIL.test(a));
  if (bad) throw new Error(`Email is not valid: ${bad}`);
  await mailer.send({ runId, workflowId, to, subject: String(input.subject ?? ''), body: String(input.body ?? '') });
  return { result: { success: true } };
};
