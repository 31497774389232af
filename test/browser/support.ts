import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Storefront } from '@encore/studio/storefront.ts';
import { startStudio as startServerStudio, type Studio as ServerStudio } from '@encore/studio/studio.ts';
import { orderIdOf } from '@encore/fixtures/load.ts';
import { besideModule } from '@encore/liquid/paths.ts';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM_CANDIDATES, CHROMIUM_FLAGS, chromiumPath } from '@encore/cli/chromium.ts';
import fs from 'node:fs';
import { DAWN_SKIP_MESSAGE, HAS_DAWN, dawnWithEncore } from '../support/dawn.ts';

/**
 * Shared plumbing for the browser suite: the system Chromium (playwright's own download cannot work offline),
 * the studio started in-process on a free port exactly as `npm start` wires it, and per-page capture of console
 * errors and failed requests.
 */

export { chromiumPath, CHROMIUM_FLAGS } from '@encore/cli/chromium.ts';

export const SKIP_MESSAGE = `no Chromium found (looked at ${CHROMIUM_CANDIDATES.join(', ')}, $CHROME_PATH); apt-get install chromium to run the browser tests`;

export const SCREENSHOT_DIR = besideModule(import.meta.url, '../../test-results/screenshots');

/**
 * The suite runs offline: a name other than the studio's own resolves to nothing at once, so a request for another
 * origin fails there and then (and is recorded as failed) instead of waiting on DNS. Chromium does it itself,
 * which costs nothing per request, where routing every request through Playwright cost a sixth of a page's time.
 */
const OFFLINE = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: [...CHROMIUM_FLAGS, OFFLINE] });
}

export interface Studio {
  storefront: Storefront;
  /** `http://127.0.0.1:PORT`, no trailing slash: paths append to it. */
  base: string;
  close(): Promise<void>;
}

/**
 * The studio exactly as `npm start` runs it (theme pages, extension previews, backend), on a port the OS picks;
 * `storeFile` is `--fixtures` (default: the default store).
 */
export async function startStudio(storeFile?: string): Promise<Studio> {
  // The backend's request log is the studio's terminal output, not the suite's.
  const studio = await startServerStudio({ port: 0, host: '127.0.0.1', storeFile, warn: () => {}, log: () => {} });
  return { storefront: studio.storefront, base: studio.url.replace(/\/$/, ''), close: () => studio.close() };
}

/** What went wrong while a page loaded: console errors, uncaught exceptions, and requests that failed or answered ≥ 400. */
export interface PageProblems {
  consoleErrors: string[];
  failedRequests: string[];
}

/** Starts recording `page`'s problems; the returned lists fill as the page runs. */
export function watchProblems(page: Page): PageProblems {
  const problems: PageProblems = { consoleErrors: [], failedRequests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') problems.consoleErrors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.consoleErrors.push(`uncaught ${error.name}: ${error.message}`));
  page.on('requestfailed', (request) => {
    // Leaving a page cuts its live-reload stream; that is the stream working, not a failed request. Likewise an
    // image whose page was left, or whose element was removed, before it arrived: Chromium cancels what no one
    // will show (a missing image answers 404 and is caught below; an off-origin one fails to resolve, not aborted).
    const aborted = request.failure()?.errorText === 'net::ERR_ABORTED';
    if (aborted && (isLiveReload(request.url()) || request.resourceType() === 'image')) return;
    problems.failedRequests.push(`${request.method()} ${request.url()}: ${request.failure()?.errorText ?? 'failed'}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.failedRequests.push(`${response.request().method()} ${response.url()}: HTTP ${response.status()}`);
  });
  return problems;
}

const isLiveReload = (url: string) => new URL(url).pathname === '/__encore/reload';

export interface OpenOptions {
  viewport?: { width: number; height: number };
  /** When the page counts as loaded; by default, as `settledFor` says for its path. */
  waitUntil?: Settled;
}

/**
 * Playwright's 'networkidle' never comes on a studio page: the live-reload script keeps an event stream open for
 * as long as the page lives, and 'networkidle' is a 500 ms quiet window besides. This tracks the page's other
 * requests and resolves once none is in flight: when the last one finishes, not after a wait.
 */
function trackRequests(page: Page): () => Promise<void> {
  const inFlight = new Set<unknown>();
  let drained: (() => void)[] = [];
  page.on('request', (request) => {
    if (!isLiveReload(request.url())) inFlight.add(request);
  });
  const done = (request: unknown) => {
    if (!inFlight.delete(request) || inFlight.size > 0) return;
    for (const resolve of drained) resolve();
    drained = [];
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return () => {
    if (inFlight.size === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${page.url()}: ${inFlight.size} requests still in flight after 15 s`)), 15_000);
      drained.push(() => (clearTimeout(timer), resolve()));
    });
  };
}

