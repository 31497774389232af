/**
 * `order.financial_status_label`, `fulfillment_status_label`, `cancel_reason_label` and
 * `transaction.status_label`: Shopify's reference calls them "the localized version" (the last "translated based
 * on the current locale"), so a page in Danish gets Danish words from Shopify itself, whatever the theme ships.
 * English must be Shopify's own system translation (`shopify.notices.order.*`).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Liquid } from 'liquidjs';
import { describe, expect, it } from 'vitest';
import { systemTranslations } from '@encore/liquid/filters/translate.ts';
import { loadStore } from '@encore/fixtures/load.ts';
import { liquidGlobals } from '@encore/fixtures/liquid/index.ts';
import { CANCEL_REASON_LABELS, FINANCIAL_STATUS_LABELS, FULFILLMENT_STATUS_LABELS, TRANSACTION_STATUS_LABELS } from '@encore/fixtures/liquid/labels.ts';

const THEME_LANGUAGES = ['en', 'da', 'nb', 'nl', 'th'] as const;

const require = createRequire(import.meta.url);
const objects: { name: string; properties?: { name: string; return_type: { name: string }[] }[] }[] = JSON.parse(
  readFileSync(require.resolve('@shopify/theme-check-docs-updater/data/objects.json'), 'utf8'),
);
/**
 * The values objects.json lists for a status: on the status itself for financial_status, on its `_label`
 * for fulfillment_status (the reference puts them there).
 */
const documented = (property: string) => {
  const order = objects.find((o) => o.name === 'order')!.properties!;
  const values = order.filter((p) => p.name === property || p.name === `${property}_label`).flatMap((p) => p.return_type.map((t) => t.name));
  return [...new Set(values.filter(Boolean))].sort();
};

describe('every documented status has a label in each theme language', () => {
  it.each([
    [
      'financial_status',
      FINANCIAL_STATUS_LABELS,
      ['authorized', 'expired', 'paid', 'partially_paid', 'partially_refunded', 'pending', 'refunded', 'unpaid', 'voided'],
    ],
    ['fulfillment_status', FULFILLMENT_STATUS_LABELS, ['complete', 'fulfilled', 'partial', 'restocked', 'unfulfilled']],
  ] as const)('%s', (property, localized, statuses) => {
    const labels = localized as Readonly<Record<string, Readonly<Record<string, string>>>>;
    expect(documented(property)).toEqual(statuses);
    expect(Object.keys(labels).sort()).toEqual([...THEME_LANGUAGES].sort());
    for (const language of THEME_LANGUAGES) expect(Object.keys(labels[language]).sort(), language).toEqual(statuses);
    // English is Shopify's own wording; every other language says each status in its own words.
    const system = systemTranslations();
    for (const status of statuses) {
      expect(labels.en[status], status).toBe(system[`shopify.notices.order.${property}.${status}`]);
      for (const language of THEME_LANGUAGES.slice(1)) expect(labels[language][status], `${language} ${status}`).not.toBe(labels.en[status]);
    }
  });
});

/** The last segments of Shopify's system translation keys under `shopify.notices.order.<group>.`. */
const systemValues = (group: string) =>
  Object.keys(systemTranslations())
    .filter((key) => key.startsWith(`shopify.notices.order.${group}.`))
    .map((key) => key.slice(`shopify.notices.order.${group}.`.length))
    .sort();

describe('every cancel reason and transaction status Shopify words has a label in each theme language', () => {
  it.each([
    ['cancel_reason', CANCEL_REASON_LABELS, ['customer', 'declined', 'fraud', 'inventory', 'other', 'staff']],
    ['transaction_status', TRANSACTION_STATUS_LABELS, ['error', 'failure', 'pending', 'success']],
  ] as const)('%s', (group, localized, values) => {
    const labels = localized as Readonly<Record<string, Readonly<Record<string, string>>>>;
    expect(systemValues(group)).toEqual(values);
    expect(Object.keys(labels).sort()).toEqual([...THEME_LANGUAGES].sort());
    const system = systemTranslations();
    for (const language of THEME_LANGUAGES) expect(Object.keys(labels[language]).sort(), language).toEqual(values);
    for (const value of values) {
      expect(labels.en[value], value).toBe(system[`shopify.notices.order.${group}.${value}`]);
      for (const language of THEME_LANGUAGES.slice(1)) expect(labels[language][value], `${language} ${value}`).not.toBe(labels.en[value]);
    }
  });
});

