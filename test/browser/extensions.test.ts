// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Customer, Order, Store } from '@encore/fixtures/types.ts';
import { findCustomer, findOrder } from '@encore/fixtures/names.ts';
import { chromiumPath, openPage, SKIP_MESSAGE, useBrowserAndStudio } from './support.ts';

if (!chromiumPath) console.warn(`Skipping the extension previews in Chromium: ${SKIP_MESSAGE}`);

/**
 * The thank-you, order-status and order-index extensions, their real bundles in the studio's preview host, for
 * the scenarios the README pictures, in English and Danish. Each page must load cleanly and show the scenario's
 * own data: a heading in the page's language and values a person can find in the store fixture.
 */
interface Preview {
  path: string;
  /** The extension's first heading, as its locale file words it (read off the page by a person, not derived). */
  heading: string;
  /** Text the page must show, taken from the store fixture. */
  expected: (store: Store) => string[];
}

function order(store: Store, reference: string): Order {
  const found = findOrder(store, reference);
  if (!found) throw new Error(`the default store has no order ${reference}`);
  return found.order;
}

function customer(store: Store, handle: string): Customer {
  const found = findCustomer(store, handle);
  if (!found) throw new Error(`the default store has no customer ${handle}`);
  return found;
}

function productTitle(store: Store, handle: string): string {
  const product = store.products.find((candidate) => candidate.handle === handle);
  if (!product) throw new Error(`the default store has no product ${handle}`);
  return product.title;
}

/** The confirmation number and the first item of #1003: the thank-you page recommends around what was bought. */
const thankYouText = (store: Store) => {
  const placed = order(store, '1003');
  return [placed.confirmation_number ?? '', productTitle(store, placed.line_items[0].product)];
};

/** Every item of #1003, each in its shipment or among the unshipped ones. */
const orderStatusText = (store: Store) => order(store, '1003').line_items.map((item) => productTitle(store, item.product));

/** Buy again leads with the customer's latest order: its products are on the page. */
const orderIndexText = (store: Store) => {
  const latest = [...customer(store, 'loyal-customer').orders].sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at))[0];
  return latest.line_items.map((item) => productTitle(store, item.product));
};

const EXTENSION_PREVIEWS: Preview[] = [
  { path: '/extensions/encore-thank-you?order=1003', heading: 'Thank you! Your order is confirmed.', expected: thankYouText },
  { path: '/extensions/encore-thank-you?order=1003&locale=da', heading: 'Tak! Din ordre er bekræftet.', expected: thankYouText },
  { path: '/extensions/encore-order-status?order=1003', heading: 'Partly shipped', expected: orderStatusText },
  { path: '/extensions/encore-order-status?order=1003&locale=da', heading: 'Delvist afsendt', expected: orderStatusText },
  { path: '/extensions/encore-order-index?customer=loyal-customer', heading: 'Buy again', expected: orderIndexText },
  { path: '/extensions/encore-order-index?customer=loyal-customer&locale=da', heading: 'Køb igen', expected: orderIndexText },
];

describe.skipIf(!chromiumPath)('extension previews in Chromium', () => {
  const session = useBrowserAndStudio();

  it.each(EXTENSION_PREVIEWS)(
    '$path loads cleanly and shows the scenario',
    async ({ path, heading, expected }) => {
      const { page, problems, status } = await openPage(session.browser, session.studio.base + path);
      try {
        expect(status, path).toBe(200);
        expect(problems.consoleErrors, `${path}: console errors`).toEqual([]);
        expect(problems.failedRequests, `${path}: failed requests`).toEqual([]);
        // The host draws s-heading as a real heading element; the extension's first is the first in its slot,
        // below the studio's own h1.
        const slot = page.locator('#encore-extension');
        const headings = await slot.getByRole('heading').allInnerTexts();
        expect(headings[0]?.trim(), `${path}: first heading`).toBe(heading);
        const text = await slot.innerText();
        const wanted = expected(session.studio.storefront.store);
        expect(
          wanted.filter((value) => value.length === 0),
          `${path}: fixture values the test looks for`,
        ).toEqual([]);
        for (const value of wanted) expect(text, `${path} shows ${value}`).toContain(value);
      } finally {
        await page.close();
      }
    },
    30_000,
  );
});

/** A buyer signed in for a company pays its prices; the order index quotes no retail one. */
describe.skipIf(!chromiumPath)('order index for a B2B buyer in Chromium', () => {
  const session = useBrowserAndStudio();

  it('lists what b2b-buyer buys again without a price', async () => {
    const { page, problems } = await openPage(session.browser, `${session.studio.base}/extensions/encore-order-index?customer=b2b-buyer`);
    try {
      await page.waitForSelector('html[data-encore-ready]', { state: 'attached' });
      const text = await page.locator('#encore-extension').innerText();
      expect(text).toContain('Amber Candle');
      expect(text).toContain('Long Matches');
      expect(text).not.toMatch(/\$\d/);
      expect(problems.consoleErrors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 30_000);
});

/**
 * The order index's product rows are grids in a query container (Polaris's responsive values): at 1280 px each
 * row's "Add to cart" button ends at the same place; at 390 px the row is one column, the button under the
 * product's details.
 */
describe.skipIf(!chromiumPath)('order index rows in Chromium', () => {
  const session = useBrowserAndStudio();

  /** For each Buy again row: where its button starts and ends, and where its details end, in CSS px. */
  async function rowBoxes(width: number) {
    const { page } = await openPage(session.browser, `${session.studio.base}/extensions/encore-order-index?customer=loyal-customer`, {
      viewport: { width, height: 900 },
    });
    try {
      await page.waitForSelector('html[data-encore-ready]', { state: 'attached' });
      return await page
        .locator('s-section')
        .first()
        .locator('s-grid')
        .evaluateAll((grids) =>
          grids.map((grid) => {
            const button = grid.querySelector('s-button')!.getBoundingClientRect();
            const details = grid.querySelector('s-stack')!.getBoundingClientRect();
            return {
              buttonLeft: Math.round(button.left),
              buttonRight: Math.round(button.right),
              buttonTop: Math.round(button.top),
              detailsBottom: Math.round(details.bottom),
              detailsRight: Math.round(details.right),
            };
          }),
        );
    } finally {
      await page.close();
    }
  }

  it('at 1280 px, the five buttons end in one column, right of the details', async () => {
    const rows = await rowBoxes(1280);
    expect(rows).toHaveLength(5);
    expect(new Set(rows.map((row) => row.buttonRight)).size).toBe(1);
    for (const row of rows) expect(row.buttonLeft).toBeGreaterThan(row.detailsRight);
  }, 30_000);

  it('at 390 px, each button sits under its details', async () => {
    const rows = await rowBoxes(390);
    expect(rows).toHaveLength(5);
    for (const row of rows) expect(row.buttonTop).toBeGreaterThanOrEqual(row.detailsBottom);
  }, 30_000);
});
