// @vitest-environment node
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { brokenWords, chromiumPath, openPage, themesWithEncore, useBrowserAndThemeStudio } from './support.ts';

/**
 * Small visual faults of the order page, measured in Chromium in Encore's own theme and inside Dawn 15.4.1
 * (a temporary copy with Encore added, as `npm run theme:add` does): link colours as computed, the product
 * column's row line as painted, a gift card's properties as laid out, tracking numbers in the narrowest card.
 */
const themes = themesWithEncore('the order page checks');

describe.skipIf(!chromiumPath).each(themes)('the order page in $name', ({ dawn }) => {
  const session = useBrowserAndThemeStudio(dawn, 'encore-order-look-');

  async function open(route: string, width = 1280): Promise<Page> {
    const { page, status } = await openPage(session.browser, new URL(route, session.studio.url).href, { viewport: { width, height: 900 }, waitUntil: 'load' });
    expect(status).toBe(200);
    return page;
  }

  /** Computed colours of the section's text links, and the colour they should have: the theme's link colour, else the text colour. */
  async function linkColours(page: Page, selector: string) {
    return page.evaluate((selector) => {
      const section = document.querySelector('.encore-order, .encore-account')!;
      const style = getComputedStyle(section);
      const link = style.getPropertyValue('--color-link').trim();
      const expected = link
        ? `rgb(${link
            .split(',')
            .map((part) => part.trim())
            .join(', ')})`
        : style.color;
      return { expected, colours: [...new Set([...section.querySelectorAll(selector)].map((element) => getComputedStyle(element).color))] };
    }, selector);
  }

  it('links on the order page have the colour of the account page links: the theme link colour, else the text colour, never the browser blue', async () => {
    const order = await open('/account/orders/1003');
    const account = await open('/account?customer=casey');
    try {
      const onOrder = await linkColours(order, '.encore-order__link, .encore-order-items__title, .encore-shipment-card__link');
      const onAccount = await linkColours(account, '.encore-account__link, .encore-account__order-link');
      expect(onOrder.colours).toEqual([onOrder.expected]);
      expect(onAccount.colours).toEqual([onAccount.expected]);
      expect(onOrder.expected).toBe(onAccount.expected);
      expect(onOrder.colours).not.toContain('rgb(0, 0, 238)');
    } finally {
      await Promise.all([order.close(), account.close()]);
    }
  });

  it("each line item row's bottom line is painted at one height under the Product column and the others", async () => {
    const page = await open('/account/orders/1003');
    try {
      const rows = await page.$$('.encore-order-items__row');
      expect(rows.length).toBe(3);
      for (const row of rows) {
        await row.scrollIntoViewIfNeeded();
        const box = (await row.boundingBox())!;
        const clip = { x: box.x, y: box.y + box.height - 4, width: box.width, height: 8 };
        const png = (await page.screenshot({ clip })).toString('base64');
        // Where, in each column, a line crosses the strip: the strip's rows darker than the strip's top row.
        const lines = await row.evaluate(
          async (element, { png, clip }) => {
            const image = await createImageBitmap(await (await fetch(`data:image/png;base64,${png}`)).blob());
            const canvas = new OffscreenCanvas(image.width, image.height);
            const context = canvas.getContext('2d')!;
            context.drawImage(image, 0, 0);
            const scale = image.width / clip.width;
            const cells = [...element.children].map((cell) => cell.getBoundingClientRect());
            // A few pixels inside each cell's right edge: padding, where nothing but the line is painted.
            return cells.map((cell) => {
              const x = Math.round((cell.right - 3 - clip.x) * scale);
              const column = context.getImageData(x, 0, 1, image.height).data;
              const light = (y: number) => column[y * 4] + column[y * 4 + 1] + column[y * 4 + 2];
              const dark: number[] = [];
              for (let y = 0; y < image.height; y += 1) if (light(0) - light(y) > 20) dark.push(Math.round(y / scale));
              return dark.join(',');
            });
          },
          { png, clip },
        );
        expect(lines[0]).not.toBe('');
        expect(new Set(lines)).toEqual(new Set([lines[0]]));
      }
    } finally {
      await page.close();
    }
  });

  it.each([1280, 390])("#1009's gift card at %i px: recipient and message values start at one edge, each beside its name", async (width) => {
    const page = await open('/account/orders/1009', width);
    try {
      const properties = await page.evaluate(() =>
        [...document.querySelectorAll('.encore-order-items__property')].map((property) => {
          const name = property.querySelector('dt')!.getBoundingClientRect();
          const value = property.querySelector('dd')!.getBoundingClientRect();
          return {
            text: property.textContent!.replace(/\s+/g, ' ').trim(),
            nameLeft: name.left,
            nameRight: name.right,
            valueLeft: value.left,
            nameTop: name.top,
            valueTop: value.top,
          };
        }),
      );
      expect(properties.map((property) => property.text)).toEqual(['Recipient email: jamie.chen@example.com', 'Message: Happy birthday, Jamie!']);
      const [recipient, message] = properties;
      expect(message.valueLeft).toBe(recipient.valueLeft);
      expect(message.nameLeft).toBe(recipient.nameLeft);
      for (const property of properties) {
        expect(property.valueTop).toBe(property.nameTop);
        // Beside its name: after it, by less than two characters' gap (no 40 px indent of a <dd>).
        expect(property.valueLeft).toBeGreaterThanOrEqual(Math.max(recipient.nameRight, message.nameRight));
        expect(property.valueLeft - Math.max(recipient.nameRight, message.nameRight)).toBeLessThan(16);
      }
    } finally {
      await page.close();
    }
  });

  it("#1009's gift card at 390 px: its properties run under the picture at the row's width, every word whole", async () => {
    const page = await open('/account/orders/1009', 390);
    try {
      const box = await page.evaluate(() => {
        const row = [...document.querySelectorAll('.encore-order-items__row')].find((element) => element.querySelector('.encore-order-items__properties'))!;
        const edge = (selector: string) => row.querySelector(selector)!.getBoundingClientRect();
        return {
          image: edge('.encore-order-items__image'),
          properties: edge('.encore-order-items__properties'),
          label: row.querySelector('.encore-order-items__cell')!.getBoundingClientRect(),
        };
      });
      // Under the picture, starting at its edge and at the price label's: not squeezed into the column beside it.
      expect(box.properties.top).toBeGreaterThanOrEqual(box.image.bottom);
      expect(Math.round(box.properties.left)).toBe(Math.round(box.image.left));
      expect(Math.round(box.image.left)).toBe(Math.round(box.label.left));
      // "jamie.chen@example.com" broke after "jamie.chen@ex" in the narrow column.
      const { words, broken } = await brokenWords(page, '.encore-order-items__properties', '.encore-order');
      expect(words).toBe(7);
      expect(broken).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it.each([1280, 390])('#1009 at %i px: the properties are in the colour and size of the option line above them', async (width) => {
    const page = await open('/account/orders/1009', width);
    try {
      const looks = await page.evaluate(() => {
        const look = (selector: string) => {
          const style = getComputedStyle(document.querySelector(selector)!);
          return `${style.color} ${style.fontSize}`;
        };
        return {
          option: look('.encore-order-items__meta'),
          name: look('.encore-order-items__property-name'),
          value: look('.encore-order-items__property-value'),
        };
      });
      expect(looks.name).toBe(looks.option);
      expect(looks.value).toBe(looks.option);
    } finally {
      await page.close();
    }
  });

  it('at 320 px the shipment cards of #1003 keep each tracking number on one line', async () => {
    const page = await open('/account/orders/1003', 320);
    try {
      const numbers = await page.$$eval('.encore-shipment-card__tracking-number', (items) => items.map((item) => item.textContent!.trim()));
      expect(numbers).toEqual(['1Z999AA10123456784', '9400111899223197428490']);
      const { words, broken } = await brokenWords(page, '.encore-shipment-card__tracking-number', '.encore-order');
      expect(words).toBe(2);
      expect(broken).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
