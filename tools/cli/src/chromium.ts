/**
 * The system Chromium, which the browser tests and `npm run screenshots` drive through playwright-core
 * (Playwright's own browser download cannot work offline).
 */
import fs from 'node:fs';

export const CHROMIUM_CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** The first Chromium binary on this machine (`$CHROME_PATH` first), or undefined. */
export const chromiumPath: string | undefined = [process.env.CHROME_PATH, ...CHROMIUM_CANDIDATES].find(
  (candidate): candidate is string => !!candidate && fs.existsSync(candidate),
);

/** Flags that keep a headless Chromium quiet and offline: no updates, sync or QUIC probes leave the machine. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];
