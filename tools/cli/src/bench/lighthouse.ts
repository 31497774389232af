/**
 * Lighthouse on the studio's account and order pages: the shared runner of `npm run bench`'s performance part and
 * the browser suite's accessibility and best-practices bars. Lighthouse 13 with its
 * default mobile settings and simulated throttling, driving the system Chromium through chrome-launcher.
 * Performance is measured in the bench, not asserted in `npm test`: its simulated timings scale with how busy the
 * machine is, so the same page scores lower beside another CPU-bound job.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_FLAGS, chromiumPath } from '../chromium.ts';
import { startStudio } from '@encore/studio/studio.ts';

export type Category = 'performance' | 'accessibility' | 'best-practices';

/** The studio pages held to Lighthouse's bars: a customer's account and the partial-shipment order. */
export const LIGHTHOUSE_PAGES = [
  { name: 'account', path: '/account?customer=casey' },
  { name: 'order', path: '/account/orders/1003' },
] as const;

export const PERFORMANCE_GOAL = 95;

export interface LighthouseResult {
  /** Scores from 0 to 100, for the categories asked. */
  scores: Partial<Record<Category, number>>;
  /** Each audit under 1 in a category whose score is under `bars`, so the output names what to fix. */
  under: string[];
  url: string;
  finalUrl: string;
  runtimeError: string | undefined;
  /** The JSON and HTML reports. */
  reports: [string, string];
}

export async function runLighthouse(url: string, port: number, categories: Category[], bars: Partial<Record<Category, number>>): Promise<LighthouseResult> {
  const result = await lighthouse(url, { port, output: ['json', 'html'], onlyCategories: categories, logLevel: 'error' });
  if (!result) throw new Error(`Lighthouse returned no result for ${url}`);
  const { lhr, report } = result;
  const scores = Object.fromEntries(categories.map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)])) as Partial<Record<Category, number>>;
  const under = categories
    .filter((id) => bars[id] !== undefined && scores[id]! < bars[id]!)
    .flatMap((id) =>
      lhr.categories[id].auditRefs
        .filter((ref) => lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score! < 1)
        .map(
          (ref) =>
            `${id}: ${ref.id} (${lhr.audits[ref.id].title}) score ${lhr.audits[ref.id].score}${lhr.audits[ref.id].displayValue ? `, ${lhr.audits[ref.id].displayValue}` : ''}`,
        ),
    );
  return { scores, under, url, finalUrl: lhr.finalDisplayedUrl, runtimeError: lhr.runtimeError?.message, reports: report as [string, string] };
}

/** Chromium and a studio on a free port, for a run of Lighthouse; `close` ends both. */
export async function lighthouseSession(): Promise<{ port: number; base: string; close: () => Promise<void> }> {
  if (!chromiumPath) throw new Error("no Chromium found (set CHROME_PATH, or install Debian's chromium)");
  const [chrome, studio] = await Promise.all([
    chromeLauncher.launch({ chromePath: chromiumPath, chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS], logLevel: 'error' }),
    startStudio({ port: 0, host: '127.0.0.1', warn: () => {}, log: () => {} }),
  ]);
  return {
    port: chrome.port,
    base: studio.url.replace(/\/$/, ''),
    close: async () => {
      chrome.kill();
      await studio.close();
    },
  };
}

/** `npm run bench`'s part: Lighthouse's performance score of each page (goal ≥ 95). */
export async function benchLighthouse(): Promise<{ lines: string[]; withinGoal: boolean }> {
  if (!chromiumPath) return { lines: ["skipped: no Chromium found (set CHROME_PATH, or install Debian's chromium)"], withinGoal: true };
  const session = await lighthouseSession();
  try {
    const lines: string[] = [];
    let withinGoal = true;
    for (const { path } of LIGHTHOUSE_PAGES) {
      const { scores, under } = await runLighthouse(session.base + path, session.port, ['performance'], { performance: PERFORMANCE_GOAL });
      withinGoal &&= scores.performance! >= PERFORMANCE_GOAL;
      lines.push(`${path}: performance ${scores.performance} (goal ≥ ${PERFORMANCE_GOAL})`, ...under.map((audit) => `  ${audit}`));
    }
    return { lines, withinGoal };
  } finally {
    await session.close();
  }
}