describe("labels follow the page's language", () => {
  const store = loadStore();
  // The studio publishes every language the theme ships; the fixture itself publishes en and fr.
  const multilingual = { ...store, shop: { ...store.shop, published_locales: [...THEME_LANGUAGES, 'fr', 'nl-BE'] } };
  const liquid = new Liquid({ ownPropertyOnly: true });
  /** casey's orders by name: `#1001 financial label / fulfillment label`. */
  const caseyIn = (locale: string) =>
    liquid
      .parseAndRenderSync(
        '{% for o in customer.orders %}{{ o.name }} {{ o.financial_status_label }} / {{ o.fulfillment_status_label }}\n{% endfor %}',
        liquidGlobals(multilingual, { customerHandle: 'casey', locale }),
      )
      .trim()
      .split('\n')
      .sort();

  // casey's history: #1001 and #1005 paid and waiting to ship, #1002 waiting for payment, #1003 half shipped,
  // #1004 shipped, #1006 cancelled (refunded, restocked), #1007 partly refunded.
  it.each([
    [
      'en',
      [
        '#1001 Paid / Unfulfilled',
        '#1002 Pending / Unfulfilled',
        '#1003 Paid / Partial',
        '#1004 Paid / Fulfilled',
        '#1005 Paid / Unfulfilled',
        '#1006 Refunded / Restocked',
        '#1007 Partially refunded / Fulfilled',
      ],
    ],
    [
      'da',
      [
        '#1001 Betalt / Ikke afsendt',
        '#1002 Afventer / Ikke afsendt',
        '#1003 Betalt / Delvist afsendt',
        '#1004 Betalt / Afsendt',
        '#1005 Betalt / Ikke afsendt',
        '#1006 Refunderet / Lagt tilbage på lager',
        '#1007 Delvist refunderet / Afsendt',
      ],
    ],
    [
      'nb',
      [
        '#1001 Betalt / Ikke sendt',
        '#1002 Venter / Ikke sendt',
        '#1003 Betalt / Delvis sendt',
        '#1004 Betalt / Sendt',
        '#1005 Betalt / Ikke sendt',
        '#1006 Refundert / Lagt tilbake på lager',
        '#1007 Delvis refundert / Sendt',
      ],
    ],
    [
      'nl',
      [
        '#1001 Betaald / Niet verzonden',
        '#1002 In behandeling / Niet verzonden',
        '#1003 Betaald / Gedeeltelijk verzonden',
        '#1004 Betaald / Verzonden',
        '#1005 Betaald / Niet verzonden',
        '#1006 Terugbetaald / Terug op voorraad',
        '#1007 Gedeeltelijk terugbetaald / Verzonden',
      ],
    ],
    [
      'th',
      [
        '#1001 ชำระแล้ว / ยังไม่ได้จัดส่ง',
        '#1002 รอดำเนินการ / ยังไม่ได้จัดส่ง',
        '#1003 ชำระแล้ว / จัดส่งแล้วบางส่วน',
        '#1004 ชำระแล้ว / จัดส่งแล้ว',
        '#1005 ชำระแล้ว / ยังไม่ได้จัดส่ง',
        '#1006 คืนเงินแล้ว / นำกลับเข้าสต็อกแล้ว',
        '#1007 คืนเงินแล้วบางส่วน / จัดส่งแล้ว',
      ],
    ],
  ])('%s', (locale, rows) => {
    expect(caseyIn(locale)).toEqual(rows);
  });

  it("riley's authorized order #1008", () => {
    const render = (locale: string) =>
      liquid.parseAndRenderSync('{{ order.financial_status_label }}', liquidGlobals(multilingual, { orderId: '1008', locale }));
    expect(THEME_LANGUAGES.map(render)).toEqual(['Authorized', 'Godkendt', 'Autorisert', 'Geautoriseerd', 'อนุมัติแล้ว']);
  });

  it("casey's cancelled #1006 gives its reason, and #1002 its pending payment, in the page's language", () => {
    const render = (locale: string, orderId: string, source: string) => liquid.parseAndRenderSync(source, liquidGlobals(multilingual, { orderId, locale }));
    const reasons = THEME_LANGUAGES.map((locale) => render(locale, '1006', '{{ order.cancel_reason }}: {{ order.cancel_reason_label }}'));
    expect(reasons).toEqual([
      'customer: Customer changed/cancelled order',
      'customer: Kunden ændrede/annullerede ordren',
      'customer: Kunden endret/kansellerte bestillingen',
      'customer: Klant heeft bestelling gewijzigd/geannuleerd',
      'customer: ลูกค้าเปลี่ยนแปลง/ยกเลิกคำสั่งซื้อ',
    ]);
    // #1006 was paid and then refunded: two transactions that went through; #1002's sale still waits.
    const source = '{% for t in order.transactions %}{{ t.kind }} {{ t.status_label }}{% unless forloop.last %}, {% endunless %}{% endfor %}';
    expect(render('da', '1006', source)).toBe('sale Gennemført, refund Gennemført');
    expect(THEME_LANGUAGES.map((locale) => render(locale, '1002', source))).toEqual([
      'sale Pending',
      'sale Afventer',
      'sale Venter',
      'sale In behandeling',
      'sale รอดำเนินการ',
    ]);
    // An order that was not cancelled has no reason to give.
    expect(render('nl', '1001', '[{{ order.cancel_reason_label }}]')).toBe('[]');
  });

  it('a regional code reads its language (nl-BE: Dutch); a language without words here yet (fr) gets English', () => {
    expect(caseyIn('nl-BE').at(-1)).toBe('#1007 Gedeeltelijk terugbetaald / Verzonden');
    expect(caseyIn('fr').at(-1)).toBe('#1007 Partially refunded / Fulfilled');
  });
});