/**
 * Opens `url` in a fresh page and returns it with what went wrong; the caller closes the page. Given a browser,
 * the page gets its own context (and `viewport`); given a context, it shares it, which is cheaper for many pages.
 */
export async function openPage(
  target: Browser | BrowserContext,
  url: string,
  options: OpenOptions = {},
): Promise<{ page: Page; problems: PageProblems; status: number; drained: () => Promise<void> }> {
  const page = 'newContext' in target ? await target.newPage({ viewport: options.viewport ?? { width: 1280, height: 900 } }) : await target.newPage();
  const problems = watchProblems(page);
  const drained = trackRequests(page);
  const response = await page.goto(url, { waitUntil: 'load' });
  await settle(page, drained, options.waitUntil ?? settledFor(new URL(url).pathname));
  return { page, problems, status: response?.status() ?? 0, drained };
}

/** Every account page of a customer: page 1, plus one per further page of orders (the theme shows `perPage` a page). */
export function accountPaths(storefront: Storefront, perPage = 20): string[] {
  return storefront.store.customers.flatMap((customer) => {
    const pages = Math.max(1, Math.ceil(customer.orders.length / perPage));
    return Array.from({ length: pages }, (_, index) => `/account?customer=${encodeURIComponent(customer.handle)}${index ? `&page=${index + 1}` : ''}`);
  });
}

/** Every order page of the store, by the order's name without `#`. */
export function orderPaths(storefront: Storefront): string[] {
  return storefront.store.customers.flatMap((customer) => customer.orders.map((order) => `/account/orders/${encodeURIComponent(orderIdOf(order.name))}`));
}

/**
 * When a page counts as loaded: at 'load'; 'quiet' once its scripts are done too (no block `aria-busy`, as the
 * account page's recommendations are while they are asked for); 'ready' once an extension preview's host says the
 * extension has run (`data-encore-ready`, or `data-encore-skipped` when the post-purchase page has nothing to
 * offer) and none of its calls is out (`data-encore-pending`). Each then waits for its requests to finish.
 */
export type Settled = 'load' | 'quiet' | 'ready';

/** What a studio page waits for: an order page has no script, an account page asks for recommendations, an extension preview says when it has run. */
export function settledFor(path: string): Settled {
  return path.startsWith('/account/orders/') ? 'load' : path.startsWith('/extensions/') ? 'ready' : 'quiet';
}

/**
 * Frames the page must stay idle for: an effect starts its request in the frame after the render that scheduled
 * it, and a request answered draws its result in the frame after; three frames cover both.
 */
const IDLE_FRAMES = 3;

async function settle(page: Page, drained: () => Promise<void>, until: Settled): Promise<void> {
  await page.waitForFunction(
    ({ ready, frames }) => {
      const root = document.documentElement;
      const idle =
        (!ready || root.hasAttribute('data-encore-ready') || root.hasAttribute('data-encore-skipped')) &&
        !root.hasAttribute('data-encore-pending') &&
        !document.querySelector('[aria-busy="true"]');
      const seen = window as unknown as { encoreIdleFrames?: number };
      seen.encoreIdleFrames = idle ? (seen.encoreIdleFrames ?? 0) + 1 : 0;
      return seen.encoreIdleFrames >= frames;
    },
    { ready: until === 'ready', frames: until === 'load' ? 1 : IDLE_FRAMES },
    { polling: 'raf', timeout: 15_000 },
  );
  // Lazy images near the fold start loading a frame or so after 'load', or after a script drew them: what is read
  // off the page (and any image that fails) belongs to it.
  await drained();
}

/** One page's load in `visitEach`: its status, what went wrong, and what the caller read off it. */
export interface Visit<R> {
  path: string;
  status: number;
  problems: PageProblems;
  read: R;
}

/**
 * Loads every path of `base` in turn, in `workers` long-lived pages (a fresh page costs about 200 ms, a
 * navigation in a page that stays open about 100 ms), and calls `read` once each has settled (see `Settled`). Problems are recorded per path. Results keep the paths' order.
 */
export async function visitEach<R>(
  browser: Browser,
  base: string,
  paths: readonly string[],
  read: (page: Page, path: string) => Promise<R>,
  options: { workers?: number; waitUntil?: (path: string) => Settled } = {},
): Promise<Visit<R>[]> {
  const results: Visit<R>[] = new Array(paths.length);
  let next = 0;
  const worker = async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems = watchProblems(page);
    const drained = trackRequests(page);
    while (next < paths.length) {
      const index = next++;
      const path = paths[index]!;
      problems.consoleErrors.length = 0;
      problems.failedRequests.length = 0;
      const response = await page.goto(base + path, { waitUntil: 'load' });
      await settle(page, drained, (options.waitUntil ?? settledFor)(new URL(path, base).pathname));
      const status = response?.status() ?? 0;
      const seen = await read(page, path).catch((error: Error) => {
        throw new Error(`${path}: ${error.message}`);
      });
      results[index] = { path, status, read: seen, problems: { consoleErrors: [...problems.consoleErrors], failedRequests: [...problems.failedRequests] } };
    }
    await context.close();
  };
  // These machines have two cores: two pages at a time keep both busy (the studio renders in this process).
  await Promise.all(Array.from({ length: Math.min(options.workers ?? 2, paths.length) }, worker));
  return results;
}

