import { describe, expect, it } from 'vitest';
import { pageReference, Storefront, DEFAULT_THEME_DIR, type CustomerPage } from '@encore/studio/storefront.ts';
import { findBundledStore } from '@encore/fixtures/bundled.ts';
import { differences, readLocale, type Tree } from '../support/locale-tree.ts';

const TRANSLATED = ['da', 'nb', 'nl', 'th'] as const;
const read = (file: string): Tree => readLocale(`${DEFAULT_THEME_DIR}/locales/${file}`);

describe.each(TRANSLATED)('locale %s', (code) => {
  it('has every storefront key of en.default.json, with the same placeholders and its own plural forms', () => {
    expect(differences(read('en.default.json'), read(`${code}.json`), code, code)).toEqual([]);
  });

  it('has every theme editor key of en.default.schema.json', () => {
    expect(differences(read('en.default.schema.json'), read(`${code}.schema.json`), code, `${code}.schema`)).toEqual([]);
  });
});

/** A page of a bundled store rendered in that store's own language. */
async function page(page: CustomerPage, locale: string): Promise<string> {
  const reference = pageReference(page);
  const found = findBundledStore(reference);
  if (!found) throw new Error(`no bundled store has ${JSON.stringify(reference)}`);
  const { body, untranslated } = await new Storefront({ store: found.store }).render(page, { locale });
  expect(untranslated).toEqual([]);
  return body;
}

const account = (customer: string, locale: string) => page({ template: 'customers/account', customer }, locale);
const order = (name: string, locale: string) => page({ template: 'customers/order', order: name }, locale);

describe("pages in the shop's own language", () => {
  it('Danish: dates with month names, "1 vare" singular, VAT included with a space before %', async () => {
    const mette = await account('mette-hansen', 'da');
    expect(mette).toContain('<time datetime="2026-03-18T20:05:00Z">18. marts 2026</time>');
    expect(mette).toContain('0 af 1 vare afsendt');
    const delivered = await order('2001', 'da');
    expect(delivered).toContain('Ordre #2001');
    expect(delivered).toMatch(/<th scope="row" class="encore-money-line__label">Inkl\. Moms \(25 %\)<\/th>\s*<td>189,20 kr\.<\/td>/);
    expect(delivered).toMatch(/Afsendt med PostNord den <time datetime="[^"]+">27\. februar 2026<\/time>/);
  });

  it('Norwegian: plural "varer" for three items', async () => {
    const ingrid = await account('ingrid-berg', 'nb');
    expect(ingrid).toContain('2 av 3 varer sendt');
    expect(ingrid).toContain('15. mars 2026</time>');
  });

  it('Dutch: "artikelen" and Dutch month names', async () => {
    const pieter = await account('pieter-janssens', 'nl');
    expect(pieter).toContain('2 van 3 artikelen verzonden');
    expect(pieter).toContain('<time datetime="2026-03-12T15:40:00Z">12 maart 2026</time>');
  });

  it('Thai: one plural form for every count, Gregorian years as Shopify prints them', async () => {
    const niran = await account('niran-srisuk', 'th');
    expect(niran).toContain('<html lang="th">');
    expect(niran).toContain('ขอบคุณสำหรับคำสั่งซื้อ 2 รายการของคุณ');
    expect(niran).toContain('<time datetime="2026-03-18T04:20:00Z">18 มีนาคม 2026</time>');
    const paid = await order('5001', 'th');
    expect(paid).toMatch(/<th scope="row" class="encore-money-line__label">รวม VAT \(7%\)<\/th>\s*<td>฿125\.61<\/td>/);
  });
});

describe('the status columns of the account page speak the page language', () => {
  // The default store publishes en and fr; the studio adds every theme language, and so does this storefront.
  const store = new Storefront().store;
  const multilingual = new Storefront({ store: { ...store, shop: { ...store.shop, published_locales: [...store.shop.published_locales, ...TRANSLATED] } } });

  /** Each row's payment and fulfillment cells (the 3rd and 4th), by order name. */
  async function statusCells(customer: string, locale: string): Promise<Record<string, [string, string]>> {
    const { body, untranslated } = await multilingual.render({ template: 'customers/account', customer }, { locale });
    expect(untranslated).toEqual([]);
    const rows: Record<string, [string, string]> = {};
    for (const [, name, row] of body.matchAll(/<tr class="encore-account__row" data-encore-order-name="([^"]+)">([\s\S]*?)<\/tr>/g)) {
      const cells = [...row.matchAll(/<t[dh]\b[^>]*>([\s\S]*?)<\/t[dh]>/g)].map((m) =>
        m[1]
          .replace(/<[^>]+>/g, ' ')
          .replace(/\s+/g, ' ')
          .trim(),
      );
      rows[name] = [cells[2], cells[3]];
    }
    return rows;
  }

  // Every English word Shopify's status labels and the theme's fulfillment column use.
  const ENGLISH =
    /\b(Authorized|Expired|Paid|Partially|Pending|Refunded|Unpaid|Voided|Complete|Fulfilled|Unfulfilled|Partial|Restocked|Cancelled|shipped|items?)\b/;

  // casey: #1002 awaits payment, #1006 was cancelled and refunded, #1007 partly refunded, the rest paid;
  // riley's #1008 is authorized only.
  it.each([
    ['da', { paid: 'Betalt', pending: 'Afventer', refunded: 'Refunderet', partially_refunded: 'Delvist refunderet', authorized: 'Godkendt' }],
    ['nb', { paid: 'Betalt', pending: 'Venter', refunded: 'Refundert', partially_refunded: 'Delvis refundert', authorized: 'Autorisert' }],
    [
      'nl',
      { paid: 'Betaald', pending: 'In behandeling', refunded: 'Terugbetaald', partially_refunded: 'Gedeeltelijk terugbetaald', authorized: 'Geautoriseerd' },
    ],
    ['th', { paid: 'ชำระแล้ว', pending: 'รอดำเนินการ', refunded: 'คืนเงินแล้ว', partially_refunded: 'คืนเงินแล้วบางส่วน', authorized: 'อนุมัติแล้ว' }],
  ])('%s: payment in its words, no English in either column', async (locale, words) => {
    const casey = await statusCells('casey', locale);
    const riley = await statusCells('riley', locale);
    expect(Object.fromEntries(Object.entries(casey).map(([name, [payment]]) => [name, payment]))).toEqual({
      '#1001': words.paid,
      '#1002': words.pending,
      '#1003': words.paid,
      '#1004': words.paid,
      '#1005': words.paid,
      '#1006': words.refunded,
      '#1007': words.partially_refunded,
    });
    expect(riley['#1008'][0]).toBe(words.authorized);
    for (const [name, [payment, fulfillment]] of Object.entries({ ...casey, ...riley })) {
      expect(payment, `${locale} ${name}`).not.toMatch(ENGLISH);
      expect(fulfillment, `${locale} ${name}`).not.toMatch(ENGLISH);
    }
  });

  it('en: the same columns in English, so the check above would notice them', async () => {
    const casey = await statusCells('casey', 'en');
    expect(casey['#1007']).toEqual(['Partially refunded', '3 of 3 items shipped']);
    expect(casey['#1006']).toEqual(['Refunded', 'Cancelled']);
  });
});
