// Runs once per `vitest run`, before any test file: the single line that says
// which printing tests are skipped on this machine (see printing.ts).
import { skippedPrintingNotice } from './printing.ts';

export default function setup(): void {
  const notice = skippedPrintingNotice();
  if (notice) console.log(notice);
}
