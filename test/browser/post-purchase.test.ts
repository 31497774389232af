// @vitest-environment node
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadStore } from '@encore/fixtures/load.ts';
import { withCardCheckout } from '../support/card-checkout.ts';
import { chromiumPath, openPage, SCREENSHOT_DIR, SKIP_MESSAGE, useBrowserAndStudio } from './support.ts';

if (!chromiumPath) console.warn(`Skipping the post-purchase flow in Chromium: ${SKIP_MESSAGE}`);

/**
 * The default store with riley's first order #1012 paid by card and without its import duties: as in the
 * fixture, Shopify would skip the page (packages/core/src/post-purchase-page.ts), and #1012 is the order whose
 * basket walks app/offers.json's whole funnel.
 */
function cardPaidStoreFile(): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'encore-post-purchase-')), 'default-store.json');
  fs.writeFileSync(file, JSON.stringify(withCardCheckout(loadStore(), '1012')));
  return file;
}

describe.skipIf(!chromiumPath)('the post-purchase upsell in the studio, against the real backend', () => {
  const session = useBrowserAndStudio(chromiumPath ? cardPaidStoreFile() : undefined);

  it("riley's #1012 (paid by card): Accept → signed → the funnel's next offer → Accept → its downsell declined → the thank-you page", async () => {
    const { page, problems, status } = await openPage(session.browser, `${session.studio.base}/extensions/encore-post-purchase-upsell?order=1012`, {
      viewport: { width: 390, height: 844 },
    });
    try {
      expect(status).toBe(200);
      const payNow = () => page.getByRole('button', { name: /^Pay now/ }).first();
      await payNow().waitFor({ timeout: 10_000 });
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'post-purchase-390.png'), fullPage: true });
      // Each accepted step is replaced by the funnel's next offer: the page text changes and still offers to pay.
      for (let step = 0; step < 2; step++) {
        const before = await page.textContent('body');
        await payNow().click();
        await page.waitForFunction((text) => document.body.textContent !== text && /Pay now/.test(document.body.textContent ?? ''), before, {
          timeout: 10_000,
        });
      }
      await page.getByRole('button', { name: 'No thanks' }).first().click();
      await page
        .getByText(/thank-you page/i)
        .first()
        .waitFor({ timeout: 10_000 });
      // The offer's Layout is gone, and its style sheet with it.
      expect(await page.evaluate(() => document.querySelectorAll('style[data-pp-layout]').length)).toBe(0);
      // The studio checked both signed changes as Shopify would, and names what they added: app/offers.json's
      // wick trimmer offer, then the refill oil its acceptance leads to.
      expect(await page.textContent('body')).toContain('changes applied: 2 (Wick Trimmer × 1, Diffuser Refill Oil × 1).');
      expect(problems.consoleErrors).toEqual([]);
      expect(problems.failedRequests).toEqual([]);
    } finally {
      await page.close();
    }
  }, 40_000);

  it("loyal-customer's first order #1101, declining: the wick trimmer's declined branch offers the matches; declining that too ends with nothing applied", async () => {
    const { page, problems, status } = await openPage(session.browser, `${session.studio.base}/extensions/encore-post-purchase-upsell?order=1101`);
    try {
      expect(status).toBe(200);
      // app/offers.json: wick-trimmer-first-candle (a first order with a candle) leads to matches-with-candle
      // when declined (a candle in the order).
      await page.getByText('15% off the Wick Trimmer').first().waitFor({ timeout: 10_000 });
      await page.getByRole('button', { name: 'No thanks' }).first().click();
      await page.getByText('Never hunt for a light: add Long Matches').first().waitFor({ timeout: 10_000 });
      await page.getByRole('button', { name: 'No thanks' }).first().click();
      await page
        .getByText(/thank-you page/i)
        .first()
        .waitFor({ timeout: 10_000 });
      expect(await page.textContent('body')).toContain('changes applied: 0.');
      expect(problems.consoleErrors).toEqual([]);
      expect(problems.failedRequests).toEqual([]);
    } finally {
      await page.close();
    }
  }, 30_000);

  it("casey's #1004: the offer shows, Accept is signed by the backend and applied, then the thank-you page", async () => {
    const { page, problems, status, drained } = await openPage(session.browser, `${session.studio.base}/extensions/encore-post-purchase-upsell?order=1004`);
    try {
      expect(status).toBe(200);
      await page
        .getByRole('button', { name: /^Pay now/ })
        .first()
        .waitFor({ timeout: 10_000 });
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'post-purchase-1280.png'), fullPage: true });
      expect(await page.textContent('body')).toContain('Wick Trimmer');
      // $18.00 less 15% is $15.30; Brooklyn's 8.875% NY sales tax, as on the order, adds $1.36 (1.357875 rounded).
      const summary = (await page.innerText('body')).replace(/\s+/g, ' ');
      expect(summary).toContain('Subtotal $15.30');
      expect(summary).toContain('Taxes $1.36');
      expect(summary).toContain('Total charged now $16.66');
      expect(
        await page
          .getByRole('button', { name: /^Pay now/ })
          .first()
          .innerText(),
      ).toBe('Pay now · $16.66');
      await page
        .getByRole('button', { name: /^Pay now/ })
        .first()
        .click();
      await page
        .getByText(/thank-you page/i)
        .first()
        .waitFor({ timeout: 10_000 });
      expect(await page.textContent('body')).toContain('changes applied: 1 (Wick Trimmer × 1).');
      expect(await page.getByRole('link', { name: "This order's thank-you page (preview)" }).getAttribute('href')).toBe(
        '/extensions/encore-thank-you?order=1004&locale=en',
      );
      // A reload is a new visit: the funnel starts again and Accept is signed again (Shopify shows the page once
      // per purchase, so the backend would refuse the same purchase's offer twice). First the page's report of the
      // applied change (fire and forget) gets its answer: a reload would cut it off.
      await drained();
      await page.reload();
      await page
        .getByRole('button', { name: /^Pay now/ })
        .first()
        .click();
      await page
        .getByText(/thank-you page/i)
        .first()
        .waitFor({ timeout: 10_000 });
      expect(await page.textContent('body')).toContain('changes applied: 1 (Wick Trimmer × 1).');
      expect(problems.consoleErrors).toEqual([]);
      expect(problems.failedRequests).toEqual([]);
    } finally {
      await page.close();
    }
  }, 30_000);

  /** Where the offer's picture and its details (the heading's column) sit, in CSS px. */
  async function offerBoxes(width: number) {
    const { page } = await openPage(session.browser, `${session.studio.base}/extensions/encore-post-purchase-upsell?order=1004`, {
      viewport: { width, height: 900 },
    });
    try {
      await page
        .getByRole('button', { name: /^Pay now/ })
        .first()
        .waitFor({ timeout: 10_000 });
      return await page.evaluate(() => {
        const box = (element: Element) => element.getBoundingClientRect();
        const image = box(document.querySelector('.pp-Layout > .pp-Image')!);
        const details = box(document.querySelector('.pp-Layout > .pp-BlockStack')!);
        return { image: { left: image.left, right: image.right, top: image.top, bottom: image.bottom }, details: { left: details.left, top: details.top } };
      });
    } finally {
      await page.close();
    }
  }

  it("lays the offer out as Layout's media ask: picture beside the details from checkout's large viewport, above them below it", async () => {
    const wide = await offerBoxes(1280);
    // [440, 32, 'fill']: a 440 px picture, a 32 px gutter, then the details, tops aligned.
    expect(Math.round(wide.image.right - wide.image.left)).toBe(440);
    expect(Math.round(wide.details.left - wide.image.right)).toBe(32);
    expect(Math.round(wide.details.top)).toBe(Math.round(wide.image.top));
    // [1, 0, 1]: the picture, then the details under it, both starting at the same left edge.
    const narrow = await offerBoxes(390);
    expect(narrow.details.top).toBeGreaterThan(narrow.image.bottom);
    expect(Math.round(narrow.details.left)).toBe(Math.round(narrow.image.left));
  }, 30_000);
});