/** A page of axe-core's findings, reduced to what a failure message needs. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

const AXE_SCRIPT = besideModule(import.meta.url, '../../node_modules/axe-core/axe.min.js');

/** Runs axe-core (WCAG 2.x A and AA rules plus best practices) in `page` and returns every violation. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE_SCRIPT });
  return page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }>;
        };
      }
    ).axe;
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  });
}

/**
 * One browser and one studio for the tests of a `describe` block: started before them (together), closed after.
 * Read `session.browser` and `session.studio` inside the tests.
 */
export function useBrowserAndStudio(storeFile?: string): { readonly browser: Browser; readonly studio: Studio } {
  const session = {} as { browser: Browser; studio: Studio };
  beforeAll(async () => {
    [session.browser, session.studio] = await Promise.all([launchBrowser(), startStudio(storeFile)]);
  }, 30_000);
  afterAll(async () => {
    await session.browser?.close();
    await session.studio?.close();
  });
  return session;
}

/**
 * Words of the page's table cells and cards (`cells`, inside the first `scope` element) whose text spans two
 * lines: a broken word ("Authorizati / on", a tracking number split every few characters). Text only screen
 * readers get (a 1 px box, such as a stacked table's headings) does not count.
 */
export async function brokenWords(page: Page, cells: string, scope = 'body'): Promise<{ words: number; broken: string[] }> {
  return page.evaluate(
    ({ cells, scope }) => {
      const broken: string[] = [];
      let words = 0;
      const hidden = (element: Element | null): boolean => {
        for (let at = element; at && at !== document.body; at = at.parentElement) {
          // An element with display: contents has no box of its own (0 × 0): its children are laid out in its place.
          if (getComputedStyle(at).display === 'contents') continue;
          const box = at.getBoundingClientRect();
          if (box.width <= 1 || box.height <= 1) return true;
        }
        return false;
      };
      for (const cell of document.querySelector(scope)?.querySelectorAll(cells) ?? []) {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (hidden(node.parentElement)) continue;
          for (const match of (node.textContent ?? '').matchAll(/\S+/g)) {
            const range = document.createRange();
            range.setStart(node, match.index!);
            range.setEnd(node, match.index! + match[0].length);
            const tops = new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top)));
            if (tops.size === 0) continue;
            words += 1;
            if (tops.size > 1) broken.push(match[0]);
          }
        }
      }
      return { words, broken };
    },
    { cells, scope },
  );
}

/** The cells and cards of Encore's sections whose words must stay whole. */
export const ENCORE_CELLS = 'table th, table td, .encore-shipment-card, .encore-product-card, .encore-buy-again__item';
/**
 * The same on the default store's pages, less the card of its own hostile test product: the catalog fill shows it
 * to Casey, and its one-word payload title must break.
 */
export const DEFAULT_STORE_CELLS = ENCORE_CELLS.replace('.encore-product-card', '.encore-product-card:not([data-encore-product-handle="hostile-test-candle"])');

/** Encore's own theme, and Dawn with Encore added where ../shared has Dawn: the themes a page's look is held to. */
export function themesWithEncore(suite: string): { name: string; dawn: boolean }[] {
  if (!HAS_DAWN) console.warn(`Skipping ${suite} inside Dawn: ${DAWN_SKIP_MESSAGE}`);
  return [{ name: "Encore's theme", dawn: false }, ...(HAS_DAWN ? [{ name: 'Dawn with Encore', dawn: true }] : [])];
}

/**
 * Chromium and a studio on a free port for a describe block, serving Encore's own theme or, with `dawn`, a
 * temporary copy of Dawn with Encore added (named `prefix…`), removed afterwards.
 */
export function useBrowserAndThemeStudio(dawn: boolean, prefix: string): { readonly browser: Browser; readonly studio: ServerStudio } {
  const session = {} as { browser: Browser; studio: ServerStudio };
  let dir: string | undefined;
  beforeAll(async () => {
    if (dawn) dir = dawnWithEncore(prefix);
    [session.browser, session.studio] = await Promise.all([
      launchBrowser(),
      startServerStudio({ port: 0, host: '127.0.0.1', themeDir: dir, warn: () => {}, log: () => {} }),
    ]);
  }, 60_000);
  afterAll(async () => {
    await session.browser?.close();
    await session.studio?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });
  return session;
}
