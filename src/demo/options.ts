// What `bankpack demo` (npm start) works with: the pack folder, where it keeps the
// sandbox's workspace between runs, where the letters and emails go, and the day the
// demo data is set on.
import { join, resolve } from 'node:path';

export interface DemoOptions {
  /** The pack folder (default: the current folder). */
  dir: string;
  /** Where state is kept between runs; the demo uses `<state>/demo/` (default `<dir>/.bankpack`). */
  state: string;
  /** Where letters and caught emails go (default `<dir>/out`). */
  out: string;
  /** Start from a new workspace: forget the demo's sandbox and send log first. */
  fresh: boolean;
  /** Print PDFs when Chromium is installed (default true). */
  pdf: boolean;
  /** Install the schema as a Twenty app (syncApplication) first; kept in its own workspace (`<state>/demo-app/`). */
  asApp: boolean;
  /** The moment the jobs run at and the letters are dated (default: DEMO_NOW). */
  now: number;
}

/**
 * Monday 30 November 2026, 09:00 in Shanghai: the week the demo data is written for
 * (meetings of weeks 46–49, bounties that closed on 20 November, the 2026Q3 assessments
 * waiting to be scored). A fixed day keeps every run deciding the same way.
 */
export const DEMO_NOW = Date.parse('2026-11-30T01:00:00Z');
/** The quarter whose qualitative assessments the demo scores. */
export const DEMO_ASSESSMENT_PERIOD = '2026Q3';

export const GREETING = {
  template: 'letters/greeting',
  where: 'clientTier=PLATINUM',
  campaign: 'demo-greeting',
  folder: 'greeting-platinum',
} as const;
export const INVITATION = { template: 'emails/launch-invitation', where: 'status=INVITED', campaign: 'demo-launch-invitation' } as const;
export const DEMO_SENDER = '鸿远商业银行 <marketing@bank.example>';

export function demoOptions(partial: Partial<DemoOptions> = {}): DemoOptions {
  const dir = resolve(partial.dir ?? '.');
  return {
    dir,
    state: resolve(dir, partial.state ?? '.bankpack'),
    out: resolve(dir, partial.out ?? 'out'),
    fresh: partial.fresh ?? false,
    pdf: partial.pdf ?? true,
    asApp: partial.asApp ?? false,
    now: partial.now ?? DEMO_NOW,
  };
}

/** Where each thing lives. */
export function demoPaths(o: DemoOptions): {
  root: string;
  workspace: string;
  sendLogs: string;
  plan: string;
  letters: string;
  emails: string;
} {
  // The app path keeps a workspace of its own: one a bankpack deploy made cannot take the app (names clash).
  const root = join(o.state, o.asApp ? 'demo-app' : 'demo');
  return {
    root,
    workspace: join(root, 'workspace.json'),
    sendLogs: join(root, 'send-log'),
    plan: join(root, 'last-plan.txt'),
    letters: join(o.out, 'letters', GREETING.folder),
    emails: join(o.out, 'emails'),
  };
}
