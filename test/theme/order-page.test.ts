import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findBundledStore, loadBundledStores } from '@encore/fixtures/bundled.ts';
import { DEFAULT_THEME_DIR, Storefront } from '@encore/studio/storefront.ts';
import { studioStorefront } from '@encore/studio/studio.ts';

/** Values below are read off the fixtures by hand (tools/fixtures/stores/default-store.json, fixtures/*.json). */
const storefront = new Storefront();
const storefronts = new Map<string, Storefront>();
/** The default store publishing every language the theme ships. */
const everyLanguage = new Storefront({
  store: { ...storefront.store, shop: { ...storefront.store.shop, published_locales: ['en', 'da', 'nb', 'nl', 'th'] } },
});

async function orderPage(order: string): Promise<string> {
  const bundled = findBundledStore({ order })!;
  let front = storefronts.get(bundled.file);
  if (!front) storefronts.set(bundled.file, (front = bundled.name === 'default-store.json' ? storefront : new Storefront({ store: bundled.store })));
  // In English, whatever the shop's primary language, so amounts are read by their English labels.
  const { status, body } = await front.render({ template: 'customers/order', order }, { locale: 'en' });
  expect(status).toBe(200);
  return body;
}

/** The text of an HTML fragment as a reader sees it: tags dropped, whitespace collapsed, entities kept. */
const text = (html: string): string =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Every element `<tag … attribute …>…</tag>` (no nesting of the same tag), in page order. */
function elements(html: string, tag: string, attribute: string): string[] {
  return [...html.matchAll(new RegExp(`<${tag}\\b[^>]*${attribute}[^>]*>[\\s\\S]*?</${tag}>`, 'g'))].map((match) => match[0]);
}

/** The summary rows: `[part, subunits, included]` in page order. */
function moneyLines(html: string): { part: string; amount: number; included: boolean; text: string }[] {
  return elements(html, 'tr', 'data-encore-total-part=').map((row) => ({
    part: /data-encore-total-part="([a-z]+)"/.exec(row)![1],
    amount: Number(/data-encore-amount="(-?\d+)"/.exec(row)![1]),
    included: /\sdata-encore-included[\s>]/.test(row),
    text: text(row),
  }));
}

describe('#1003: two shipments and an item still being prepared', () => {
  it('shows one card per shipment with its carrier, items and every tracking number linked', async () => {
    const cards = elements(await orderPage('1003'), 'article', 'class="encore-shipment-card"');
    expect(cards).toHaveLength(2);
    expect(text(cards[0])).toContain('Shipped on March 04, 2026');
    expect(/data-encore-carrier>([^<]*)</.exec(cards[0])![1]).toBe('UPS');
    expect(cards[0]).toContain('<a href="https://www.ups.com/track?tracknum=1Z999AA10123456784"');
    expect(text(cards[0])).toContain('Cedar Candle - 8 oz Quantity: 2');
    expect(/data-encore-carrier>([^<]*)</.exec(cards[1])![1]).toBe('USPS');
    expect(cards[1]).toContain('<a href="https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223197428490"');
    expect(text(cards[1])).toContain('Wick Trimmer Quantity: 1');
    expect(cards[1]).not.toContain('Cedar Candle');
  });

  it('lists the reed diffuser, and only it, as being prepared', async () => {
    const [preparing] = elements(await orderPage('1003'), 'ul', 'data-encore-preparing');
    expect(elements(preparing, 'li', 'data-encore-line-item-id=').map(text)).toEqual(['Reed Diffuser - Amber Quantity: 1']);
  });

  it('builds Buy again as the cart permalink of the three lines, variant:quantity', async () => {
    expect(await orderPage('1003')).toMatch(/href="\/cart\/4003:2,4006:1,4009:1"\s+data-encore-buy-again/);
  });

  // A cart permalink opens checkout with the items (https://shopify.dev/docs/apps/build/checkout/create-cart-permalinks):
  // the hint beside the button, which also describes it to screen readers, says so in every language.
  it.each([
    ['en', 'Goes to checkout with the items from this order that can still be bought, in the same quantities.'],
    ['da', 'Går til kassen med de varer fra denne ordre, der stadig kan købes, i samme antal.'],
    ['nb', 'Går til kassen med varene fra denne bestillingen som fortsatt kan kjøpes, i samme antall.'],
    ['nl', 'Gaat naar de kassa met de artikelen uit deze bestelling die nog te koop zijn, in dezelfde aantallen.'],
    ['th', 'ไปที่หน้าชำระเงินพร้อมสินค้าจากคำสั่งซื้อนี้ที่ยังมีจำหน่าย ในจำนวนเท่าเดิม'],
  ])('says in %s that Buy again goes to checkout with the order, not to a cart', async (locale, hint) => {
    const { body } = await everyLanguage.render({ template: 'customers/order', order: '1003' }, { locale });
    const link = /<a\b[^>]*data-encore-buy-again[^>]*>/.exec(body)![0];
    const described = /aria-describedby="([^"]+)"/.exec(link)![1];
    expect(text(new RegExp(`<span[^>]*id="${described}"[^>]*>([^<]*)</span>`).exec(body)![1])).toBe(hint);
    expect(body).not.toMatch(/new cart|ny kurv|ny handlekurv|nieuwe winkelwagen|ตะกร้าใหม่/);
  });

  it('counts each line in the table: 2 of 2 and 1 of 1 shipped, 0 of 1 being prepared', async () => {
    const rows = elements(await orderPage('1003'), 'tr', 'class="encore-order-items__row"').map(text);
    expect(rows[0]).toContain('2 of 2 2 shipped');
    expect(rows[1]).toContain('1 of 1 1 shipped');
    expect(rows[2]).toContain('0 of 1 1 being prepared');
  });

  it('shows the free-shipping discount against the shipping it took off', async () => {
    const lines = moneyLines(await orderPage('1003'));
    expect(lines.map((line) => line.text)).toEqual([
      'Subtotal $108.00',
      'Shipping (Standard) $5.95',
      'Shipping discount (Free shipping over $100) −$5.95',
      'NY Sales Tax (8.875%) $9.59',
      'Total $117.59 USD',
    ]);
  });
});

