// @vitest-environment jsdom
/**
 * The order-index block's components, fed core results computed from the bundled stores: the
 * rows, reasons, prices and cart links a customer reads, for each setting and state.
 */
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { buyAgain, buysAtCompanyPrices, recommendProducts } from '@encore/core/recommendations.ts';
import { OrderIndexBlock, type BlockState } from '../../extensions/order-index/src/OrderIndexBlock.tsx';
import { readSettings } from '../../extensions/order-index/src/settings.ts';
import { wordsOf } from '../../extensions/order-index/src/words.ts';
import { localeTranslator } from './support/i18n.ts';

import { findBundledStore } from '@encore/fixtures/bundled.ts';
import { findCustomer } from '@encore/fixtures/names.ts';

const words = wordsOf({
  translate: localeTranslator('extensions/order-index', 'en'),
  formatCurrency: (amount, options) => new Intl.NumberFormat('en-US', options).format(amount),
  formatDate: (date, options) => new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' }).format(date),
});

/** The core's answer for a bundled customer over the whole catalog. */
function coreResults(handle: string) {
  const { store } = findBundledStore({ customer: handle })!;
  const customer = findCustomer(store, handle)!;
  const now = store.shop.now!;
  const items = buyAgain({ products: store.products, history: customer.orders, now });
  const picks = recommendProducts({
    products: store.products,
    collections: store.collections,
    history: customer.orders,
    now,
    exclude: items.map((item) => item.product.handle),
  });
  // Where the Storefront API serves each image from (tools/fixtures/src/adapters/context.ts imageUrl).
  const imageUrls = new Map(
    store.products.flatMap((product) => product.images.map((image) => [image.file, `https://${store.shop.domain}/cdn/shop/files/${image.file}`] as const)),
  );
  return {
    store,
    items,
    picks,
    state: {
      status: 'ready',
      buyAgain: items,
      picks,
      storefrontUrl: `https://${store.shop.domain}`,
      currency: store.shop.currency,
      imageUrls,
      companyPrices: buysAtCompanyPrices(customer.orders),
    } as BlockState,
  };
}

function show(state: BlockState, settings: Record<string, string | number | boolean> = {}) {
  render(<OrderIndexBlock state={state} settings={readSettings(settings)} words={words} />, document.body);
}

const sections = () => [...document.body.querySelectorAll<Element>('s-section')];
const headings = () => sections().map((section) => section.getAttribute('heading'));
const rows = (section: Element) => [...section.querySelectorAll(':scope > s-query-container > s-stack > s-grid')];
const texts = (row: Element) => [...row.querySelectorAll('s-text, s-link')].map((node) => node.textContent);
const button = (row: Element) => row.querySelector<Element>('s-button')!;
/** A row's grid columns, as Preact wrote the prop (an attribute, since s-grid is not defined in jsdom). */
const columns = (row: Element) => row.getAttribute('gridTemplateColumns') ?? row.getAttribute('gridtemplatecolumns');

afterEach(() => render(null, document.body));

