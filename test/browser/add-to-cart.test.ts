// @vitest-environment node
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumPath, SKIP_MESSAGE, themesWithEncore, useBrowserAndThemeStudio, watchProblems } from './support.ts';

if (!chromiumPath) console.warn(`Skipping the add-to-cart click-through: ${SKIP_MESSAGE}`);

/**
 * Add to cart, clicked through in Chromium on Casey's account page in the studio, in Encore's own theme
 * and inside Dawn 15.4.1 (a copy with `npm run theme:add`): each "Add to cart" adds to the browser's cart through
 * the Cart AJAX API while the page stays put, the form's live region says what was added, and `/cart.js` then
 * holds exactly that. Without JavaScript the same form posts to /cart/add and lands on /cart.
 *
 * Prices read off tools/fixtures/stores/default-store.json: Fig Candle (variant 4005, Buy again's usual 2) $28.00,
 * Amber Candle 16 oz (4002, 1) $38.00, Long Matches (4008, 1) $6.00.
 */
const ACCOUNT = '/account?customer=casey';

interface CartJson {
  items: { variant_id: number; title: string; quantity: number; line_price: number }[];
  item_count: number;
  total_price: number;
  currency: string;
}

const cartOf = (page: Page): Promise<CartJson> => page.evaluate(() => fetch('/cart.js').then((response) => response.json()));

/** The text of a form's live region, and whether its button is waiting on the cart. */
const formState = (page: Page, formId: string) =>
  page.evaluate((id) => {
    const form = document.getElementById(id)!;
    return {
      status: form.querySelector('[role="status"]')!.textContent,
      busy: form.querySelector('button')!.getAttribute('aria-disabled') === 'true',
    };
  }, formId);

/** Waits until the form's live region has spoken and its button is ready again (no timer: the page says when). */
async function heard(page: Page, formId: string): Promise<string> {
  await page.waitForFunction(
    (id) => {
      const form = document.getElementById(id)!;
      return form.querySelector('[role="status"]')!.textContent !== '' && !form.querySelector('button')!.hasAttribute('aria-disabled');
    },
    formId,
    { timeout: 10_000 },
  );
  return (await formState(page, formId)).status ?? '';
}

/**
 * Does `act` (a click, a key), waits for the Cart AJAX API's answer it causes, then for the form to say so: the same
 * words twice in a row cannot be told apart by the live region alone.
 */
async function add(page: Page, formId: string, act: () => Promise<unknown>): Promise<string> {
  const answered = page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname.endsWith('/cart/add.js'));
  await act();
  await answered;
  return heard(page, formId);
}