describe("a tax rate in the reader's language", () => {
  // New York's 8.875 %: Liquid prints the number with a point, which in Danish, Norwegian and Dutch groups
  // thousands ("8.875" reads as eight thousand eight hundred and seventy-five). Each language's own spacing
  // before the percent sign is kept.
  // The default store publishes en and fr; the studio's storefront publishes every language the theme ships.
  const studio = studioStorefront({});
  it.each([
    ['en', 'NY Sales Tax (8.875%)'],
    ['da', 'NY Sales Tax (8,875 %)'],
    ['nb', 'NY Sales Tax (8,875 %)'],
    ['nl', 'NY Sales Tax (8,875%)'],
    ['th', 'NY Sales Tax (8.875%)'],
  ])("#1003's sales tax in %s reads %s", async (locale, label) => {
    const { body } = await studio.render({ template: 'customers/order', order: '1003' }, { locale });
    const tax = moneyLines(body).find((line) => line.part === 'tax')!;
    expect(tax.text).toBe(`${label} $9.59`);
  });

  it("#1013's four Chicago taxes in Danish: 6,25 %, 1,75 %, 1,25 % and a whole 1 %", async () => {
    const { body } = await studio.render({ template: 'customers/order', order: '1013' }, { locale: 'da' });
    const labels = moneyLines(body)
      .filter((line) => line.part === 'tax')
      .map((line) => /\(([^)]*)\)/.exec(line.text)![1]);
    expect(labels).toEqual(['6,25 %', '1,75 %', '1,25 %', '1 %']);
  });
});

describe('#1007: partially refunded', () => {
  it('shows the refund and the net payment, total − refunded', async () => {
    const lines = moneyLines(await orderPage('1007'));
    const byPart = Object.fromEntries(lines.map((line) => [line.part, line]));
    expect(byPart.total.text).toBe('Total $106.12 USD');
    expect(byPart.refunded.text).toBe('Refunded −$17.42');
    expect(byPart.net.text).toBe('Net payment $88.70 USD');
    expect(byPart.net.amount).toBe(10612 - 1742);
  });

  it('links both UPS packages of the one shipment, the second link derived from the first', async () => {
    const [card] = elements(await orderPage('1007'), 'article', 'class="encore-shipment-card"');
    expect(text(card)).toContain('Tracking numbers');
    expect(card).toContain('<a href="https://www.ups.com/track?tracknum=1Z999AA10123456800"');
    expect(card).toContain('<a href="https://www.ups.com/track?tracknum=1Z999AA10123456819"');
  });

  it('lists the sale and the refund with the card used', async () => {
    const rows = elements(await orderPage('1007'), 'tr', 'data-encore-transaction-kind=').map(text);
    expect(rows).toEqual([
      'Payment Visa ending in 4242 via Shopify Payments February 20, 2026 Successful $106.12',
      'Refund Visa ending in 4242 via Shopify Payments February 27, 2026 Successful $17.42',
    ]);
  });
});