describe('Buy again rows', () => {
  it("lists loyal-customer's replenishables, due first, each adding the usual quantity through a cart permalink", () => {
    const { state } = coreResults('loyal-customer');
    show(state);
    expect(headings()).toEqual(['Buy again', 'Picked for you']);
    const list = rows(sections()[0]);
    expect(list.map((row) => texts(row)[0])).toEqual(['Amber Candle', 'Diffuser Refill Oil', 'Cedar Candle', 'Fig Candle', 'Long Matches']);
    // Amber Candle: last ordered in #1145 (3 × 8 oz), but two at a time is the habit; due after 30 days.
    expect(texts(list[0])).toEqual(['Amber Candle', '8 oz', '$24.00', 'Time to restock', 'Last ordered January 24, 2026']);
    expect(button(list[0]).getAttribute('href')).toBe('https://ember-and-wick.example/cart/4001:2');
    expect(list[0].querySelector('s-product-thumbnail')!.getAttribute('src')).toBe('https://ember-and-wick.example/cdn/shop/files/amber-candle.jpg');
    // A permalink opens checkout: the button says it buys now, never that it adds to a cart.
    expect(button(list[0]).textContent).toBe('Buy now');
    expect(button(list[0]).getAttribute('accessibilityLabel') ?? button(list[0]).getAttribute('accessibilitylabel')).toBe(
      'Buy Amber Candle (2 pieces) now: goes to checkout',
    );
    // A product without options shows no variant line.
    expect(texts(list[1])).toEqual(['Diffuser Refill Oil', '$22.00', 'Time to restock', 'Last ordered January 24, 2026']);
    // Long Matches was last ordered December 23 and lasts 90 days (encore.replenish_days): not due on March 19.
    expect(texts(list[4])).toEqual(['Long Matches', '$6.00', 'Lasts until about March 23, 2026', 'Last ordered December 23, 2025']);
    expect(button(list[4]).getAttribute('href')).toBe('https://ember-and-wick.example/cart/4008:1');
    expect(button(list[4]).textContent).toBe('Buy now');
    expect(button(list[4]).getAttribute('accessibilityLabel') ?? button(list[4]).getAttribute('accessibilitylabel')).toBe(
      'Buy Long Matches now: goes to checkout',
    );
    // Thumbnail, details, button where the block is wider than 420 px: the details take the rest, so every row's
    // button ends in the same column; one column on a phone.
    expect(list.map(columns)).toEqual(Array(5).fill('@container (inline-size > 420px) auto 1fr auto, 1fr'));
  });

  it('shows rows without cart buttons when the storefront URL is unknown', () => {
    const { state } = coreResults('casey');
    show({ ...state, storefrontUrl: null } as BlockState);
    const list = rows(sections()[0]);
    expect(list).toHaveLength(4);
    expect(document.body.querySelectorAll('s-button')).toHaveLength(0);
    expect(document.body.querySelectorAll('s-link')).toHaveLength(0);
    expect(list.map(columns)).toEqual(Array(4).fill('@container (inline-size > 420px) auto 1fr, 1fr'));
  });

  it('shows no image when the Storefront API served none for the product', () => {
    const { state } = coreResults('casey');
    show({ ...state, imageUrls: new Map() } as BlockState);
    expect(rows(sections()[0])).toHaveLength(4);
    expect(document.body.querySelectorAll('s-product-thumbnail')).toHaveLength(0);
    expect(rows(sections()[0]).map(columns)).toEqual(Array(4).fill('@container (inline-size > 420px) 1fr auto, 1fr'));
  });
});

describe('Recommendations', () => {
  it("gives the theme's reason for each pick the core made, with a product link and a one-unit cart link", () => {
    const { picks, state } = coreResults('loyal-customer');
    show(state);
    const list = rows(sections()[1]);
    expect(list.map((row) => texts(row)[0])).toEqual(picks.map((pick) => pick.product.title));
    expect(texts(list[0])).toEqual(['Discovery Gift Set', 'Because you bought Amber Candle', '$64.00']);
    expect(list[0].querySelector('s-link')!.getAttribute('href')).toBe('https://ember-and-wick.example/products/discovery-gift-set');
    expect(button(list[0]).getAttribute('href')).toBe('https://ember-and-wick.example/cart/4017:1');
    expect(button(list[0]).textContent).toBe('Buy now');
    expect(texts(list[1])).toEqual(['Candle Snuffer', 'Because you bought Long Matches', '$16.00']);
  });

  it('words picks the history does not explain as related to recent orders', () => {
    const { picks, state } = coreResults('new-customer');
    expect(picks.every((pick) => pick.reason.kind === 'popular')).toBe(true);
    show(state);
    expect(headings()).toEqual(['Picked for you']);
    expect(rows(sections()[0]).map((row) => texts(row)[1])).toEqual(Array(picks.length).fill('Goes with your recent orders'));
  });

  it("prints prices in the store's currency, yen without decimals", () => {
    const { state } = coreResults('yuki-tanaka');
    show(state);
    const list = rows(sections()[0]);
    expect(texts(list[0])[0]).toBe('ドリップバッグ 10個入');
    // 150000 yen subunits: Shopify keeps two zeros for currencies without decimals.
    expect(texts(list[0])).toContain('¥1,500');
    expect(button(list[0]).getAttribute('href')).toBe('https://kissamame.example/cart/47003:2');
    // The house blend lasts 21 days (encore.replenish_days).
    expect(texts(list[1])).toEqual(['コーヒー豆 ハウスブレンド 200g', '豆のまま', '¥1,200', 'Lasts until about March 22, 2026', 'Last ordered March 1, 2026']);
  });
});

