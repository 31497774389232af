import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { Storefront } from '../../scripts/storefront.ts';
import { serveStorefront } from '../../scripts/preview/server.ts';
import { backendFromEnvironment, isBackendPath, nodeListener } from '../../scripts/offers/backend.ts';
import { orderIdOf } from '../../scripts/store/load.ts';
import { besideModule } from '../../scripts/paths.ts';

/**
 * Shared plumbing for the browser suite: the system Chromium (playwright's own download cannot work offline),
 * the studio started in-process on a free port exactly as `npm start` wires it, and per-page capture of console
 * errors and failed requests.
 */

const CHROMIUM_CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** The first Chromium binary on this machine, or undefined: the suite then skips and says why. */
export const chromiumPath: string | undefined = [process.env.CHROME_PATH, ...CHROMIUM_CANDIDATES].find(
  (candidate): candidate is string => !!candidate && fs.existsSync(candidate),
);

export const SKIP_MESSAGE = `no Chromium found (looked at ${CHROMIUM_CANDIDATES.join(', ')}, $CHROME_PATH); apt-get install chromium to run the browser tests`;

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

export const SCREENSHOT_DIR = besideModule(import.meta.url, '../../test-results/screenshots');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_FLAGS });
}

export interface Studio {
  storefront: Storefront;
  base: string;
  close(): Promise<void>;
}

/** The studio on 127.0.0.1 and a port the OS picks: the theme preview with the backend under /api/ and /webhooks/. */
export async function startStudio(): Promise<Studio> {
  const storefront = new Storefront();
  const preview = serveStorefront(storefront);
  const backend = nodeListener(backendFromEnvironment());
  const server = http.createServer((request, response) => (isBackendPath(request.url) ? backend(request, response) : preview(request, response)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    storefront,
    base,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
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
  page.on('requestfailed', (request) => problems.failedRequests.push(`${request.method()} ${request.url()}: ${request.failure()?.errorText ?? 'failed'}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.failedRequests.push(`${response.request().method()} ${response.url()}: HTTP ${response.status()}`);
  });
  return problems;
}

/**
 * Opens `url` in a fresh page of `browser`, waits until the network is idle (the theme's scripts fetch
 * recommendations after load), and returns the page with what went wrong. The caller closes the page.
 */
export async function openPage(browser: Browser, url: string, viewport = { width: 1280, height: 900 }): Promise<{ page: Page; problems: PageProblems; status: number }> {
  const page = await browser.newPage({ viewport });
  const problems = watchProblems(page);
  // The suite runs offline: a request for any other origin is refused at once (still recorded as a failed
  // request) instead of waiting on DNS, which also keeps one page's load time honest.
  const origin = new URL(url).origin;
  await page.route((target) => target.origin !== origin && /^https?:$/.test(target.protocol), (route) => route.abort('blockedbyclient'));
  const response = await page.goto(url, { waitUntil: 'networkidle' });
  return { page, problems, status: response?.status() ?? 0 };
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

/** Runs `task` over `items` with at most `limit` running at once, keeping the results in order. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