describe('#1012: duties to Canada', () => {
  it('shows the duties and a total they add up to', async () => {
    const lines = moneyLines(await orderPage('1012'));
    expect(lines.map((line) => line.text)).toEqual([
      'Subtotal $106.00',
      'Shipping (International Express) $24.95',
      'HST (13%) $13.78',
      'Duties $2.73',
      'Total $147.46 USD',
    ]);
    expect(10600 + 2495 + 1378 + 273).toBe(14746);
  });
});

describe('money adds up on every order of every bundled store', () => {
  const orders = loadBundledStores().flatMap(({ store }) => store.customers.flatMap((customer) => customer.orders.map((order) => order.name.slice(1))));

  it.each(orders)('#%s: subtotal − discounts + shipping + taxes + duties = total; total − refunded = net', async (order) => {
    const lines = moneyLines(await orderPage(order));
    const sum = (part: string, filter: (line: (typeof lines)[number]) => boolean = () => true) =>
      lines.filter((line) => line.part === part && filter(line)).reduce((total, line) => total + line.amount, 0);
    const total = sum('total');
    expect(lines.filter((line) => line.part === 'total')).toHaveLength(1);
    expect(sum('subtotal') - sum('discount') + sum('shipping') + sum('tax', (line) => !line.included) + sum('duties')).toBe(total);
    const refunded = sum('refunded');
    if (refunded > 0) expect(total - refunded).toBe(sum('net'));
    else expect(lines.some((line) => line.part === 'net')).toBe(false);
  });
});

describe('payment', () => {
  it('#1014 (Net 30, nothing paid): pending with the whole total due; Liquid has no payment terms, so no due date or overdue claim', async () => {
    const page = await orderPage('1014');
    expect(page).toContain('data-encore-financial-status="pending"');
    expect(text(elements(page, 'p', 'data-encore-amount-due=')[0])).toBe('Amount due: $457.00 USD');
    expect(text(page)).toContain('No payment has been made yet.');
    expect(page).toContain('data-encore-headline="payment_pending"');
    expect(page).not.toMatch(/overdue/i);
  });

  it("names the payment status as the account page's order history does: Shopify's financial_status_label", async () => {
    const badge = (page: string) =>
      /<span class="encore-status-badge__label">([^<]*)<\/span>/.exec(elements(page, 'div', 'class="encore-order-payment"')[0]!)![1];
    expect(badge(await orderPage('1007'))).toBe('Partially refunded');
    expect(badge(await orderPage('3006'))).toBe('Partially paid');
    expect(badge(await orderPage('1008'))).toBe('Authorized');
    const { body } = await storefront.render({ template: 'customers/account', customer: 'casey' }, { locale: 'en' });
    expect(text(elements(body, 'tr', 'data-encore-order-name="#1007"')[0]!)).toContain('Partially refunded');
  });

  it('#1008 (card authorized at checkout, not captured): nothing is due from the buyer; the $66.92 is charged when it ships', async () => {
    const page = await orderPage('1008');
    expect(page).toContain('data-encore-financial-status="authorized"');
    expect(text(elements(page, 'p', 'data-encore-amount-due=')[0])).toBe('Authorized, charged when your order ships: $66.92 USD');
    expect(text(page)).not.toContain('Amount due');
  });

  it('#3006 (EUR): €25.00 from the gift card ending K7QM, which it used up, and €17.90 authorized on a Visa for when it ships', async () => {
    const page = await orderPage('3006');
    expect(page).toContain('data-encore-financial-status="partially_paid"');
    expect(text(elements(page, 'p', 'data-encore-amount-due=')[0])).toBe('Authorized, charged when your order ships: €17,90 EUR');
    const rows = elements(page, 'tr', 'data-encore-transaction-kind=').map(text);
    // €25.00 + €17.90 = €42.90, the order's total; a gift card has no gateway line of its own.
    expect(rows).toEqual([
      'Payment Gift card ending in K7QM €0,00 left after this payment March 19, 2026 Successful €25,00',
      'Authorization Visa ending in 4242 via Shopify Payments March 19, 2026 Successful €17,90',
    ]);
  });

  it('#1002 (bank deposit not received): pending, amount due, preparing waits for the payment', async () => {
    const page = await orderPage('1002');
    expect(page).toContain('data-encore-financial-status="pending"');
    expect(page).toMatch(/data-encore-journey-step="preparing"\s+data-encore-journey-state="upcoming"/);
    expect(text(page)).toContain('Prepared once the payment arrives');
  });
});