describe('prices', () => {
  /** Every row of the block, Buy again's then the picks', as the texts a customer reads. */
  const allRows = () => sections().flatMap((section) => rows(section).map(texts));

  it('starts a pick "From" its lowest price where its variants differ: Cedar Candle, $24 (8 oz) to $38 (16 oz)', () => {
    const { state } = coreResults('hostile-customer');
    show(state);
    const picked = rows(sections()[1]).map(texts);
    expect(picked.find((row) => row[0] === 'Cedar Candle')?.[2]).toBe('From $24.00');
    // Fig Candle has one price: no "From".
    expect(picked.find((row) => row[0] === 'Fig Candle')?.[2]).toBe('$28.00');
  });

  it("prices a Buy again row at the variant it names and buys: Casey's Amber Candle 16 oz is $38.00, not From $24.00", () => {
    const { state } = coreResults('casey');
    show(state);
    expect(rows(sections()[0]).map(texts)[0].slice(0, 3)).toEqual(['Amber Candle', '16 oz', '$38.00']);
  });

  it("shows a B2B buyer, who pays the company's prices, no list price at all", () => {
    const { state, items, picks } = coreResults('b2b-buyer');
    show(state);
    // Two to buy again and four picks, Cedar Candle ($24–$38 at retail) among them, none priced.
    expect([items.length, picks.length]).toEqual([2, 4]);
    expect(allRows().map((row) => row[0])).toContain('Cedar Candle');
    expect(allRows()).toHaveLength(6);
    expect(
      allRows()
        .flat()
        .filter((line) => /\$|\d+\.\d\d/.test(line ?? '')),
    ).toEqual([]);
  });

  it.each([
    ['en', 'From $24.00'],
    ['da', 'Fra $24.00'],
    ['nb', 'Fra $24.00'],
    ['nl', 'Vanaf $24.00'],
    ['th', 'เริ่มต้นที่ $24.00'],
  ])('says "From" in %s', (locale, from) => {
    const inLanguage = wordsOf({
      translate: localeTranslator('extensions/order-index', locale),
      formatCurrency: (amount, options) => new Intl.NumberFormat('en-US', options).format(amount),
      formatDate: (date, options) => new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' }).format(date),
    });
    render(<OrderIndexBlock state={coreResults('hostile-customer').state} settings={readSettings({})} words={inLanguage} />, document.body);
    expect(
      rows(sections()[1])
        .map(texts)
        .find((row) => row[0] === 'Cedar Candle')?.[2],
    ).toBe(from);
  });
});

describe('settings and states', () => {
  it("uses the merchant's headings and hides a list the merchant turned off", () => {
    const { state } = coreResults('loyal-customer');
    show(state, { buy_again_heading: '  Running low?  ', recommendations_heading: 'You might like' });
    expect(headings()).toEqual(['Running low?', 'You might like']);
    render(null, document.body);
    show(state, { show_buy_again: false });
    expect(headings()).toEqual(['Picked for you']);
    render(null, document.body);
    show(state, { show_recommendations: false });
    expect(headings()).toEqual(['Buy again']);
    render(null, document.body);
    show(state, { show_buy_again: false, show_recommendations: false });
    expect(document.body.innerHTML).toBe('');
  });

  it('reads the number of recommendations within 1 to 8, 4 when empty or unreadable', () => {
    expect(readSettings({}).recommendationsCount).toBe(4);
    expect(readSettings({ recommendations_count: 6 }).recommendationsCount).toBe(6);
    expect(readSettings({ recommendations_count: '3' }).recommendationsCount).toBe(3);
    expect(readSettings({ recommendations_count: 0 }).recommendationsCount).toBe(1);
    expect(readSettings({ recommendations_count: 40 }).recommendationsCount).toBe(8);
    expect(readSettings({ recommendations_count: 'many' }).recommendationsCount).toBe(4);
    expect(readSettings(undefined)).toEqual({
      showBuyAgain: true,
      buyAgainHeading: null,
      showRecommendations: true,
      recommendationsHeading: null,
      recommendationsCount: 4,
    });
  });

  it('shows a skeleton while loading, and nothing when hidden or when both lists are empty', () => {
    show({ status: 'loading' });
    expect(document.body.querySelectorAll('s-skeleton-paragraph').length).toBeGreaterThan(0);
    render(null, document.body);
    show({ status: 'hidden' });
    expect(document.body.innerHTML).toBe('');
    show({
      status: 'ready',
      buyAgain: [],
      picks: [],
      storefrontUrl: 'https://ember-and-wick.example',
      currency: 'USD',
      imageUrls: new Map(),
      companyPrices: false,
    });
    expect(document.body.innerHTML).toBe('');
  });

  it('prints hostile product text as text', () => {
    const { state } = coreResults('riley');
    const ready = state as Extract<BlockState, { status: 'ready' }>;
    const { store } = findBundledStore({ customer: 'riley' })!;
    const hostile = store.products.find((product) => product.handle === 'hostile-test-candle')!;
    show({ ...ready, picks: ready.picks.filter((pick) => pick.product === hostile) });
    expect(document.body.textContent).toContain('<script>window.__encoreInjected=1</script> Candle');
    expect(document.body.querySelector('script')).toBeNull();
  });
});
