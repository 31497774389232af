// @vitest-environment node
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumPath, CHROMIUM_FLAGS, SCREENSHOT_DIR, SKIP_MESSAGE, startStudio, type Studio } from './support.ts';

if (!chromiumPath) console.warn(`Skipping the Lighthouse runs: ${SKIP_MESSAGE}`);

/** The bars issue 7 sets, as Lighthouse scores from 0 to 100. */
const MINIMUM = { performance: 95, accessibility: 100, 'best-practices': 95 } as const;
type Category = keyof typeof MINIMUM;
const CATEGORIES = Object.keys(MINIMUM) as Category[];

const PAGES = [
  { name: 'account', path: '/account?customer=casey' },
  { name: 'order', path: '/account/orders/1003' },
];

/**
 * Lighthouse 12.8.2 (the last for Node 20) with its default mobile settings and simulated throttling, driving the
 * system Chromium through chrome-launcher. The JSON and HTML reports land beside the screenshots.
 */
describe.skipIf(!chromiumPath)('Lighthouse on the account and order pages', () => {
  let chrome: chromeLauncher.LaunchedChrome;
  let studio: Studio;

  beforeAll(async () => {
    [chrome, studio] = await Promise.all([
      chromeLauncher.launch({ chromePath: chromiumPath, chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS], logLevel: 'error' }),
      startStudio(),
    ]);
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  }, 30_000);

  afterAll(async () => {
    chrome?.kill();
    await studio?.close();
  });

  const scores = new Map<string, Record<Category, number>>();
  const failing = new Map<string, string[]>();

  /** Runs Lighthouse once per page, saves its reports, and keeps the scores and the audits under each bar. */
  const audit = async (name: string, pagePath: string) => {
    const result = await lighthouse(studio.base + pagePath, { port: chrome.port, output: ['json', 'html'], onlyCategories: CATEGORIES, logLevel: 'error' });
    expect(result, 'Lighthouse returned a result').toBeDefined();
    const { lhr, report } = result!;
    const [json, html] = report as string[];
    fs.writeFileSync(path.join(SCREENSHOT_DIR, `lighthouse-${name}.report.json`), json);
    fs.writeFileSync(path.join(SCREENSHOT_DIR, `lighthouse-${name}.report.html`), html);
    expect(lhr.runtimeError?.message).toBeUndefined();
    expect(lhr.finalDisplayedUrl).toBe(studio.base + pagePath);
    const score = Object.fromEntries(CATEGORIES.map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)])) as Record<Category, number>;
    // Each failing audit of a category under its bar, so the output names what to fix without opening the HTML.
    const under = CATEGORIES.filter((id) => score[id] < MINIMUM[id]).flatMap((id) =>
      lhr.categories[id].auditRefs
        .filter((ref) => lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score! < 1)
        .map((ref) => `${id}: ${ref.id} (${lhr.audits[ref.id].title}) score ${lhr.audits[ref.id].score}${lhr.audits[ref.id].displayValue ? `, ${lhr.audits[ref.id].displayValue}` : ''}`),
    );
    console.log(`Lighthouse ${pagePath}: ${CATEGORIES.map((id) => `${id} ${score[id]}`).join(', ')}${under.length ? `\n  ${under.join('\n  ')}` : ''}`);
    scores.set(name, score);
    failing.set(name, under);
  };

  it.each(PAGES)('$name page ($path): performance ≥ 95 and accessibility 100', async ({ name, path: pagePath }) => {
    await audit(name, pagePath);
    const score = scores.get(name)!;
    expect(score.performance, `performance of ${pagePath}; ${failing.get(name)!.join('; ')}`).toBeGreaterThanOrEqual(MINIMUM.performance);
    expect(score.accessibility, `accessibility of ${pagePath}; ${failing.get(name)!.join('; ')}`).toBe(MINIMUM.accessibility);
  }, 60_000);

  it('best practices ≥ 95 on both pages', () => {
    expect([...scores.keys()]).toEqual(PAGES.map((page) => page.name));
    for (const { name, path: pagePath } of PAGES) {
      expect(scores.get(name)!['best-practices'], `best practices of ${pagePath}; ${failing.get(name)!.join('; ')}`).toBeGreaterThanOrEqual(MINIMUM['best-practices']);
    }
  });
});