describe('#1010: local pickup', () => {
  it("shows the pickup location, Shopify's shipping line title for pickup orders, instead of a shipping address", async () => {
    const page = await orderPage('1010');
    const [pickup] = elements(page, 'div', 'data-encore-address="pickup"');
    expect(text(pickup)).toBe('Pickup Pickup location: Brooklyn studio');
    expect(page).not.toContain('data-encore-address="shipping"');
  });

  it('tells the pickup still to come: ready, then picked up', async () => {
    const page = await orderPage('1010');
    expect(page).toMatch(/data-encore-journey-step="ready_for_pickup"\s+data-encore-journey-state="upcoming"/);
    expect(page).toMatch(/data-encore-journey-step="picked_up"\s+data-encore-journey-state="upcoming"/);
  });
});

describe('#1009: digital only', () => {
  it('shows no shipping parts: no shipments, no shipping address, no shipping cost, nothing being prepared', async () => {
    const page = await orderPage('1009');
    expect(page).not.toContain('data-encore-shipments');
    expect(page).not.toContain('data-encore-preparing');
    expect(page).not.toContain('data-encore-address="shipping"');
    expect(moneyLines(page).map((line) => line.part)).toEqual(['subtotal', 'tax', 'total']);
    expect(text(page)).toContain('Delivered digitally on March 15, 2026');
  });
});

describe('line item details', () => {
  it('#1013: the subscription line shows its selling plan', async () => {
    const rows = elements(await orderPage('1013'), 'tr', 'class="encore-order-items__row"').map(text);
    expect(rows[1]).toContain('Plan: Delivery every 30 days, 10% off');
    expect(rows[0]).not.toContain('Plan:');
  });

  it('#1012: a visible property prints as name and value', async () => {
    const rows = elements(await orderPage('1012'), 'tr', 'class="encore-order-items__row"').map(text);
    expect(rows[1]).toContain('Gift message: For the new place. Love, Riley');
  });

  it('#1006: a cancelled order says when and why, and counts its units as cancelled', async () => {
    const page = await orderPage('1006');
    expect(text(page)).toContain('Cancelled on March 12, 2026 Reason: You cancelled the order');
    expect(elements(page, 'tr', 'class="encore-order-items__row"').map(text)[1]).toContain('0 of 2 2 cancelled');
    expect(page).not.toContain('data-encore-preparing');
  });
});

describe('#1015: hostile text prints literally', () => {
  it('escapes every free-text field and hides the private property', async () => {
    const page = await orderPage('1015');
    // Line item property name and value, attribute name and value, discount title, shipping title, carrier.
    expect(page).toContain('<dt class="encore-order-items__property-name">&lt;img src=x onerror=&quot;window.__encoreInjected=1&quot;&gt;:</dt>');
    expect(page).toContain('&lt;script&gt;window.__encoreInjected=1&lt;/script&gt;</dd>');
    expect(page).toContain('<dd dir="auto">javascript:window.__encoreInjected=1</dd>');
    expect(page).toContain('Discount: &lt;img src=x onerror=&quot;window.__encoreInjected=1&quot;&gt; Sorry! 👩🏽‍🚀');
    expect(page).toContain('Shipping (Standard &lt;script&gt;window.__encoreInjected=1&lt;/script&gt;)');
    expect(page).toContain('data-encore-carrier>&quot;&gt;&lt;svg onload=window.__encoreInjected=1&gt;Carrier 👩🏽‍🚀</dd>');
    expect(page).toContain('{{ &#39;liquid&#39; }} {% if %}');
    expect(page).not.toContain('_private');
  });

  it('never links the javascript: tracking URL, nor derives a link from it', async () => {
    const [card] = elements(await orderPage('1015'), 'article', 'class="encore-shipment-card"');
    expect(card).not.toContain('<a ');
    expect(card).toContain('1Z&lt;script&gt;window.__encoreInjected=1&lt;/script&gt;</li>');
  });
});