describe.skipIf(!chromiumPath).each(themesWithEncore('the add-to-cart click-through'))('Add to cart on the account page, $name, in Chromium', ({ dawn }) => {
  const session = useBrowserAndThemeStudio(dawn, 'encore-dawn-cart-');

  /** A fresh browser profile: its own cookies, so its own cart. */
  async function open(route: string, javaScriptEnabled = true): Promise<{ context: BrowserContext; page: Page; problems: ReturnType<typeof watchProblems> }> {
    const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(new URL(route, session.studio.url).href, { waitUntil: 'load' });
    return { context, page, problems };
  }

  it('adds Fig Candle twice (once by keyboard) and Amber Candle once, staying on the page and saying each time what was added', async () => {
    const { context, page, problems } = await open(ACCOUNT);
    try {
      const url = page.url();
      // Marks the document: a navigation would drop it.
      await page.evaluate(() => ((window as unknown as { encoreStayed: boolean }).encoreStayed = true));
      const posted: string[] = [];
      page.on('request', (request) => {
        if (request.method() === 'POST') posted.push(new URL(request.url()).pathname);
      });
      expect(await cartOf(page)).toMatchObject({ items: [], item_count: 0, total_price: 0 });

      const fig = page.locator('#EncoreBuyAgain-4005 button');
      expect((await fig.textContent())?.trim()).toBe('Add Fig Candle (2 pieces) to cart');
      expect(await add(page, 'EncoreBuyAgain-4005', () => fig.click())).toBe('Added to your cart: Fig Candle (2 pieces)');
      // The button keeps focus, so the customer goes on from where they were.
      expect(await page.evaluate(() => document.activeElement?.closest('form')?.getAttribute('id'))).toBe('EncoreBuyAgain-4005');

      expect(await add(page, 'EncoreBuyAgain-4002', () => page.locator('#EncoreBuyAgain-4002 button').click())).toBe('Added to your cart: Amber Candle, 16 oz');

      // The second Fig Candle by keyboard: Enter on the focused button submits the form like a click.
      await fig.focus();
      expect(await add(page, 'EncoreBuyAgain-4005', () => page.keyboard.press('Enter'))).toBe('Added to your cart: Fig Candle (2 pieces)');

      expect(page.url()).toBe(url);
      expect(await page.evaluate(() => (window as unknown as { encoreStayed?: boolean }).encoreStayed)).toBe(true);
      expect(posted).toEqual(['/cart/add.js', '/cart/add.js', '/cart/add.js']);
      // 2 + 2 Fig Candles at $28.00 = $112.00, one Amber Candle 16 oz at $38.00: $150.00 for 5 items.
      const cart = await cartOf(page);
      expect(cart.items.map(({ variant_id, title, quantity, line_price }) => ({ variant_id, title, quantity, line_price }))).toEqual([
        { variant_id: 4005, title: 'Fig Candle', quantity: 4, line_price: 11200 },
        { variant_id: 4002, title: 'Amber Candle - 16 oz', quantity: 1, line_price: 3800 },
      ]);
      expect(cart).toMatchObject({ item_count: 5, total_price: 15000, currency: 'USD' });
      expect(problems.consoleErrors).toEqual([]);
      expect(problems.failedRequests).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('adds once for a double click: the second submit comes while the first is on its way', async () => {
    const { context, page, problems } = await open(ACCOUNT);
    try {
      const posted: string[] = [];
      page.on('request', (request) => {
        if (request.method() === 'POST') posted.push(new URL(request.url()).pathname);
      });
      // Two clicks in one task: the first request cannot have come back before the second click. Chromium reports
      // requests in the order they start, so a second one would be seen before the first one's answer.
      const said = await add(page, 'EncoreBuyAgain-4008', () =>
        page.evaluate(() => {
          const button = document.querySelector<HTMLButtonElement>('#EncoreBuyAgain-4008 button')!;
          button.click();
          button.click();
        }),
      );
      expect(said).toBe('Added to your cart: Long Matches');
      expect(posted).toEqual(['/cart/add.js']);
      expect(await cartOf(page)).toMatchObject({ items: [{ variant_id: 4008, quantity: 1, line_price: 600 }], item_count: 1, total_price: 600 });
      expect(problems.consoleErrors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('says in Danish what was added, through the Danish cart URL', async () => {
    const { context, page, problems } = await open(`/da${ACCOUNT}`);
    try {
      const posted: string[] = [];
      page.on('request', (request) => {
        if (request.method() === 'POST') posted.push(new URL(request.url()).pathname);
      });
      expect(await add(page, 'EncoreBuyAgain-4005', () => page.locator('#EncoreBuyAgain-4005 button').click())).toBe('Lagt i kurven: Fig Candle (2 stk.)');
      expect(posted).toEqual(['/da/cart/add.js']);
      expect(await cartOf(page)).toMatchObject({ item_count: 2, total_price: 5600 });
      expect(problems.consoleErrors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  it("says why, in the form's live region, when the store cannot sell that many", async () => {
    const { context, page } = await open(ACCOUNT);
    try {
      // The store has 25 Fig Candles (inventory_quantity, policy deny); the form asks for 26.
      await page.evaluate(() => document.querySelector<HTMLInputElement>('#EncoreBuyAgain-4005 input[name="quantity"]')!.setAttribute('value', '26'));
      const said = await add(page, 'EncoreBuyAgain-4005', () => page.locator('#EncoreBuyAgain-4005 button').click());
      expect(said).toBe("Could not add Fig Candle to your cart. You can only add 25 of 'Fig Candle' to your cart.");
      expect(await cartOf(page)).toMatchObject({ items: [], item_count: 0 });
    } finally {
      await context.close();
    }
  }, 60_000);

  it('without JavaScript, posts the product form and lands on /cart showing what was added', async () => {
    const { context, page, problems } = await open(ACCOUNT, false);
    try {
      await page.locator('#EncoreBuyAgain-4005 button').click();
      await page.waitForURL((url) => url.pathname === '/cart');
      await page.goBack();
      await page.locator('#EncoreBuyAgain-4008 button').click();
      await page.waitForURL((url) => url.pathname === '/cart');
      const rows = await page.$$eval('table tr', (trs) =>
        (trs as HTMLTableRowElement[]).map((tr) => [...tr.cells].map((cell) => cell.textContent!.trim()).join(' | ')),
      );
      // 2 × $28.00 + 1 × $6.00 = $62.00.
      expect(rows).toEqual(['Item | Line total', '2 × Fig Candle | $56.00', '1 × Long Matches | $6.00', 'Total | $62.00']);
      expect(problems.failedRequests).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});
