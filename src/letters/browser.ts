// Headless Chromium (Debian's package) driven by playwright-core: one browser for a
// whole batch, started with the flags this kind of machine needs (no sandbox as
// root, no background networking: the network is closed and Chromium would keep
// trying to reach Google's hosts).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Where Chromium is: $BANKPACK_CHROMIUM, else Debian's /usr/bin/chromium. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.BANKPACK_CHROMIUM && env.BANKPACK_CHROMIUM !== '' ? env.BANKPACK_CHROMIUM : '/usr/bin/chromium';
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Starts Chromium with a fresh, throw-away profile folder. */
export async function launchBrowser(env: NodeJS.ProcessEnv = process.env): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), 'bankpack-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(env),
      headless: true,
      args: CHROMIUM_ARGS,
      offline: false,
    });
  } catch (e) {
    await rm(profile, { recursive: true, force: true });
    const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new Error(
      `could not start Chromium at ${chromiumPath(env)}: ${message} (install it: apt-get install -y chromium fonts-noto-cjk, or set BANKPACK_CHROMIUM)`,
      { cause: e },
    );
  }
  return {
    context,
    async close() {
      await context.close().catch(() => undefined);
      await rm(profile, { recursive: true, force: true });
    },
  };
}