describe('currency stores print amounts in their own format', () => {
  it('#7001 (JPY, no decimals): yen amounts, consumption taxes included, not added', async () => {
    const page = await orderPage('7001');
    const lines = moneyLines(page);
    expect(lines.map((line) => line.text)).toEqual([
      'Subtotal ¥10,500',
      'Shipping (ヤマト運輸 宅急便) ¥0',
      'Including 消費税 (10%) ¥600',
      'Including 消費税 (8%) ¥289',
      'Total ¥10,500 JPY',
    ]);
    expect(lines.filter((line) => line.part === 'tax').every((line) => line.included)).toBe(true);
    expect(text(page)).toContain('Prices include taxes.');
  });

  it('#3001 (EUR, comma decimals): euro amounts with a decimal comma', async () => {
    const lines = moneyLines(await orderPage('3001'));
    expect(lines.map((line) => line.text)).toEqual([
      'Subtotal €35,80',
      'Shipping (PostNL Brievenbuspakje) €3,95',
      'Including btw (21%) €6,90',
      'Total €39,75 EUR',
    ]);
  });
});

describe('section settings', () => {
  const themeDir = mkdtempSync(join(tmpdir(), 'encore-order-theme-'));
  cpSync(DEFAULT_THEME_DIR, themeDir, { recursive: true });
  const templateFile = join(themeDir, 'templates/customers/order.json');
  const template = JSON.parse(readFileSync(templateFile, 'utf8'));
  template.sections.main.settings = { show_journey: false, show_shipments: false, show_addresses: false, show_note: false, padding_top: 8, padding_bottom: 60 };
  writeFileSync(templateFile, JSON.stringify(template));
  const trimmed = new Storefront({ themeDir, store: storefront.store });
  afterAll(() => rmSync(themeDir, { recursive: true, force: true }));

  it('shows every block by default, with 32px padding', async () => {
    const page = await orderPage('1015');
    for (const marker of ['data-encore-headline=', 'data-encore-shipments', 'data-encore-address="billing"', 'data-encore-order-note'])
      expect(page).toContain(marker);
    expect(page).toContain('--encore-padding-top: 32px; --encore-padding-bottom: 32px;');
  });

  it('hides the journey, shipments, addresses and note when turned off, and applies the padding', async () => {
    const { body } = await trimmed.render({ template: 'customers/order', order: '1015' });
    for (const marker of ['data-encore-headline=', 'data-encore-shipments', 'data-encore-address=', 'data-encore-order-note'])
      expect(body).not.toContain(marker);
    expect(body).toContain('--encore-padding-top: 8px; --encore-padding-bottom: 60px;');
    expect(body).toContain('data-encore-total-part="total"');
  });
});

describe('one date style per page', () => {
  const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
  const orders = loadBundledStores()[0].store.customers.flatMap((customer) => customer.orders.map((order) => order.name.slice(1)));
  it.each(['1003', '1007', '1006', '1009', '1010'])('#%s: header, timeline, shipments and payments all in the long style ("March 04, 2026")', async (order) => {
    const dates = [...(await orderPage(order)).matchAll(/<time datetime="[^"]+">([^<]+)<\/time>/g)].map((match) => match[1]);
    expect(dates.length).toBeGreaterThan(2);
    expect(dates.filter((date) => !new RegExp(`^(${MONTHS}) \\d{2}, \\d{4}$`).test(date))).toEqual([]);
  });
  it('#1003 in its own words: placed on March 03, its first parcel shipped on March 04 in the timeline and on its card', async () => {
    expect(orders).toContain('1003');
    const page = text(await orderPage('1003'));
    expect(page).toContain('Placed on March 03, 2026');
    expect(page).toContain('Shipped with UPS on March 04, 2026');
    expect(page).toContain('Shipped on March 04, 2026');
    expect(page).not.toMatch(/\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{2}, \d{4}/);
  });
});
