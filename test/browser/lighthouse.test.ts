// @vitest-environment node
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIGHTHOUSE_PAGES, lighthouseSession, runLighthouse, type Category } from '@encore/cli/bench/lighthouse.ts';
import { chromiumPath, SCREENSHOT_DIR, SKIP_MESSAGE } from './support.ts';

if (!chromiumPath) console.warn(`Skipping the Lighthouse runs: ${SKIP_MESSAGE}`);

/**
 * The bars that do not depend on how busy the machine is, as Lighthouse scores from 0 to 100. Performance, whose
 * simulated timings do, is measured by `npm run bench` (tools/cli/src/bench/lighthouse.ts).
 */
const MINIMUM = { accessibility: 100, 'best-practices': 95 } as const;
const CATEGORIES = Object.keys(MINIMUM) as Category[];

describe.skipIf(!chromiumPath)('Lighthouse on the account and order pages', () => {
  let session: Awaited<ReturnType<typeof lighthouseSession>>;
  beforeAll(async () => {
    session = await lighthouseSession();
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  }, 30_000);
  afterAll(() => session?.close());

  it.each(LIGHTHOUSE_PAGES)(
    '$name page ($path): accessibility 100 and best practices ≥ 95',
    async ({ name, path: pagePath }) => {
      const result = await runLighthouse(session.base + pagePath, session.port, CATEGORIES, MINIMUM);
      fs.writeFileSync(path.join(SCREENSHOT_DIR, `lighthouse-${name}.report.json`), result.reports[0]);
      fs.writeFileSync(path.join(SCREENSHOT_DIR, `lighthouse-${name}.report.html`), result.reports[1]);
      expect(result.runtimeError).toBeUndefined();
      expect(result.finalUrl).toBe(session.base + pagePath);
      const failing = result.under.join('; ');
      expect(result.scores.accessibility, `accessibility of ${pagePath}; ${failing}`).toBe(MINIMUM.accessibility);
      expect(result.scores['best-practices'], `best practices of ${pagePath}; ${failing}`).toBeGreaterThanOrEqual(MINIMUM['best-practices']);
    },
    60_000,
  );
});
