// Browser and PDF tests need Debian's Chromium and poppler-utils (pdftotext, pdffonts,
// pdfinfo). On a machine without them (README: `npm ci && npm test` on a new machine)
// they skip, and test/support/global-setup.ts prints one line saying what and how to
// install it; where CI or BANKPACK_REQUIRE_CHROMIUM is set they run, and fail.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumPath } from '../../src/letters/browser.ts';

const hasCommand = (name: string): boolean => {
  try {
    execFileSync(name, ['-v'], { stdio: 'ignore' });
    return true;
  } catch (e) {
    // poppler's tools exit non-zero on -v but exist: only "not found" means missing.
    return (e as NodeJS.ErrnoException).code !== 'ENOENT';
  }
};

const required = process.env.CI !== undefined || process.env.BANKPACK_REQUIRE_CHROMIUM !== undefined;
const missing = [
  ...(existsSync(chromiumPath()) ? [] : [`Chromium at ${chromiumPath()}`]),
  ...(hasCommand('pdftotext') ? [] : ['pdftotext (poppler-utils)']),
];

/** Whether this run prints letters: the tools are there, or the run insists on them. */
export const printing = { run: required || missing.length === 0, required, missing };

/** The one line a run without the tools prints, or undefined when printing tests run. */
export function skippedPrintingNotice(): string | undefined {
  if (printing.run) return undefined;
  return `browser and PDF tests skipped: no ${missing.join(', no ')} (apt-get install chromium poppler-utils fonts-noto-cjk, or set BANKPACK_CHROMIUM; set BANKPACK_REQUIRE_CHROMIUM to fail instead)`;
}
