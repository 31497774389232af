/**
 * The customers/account page (sections/encore-main-account.liquid), rendered through the engine with the
 * bundled stores, checked against values read by hand from the fixtures; and the deferred
 * recommendations script (assets/encore-recommendations.js) run against a small fake DOM.
 */
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { buyAgain } from '@encore/core/recommendations.ts';
import { renderPage } from '@encore/liquid/theme/page.ts';
import { findBundledStore } from '@encore/fixtures/bundled.ts';
import { liquidGlobals, shopSettingsOf } from '@encore/fixtures/liquid/index.ts';
import { StoreView } from '@encore/fixtures/liquid/view.ts';
import type { Store } from '@encore/fixtures/types.ts';
import { Storefront } from '@encore/studio/storefront.ts';

const storefront = new Storefront();
const account = async (customer: string, page?: number) =>
  (await storefront.render({ template: 'customers/account', customer, ...(page === undefined ? {} : { page }) })).body;

/** A storefront whose account template has these settings saved, as the theme editor writes them (collections by handle). */
function storefrontWith(store: Store, settings: Record<string, unknown>): Storefront {
  const custom = new Storefront({ store });
  const readJson = custom.theme.readJson.bind(custom.theme);
  custom.theme.readJson = ((relative: string) => {
    const json = readJson(relative);
    if (relative !== 'templates/customers/account.json') return json;
    const template = structuredClone(json) as { sections: { main: { settings: Record<string, unknown> } } };
    for (const [key, value] of Object.entries(settings)) {
      template.sections.main.settings[key] = value;
    }
    return template;
  }) as typeof custom.theme.readJson;
  return custom;
}

/** Order names of the history table, in page order. */
const orderNames = (html: string) => [...html.matchAll(/<tr class="encore-account__row" data-encore-order-name="([^"]+)"/g)].map((m) => m[1]);

/** The cell text of one order's row, by column label (tags stripped). */
function row(html: string, name: string): Record<string, string> {
  const start = html.indexOf(`data-encore-order-name="${name}"`);
  expect(start, `row ${name}`).toBeGreaterThan(-1);
  const end = html.indexOf('</tr>', start);
  const cells: Record<string, string> = {};
  for (const m of html.slice(start, end).matchAll(/data-encore-label="([^"]+)"[^>]*>([\s\S]*?)<\/t[dh]>/g)) {
    cells[m[1]] = m[2]
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  }
  cells.buyAgain = /class="encore-account__buy-again" href="([^"]+)"/.exec(html.slice(start, end))?.[1] ?? '';
  return cells;
}

/** The pagination nav: its links (label → href) and the current page. */
function pagination(html: string) {
  const nav = /<nav class="encore-pagination"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
  const links = [...nav.matchAll(/<a\s+class="encore-pagination__link"\s+href="([^"]+)"[^>]*>\s*([^<]+?)\s*<\/a>/g)].map((m) => [m[2], m[1]]);
  const current = /aria-current="page">(\d+)</.exec(nav)?.[1];
  return { links, current };
}

describe("loyal-customer's 45 orders, 20 a page", () => {
  it.each([
    [1, 20, '#1145', '#1126'],
    [2, 20, '#1125', '#1106'],
    [3, 5, '#1105', '#1101'],
  ])('page %i lists %i orders, %s first and %s last', async (page, count, first, last) => {
    const names = orderNames(await account('loyal-customer', page));
    expect(names).toHaveLength(count);
    expect(names[0]).toBe(first);
    expect(names.at(-1)).toBe(last);
  });

  it('links every page, marks the current one, and offers previous/next where they exist', async () => {
    expect(pagination(await account('loyal-customer', 1))).toEqual({
      links: [
        ['2', '/account?page=2'],
        ['3', '/account?page=3'],
        ['Next page', '/account?page=2'],
      ],
      current: '1',
    });
    expect(pagination(await account('loyal-customer', 2))).toEqual({
      links: [
        ['Previous page', '/account?page=1'],
        ['1', '/account?page=1'],
        ['3', '/account?page=3'],
        ['Next page', '/account?page=3'],
      ],
      current: '2',
    });
    const last = await account('loyal-customer', 3);
    expect(pagination(last).links.map(([label]) => label)).toEqual(['Previous page', '1', '2']);
    expect(pagination(last).current).toBe('3');
    // Each link leads to the page it names.
    for (const [label, href] of pagination(await account('loyal-customer', 1)).links) {
      const page = Number(new URL(href, 'http://shop').searchParams.get('page'));
      expect(orderNames(await account('loyal-customer', page)).length, label).toBeGreaterThan(0);
    }
  });

  it('describes each order: link, date, payment, shipped items, total, thumbnails and a cart permalink', async () => {
    const html = await account('loyal-customer');
    // #1145: 3× Amber Candle 8 oz ($24) and a Diffuser Refill Oil ($22), LOYAL15, paid, waiting to ship.
    expect(row(html, '#1145')).toEqual({
      Order: '#1145',
      Date: 'January 24, 2026',
      'Payment status': 'Paid',
      'Fulfillment status': '0 of 4 items shipped',
      Total: '$84.29 USD',
      Items: 'Amber Candle - 8 oz Diffuser Refill Oil',
      buyAgain: '/cart/4001:3,4011:1',
    });
    expect(html).toContain('<a class="encore-account__order-link" href="/account/orders/1145">#1145</a>');
    expect(html).toContain('<time datetime="2026-01-24T20:00:00Z">January 24, 2026</time>');
    expect(row(html, '#1144')['Fulfillment status']).toBe('2 of 2 items shipped');
  });

  it('welcomes back only a customer who has ordered before; Noa, with no orders, is welcomed', async () => {
    expect(await account('casey')).toContain('<p class="encore-account__greeting">Welcome back, Casey</p>');
    const fresh = await account('new-customer');
    expect(fresh).toContain('<p class="encore-account__greeting">Welcome, Noa</p>');
    expect(fresh).not.toContain('Welcome back');
  });

  it('thanks the customer for their 45 orders', async () => {
    expect(await account('loyal-customer')).toContain('<p class="encore-account__thanks">Thanks for your 45 orders</p>');
    expect(await account('casey')).toContain('Thanks for your 7 orders');
    expect(await account('b2b-buyer')).toContain('<p class="encore-account__thanks">Thanks for your order</p>');
    expect(await account('new-customer')).not.toContain('encore-account__thanks');
  });
});

describe('a page number past the last page', () => {
  // Shopify answers ?page=99 with an empty page of orders (no redirect); the customer still has 45.
  it('says this page is empty and links to page 1, not that the customer has never ordered', async () => {
    const custom = storefrontWith(storefront.store, { fallback_collection: 'candles' });
    const html = (await custom.render({ template: 'customers/account', customer: 'loyal-customer', page: 99 })).body;
    expect(html).toContain('<p class="encore-account__thanks">Thanks for your 45 orders</p>');
    expect(html).toContain('<p class="encore-account__empty-text">There are no orders on this page.</p>');
    expect(html).toContain('<a class="encore-account__link" href="/account?page=1">Go to the first page</a>');
    expect(html).not.toContain('You haven&#39;t placed any orders yet.');
    expect(html).not.toContain('>Start with Candles</h2>');
    expect(orderNames(html)).toEqual([]);
    // The link leads to the 20 newest orders.
    expect(orderNames(await account('loyal-customer', 1))[0]).toBe('#1145');
  });

  it("keeps the page's language in the link, for a history of a single page too", async () => {
    // loyal-customer in Danish, a language the default store does not publish itself (the studio adds it): /da/ URLs.
    const store = storefront.store;
    const danish = new Storefront({ store: { ...store, shop: { ...store.shop, published_locales: [...store.shop.published_locales, 'da'] } } });
    const loyal = (await danish.render({ template: 'customers/account', customer: 'loyal-customer', page: 99 }, { locale: 'da' })).body;
    expect(loyal).toContain('<p class="encore-account__empty-text">Der er ingen ordrer på denne side.</p>');
    expect(loyal).toContain('<a class="encore-account__link" href="/da/account?page=1">Gå til første side</a>');
    // mette-hansen's 3 orders fit on one page, in her shop's own language (Danish, unprefixed).
    const { store: dkk } = findBundledStore({ customer: 'mette-hansen' })!;
    const mette = (await new Storefront({ store: dkk }).render({ template: 'customers/account', customer: 'mette-hansen', page: 4 }, { locale: 'da' })).body;
    expect(mette).toContain('<a class="encore-account__link" href="/account?page=1">Gå til første side</a>');
    expect(mette).toContain('<p class="encore-account__thanks">Tak for dine 3 ordrer</p>');
    expect(mette).not.toContain('Du har ikke afgivet nogen ordrer endnu.');
  });
});

describe("casey's orders: what has shipped", () => {
  it.each([
    // 2 Cedar Candles in one shipment, the Wick Trimmer in another, the Reed Diffuser still waiting.
    ['#1003', '3 of 4 items shipped'],
    // Nothing has left yet.
    ['#1001', '0 of 2 items shipped'],
    // 3 Amber Candles and a tray; their only shipment was cancelled: back to unfulfilled.
    ['#1005', '0 of 4 items shipped'],
    // Cancelled by the customer.
    ['#1006', 'Cancelled'],
  ])('%s: %s', async (name, summary) => {
    expect(row(await account('casey'), name)['Fulfillment status']).toBe(summary);
  });
});

describe('Buy again', () => {
  /** Buy again items as the page marks them. */
  const items = (html: string) =>
    [
      ...html.matchAll(
        /<li\s+class="encore-buy-again__item"\s+data-encore-product-handle="([^"]+)"\s+data-encore-variant-id="(\d+)"\s+data-encore-quantity="(\d+)"\s+data-encore-due="(true|false)"/g,
      ),
    ].map((m) => ({ handle: m[1], variant: Number(m[2]), quantity: Number(m[3]), due: m[4] === 'true' }));

  it("lists loyal-customer's candles, refill oil and matches with when each runs out, as buyAgain does", async () => {
    const html = await account('loyal-customer');
    // Store clock 2026-03-19. Amber last ordered Jan 24 (+45 days: Mar 10), refill oil Jan 24 (+30: Feb 23),
    // cedar Dec 7 (+45: Jan 21) and fig Nov 21 (+40: Dec 31) are due; the matches (Dec 23 + 90: Mar 23) are not.
    expect(items(html)).toEqual([
      { handle: 'amber-candle', variant: 4001, quantity: 2, due: true },
      { handle: 'diffuser-refill-oil', variant: 4011, quantity: 1, due: true },
      { handle: 'cedar-candle', variant: 4003, quantity: 2, due: true },
      { handle: 'fig-candle', variant: 4005, quantity: 3, due: true },
      { handle: 'long-matches', variant: 4008, quantity: 1, due: false },
    ]);
    const store = storefront.store;
    const history = store.customers.find((c) => c.handle === 'loyal-customer')!.orders;
    expect(items(html)).toEqual(
      buyAgain({ products: store.products, history, now: store.shop.now! }).map((item) => ({
        handle: item.product.handle,
        variant: item.variant.id,
        quantity: item.quantity,
        due: item.due,
      })),
    );
    // Due is said in words, not only shown by style; the button adds the usual quantity to the cart.
    expect(html.match(/Time to restock/g)).toHaveLength(4);
    expect(html).toContain('Lasts until about March 23, 2026');
    expect(html).toContain('<button type="submit" class="encore-add-to-cart__button encore-buy-again__add">Add Amber Candle, 8 oz (2 pieces) to cart</button>');
  });

  /** Each Buy again card's product and the price it shows ('' when it shows none). */
  const prices = (html: string) =>
    [...html.matchAll(/<li\s+class="encore-buy-again__item"\s+data-encore-product-handle="([^"]+)"[\s\S]*?<\/li>/g)].map((m) => [
      m[1],
      /<p class="encore-buy-again__price">([^<]*)<\/p>/.exec(m[0])?.[1].trim() ?? '',
    ]);

  it("shows the price of one of what the button adds: casey's variants at their list prices, none for the B2B buyer", async () => {
    // The catalog: Amber Candle 16 oz $38.00, Long Matches $6.00, Fig Candle $28.00, Cedar Candle 8 oz $24.00.
    expect(prices(await account('casey'))).toEqual([
      ['amber-candle', '$38.00'],
      ['long-matches', '$6.00'],
      ['fig-candle', '$28.00'],
      ['cedar-candle', '$24.00'],
    ]);
    // Dana buys at Harbor Hotel Group's company prices ($14.40 an Amber Candle on #1014), which Liquid cannot read.
    const b2b = prices(await account('b2b-buyer'));
    expect(b2b.map(([handle]) => handle)).toEqual(['amber-candle', 'long-matches']);
    expect(b2b.map(([, price]) => price)).toEqual(['', '']);
  });

  it("shows sanne-de-vries's prices in the shop's euro format, comma decimals", async () => {
    const { store } = findBundledStore({ customer: 'sanne-de-vries' })!;
    const html = (await new Storefront({ store }).render({ template: 'customers/account', customer: 'sanne-de-vries' })).body;
    // Handcrème 50 ml 14,95 and Zeep Lavendel 6,95 (€{{amount_with_comma_separator}}).
    expect(prices(html)).toEqual([
      ['handcreme', '€14,95'],
      ['zeep-lavendel', '€6,95'],
    ]);
  });

  it('is left out of the recommendations, and hidden when the merchant turns it off', async () => {
    const html = await account('loyal-customer');
    const recommended = [...html.matchAll(/class="encore-product-card"\s+data-encore-product-handle="([^"]+)"/g)].map((m) => m[1]);
    expect(recommended.length).toBeGreaterThan(0);
    for (const { handle } of items(html)) expect(recommended).not.toContain(handle);

    const off = storefrontWith(storefront.store, { show_buy_again: false, show_recommendations: false });
    const plain = (await off.render({ template: 'customers/account', customer: 'loyal-customer' })).body;
    expect(items(plain)).toEqual([]);
    expect(plain).not.toContain('data-encore-recommendations');
    expect(orderNames(plain)).toHaveLength(20);
  });
});

describe('recommendations', () => {
  it('say why, and load the refining script deferred only when there is something to refine', async () => {
    const html = await account('loyal-customer');
    expect(html).toMatch(/data-encore-product-handle="candle-snuffer"\s+data-encore-reason-kind="collection"\s+data-encore-reason-handle="long-matches"/);
    expect(html).toContain('<p class="encore-product-card__reason">Because you bought Long Matches</p>');
    expect(html).toMatch(/<script src="[^"]*encore-recommendations\.js[^"]*" defer="defer"><\/script>/);
    // Seeded with the most recent purchase: #1145 starts with Amber Candle (product 7001).
    expect(html).toContain('data-encore-product-id="7001"');
    expect(html).toContain('data-encore-url="/recommendations/products"');
  });

  it("use the merchant's headings and count", async () => {
    const custom = storefrontWith(storefront.store, {
      recommendations_heading: 'More <b>for</b> you',
      recommendations_count: 2,
      orders_heading: 'Your orders',
    });
    const html = (await custom.render({ template: 'customers/account', customer: 'loyal-customer' })).body;
    expect(html).toContain('>More &lt;b&gt;for&lt;/b&gt; you</h2>');
    expect(html).toContain('<h2 class="encore-account__subtitle">Your orders</h2>');
    expect(html.match(/class="encore-product-card"/g)).toHaveLength(2);
    expect(html).toContain('data-encore-limit="2"');
  });
});

describe('a customer with no orders', () => {
  it("sees the empty state with the merchant's fallback collection", async () => {
    const custom = storefrontWith(storefront.store, { fallback_collection: 'candles' });
    const html = (await custom.render({ template: 'customers/account', customer: 'new-customer' })).body;
    expect(html).toContain('You haven&#39;t placed any orders yet.');
    expect(html).toContain('>Start with Candles</h2>');
    // Candles lists amber, cedar, fig and the gift set, all in stock and published.
    expect([...html.matchAll(/class="encore-product-card"\s+data-encore-product-handle="([^"]+)"/g)].map((m) => m[1])).toEqual([
      'amber-candle',
      'cedar-candle',
      'fig-candle',
      'discovery-gift-set',
    ]);
    expect(html).toContain('<a class="encore-account__link" href="/collections/candles">Shop all of Candles</a>');
    expect(html).not.toContain('class="encore-buy-again"');
    expect(html).not.toContain('encore-account__table');
  });

  it('sees only the message when no fallback collection is set', async () => {
    const custom = storefrontWith(storefront.store, { fallback_collection: '' });
    const html = (await custom.render({ template: 'customers/account', customer: 'new-customer' })).body;
    expect(html).toContain('You haven&#39;t placed any orders yet.');
    expect(html).toContain('No default address saved yet.');
    expect(html).not.toContain('class="encore-product-card"');
  });
});

describe('the hostile customer', () => {
  it('sees every payload as text: no element or attribute comes from it', async () => {
    const html = await account('hostile-customer');
    const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
    // Every start tag in the page body is one of the theme's own.
    const tags = new Set([...main.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)/g)].map((m) => m[1].toLowerCase()));
    expect([...tags].sort()).toEqual([
      'a',
      'br',
      'button',
      'caption',
      'div',
      'form',
      'h1',
      'h2',
      'header',
      'img',
      'input',
      'li',
      'link',
      'main',
      'p',
      'script',
      'section',
      'span',
      'table',
      'tbody',
      'td',
      'th',
      'thead',
      'time',
      'tr',
      'ul',
    ]);
    // The only scripts are the theme's own deferred ones.
    expect(main.match(/<script[^>]*>/g)).toEqual([
      expect.stringMatching(/^<script src="[^"]+encore-cart\.js[^"]*" defer="defer">$/),
      expect.stringMatching(/^<script src="[^"]+encore-recommendations\.js[^"]*" defer="defer">$/),
    ]);
    for (const tag of main.match(/<[a-zA-Z][^>]*>/g) ?? []) expect(tag).not.toMatch(/__encoreInjected|\son[a-z]+\s*=|javascript:/i);
    // The payloads are there, escaped.
    expect(main).toContain('Welcome back, &lt;script&gt;window.__encoreInjected=1&lt;/script&gt;Hal');
  });
});

describe('a currency store', () => {
  it("prints mette-hansen's totals in Danish kroner, comma decimals", async () => {
    const { store } = findBundledStore({ customer: 'mette-hansen' })!;
    // In English, to read the columns by their English headings; the money format is the shop's whatever the language.
    const html = (await new Storefront({ store }).render({ template: 'customers/account', customer: 'mette-hansen' }, { locale: 'en' })).body;
    // #2001: two Sand mugs (2 × 249,00) and a large bowl (399,00) plus 49,00 shipping: 946,00, with the currency code.
    expect(row(html, '#2001').Total).toBe('946,00 DKK');
    expect(row(html, '#2002').Total).toMatch(/^\d{1,3}(\.\d{3})*,\d{2} DKK$/);
    expect(html).not.toMatch(/\$\d/);
  });

  it("prints kenji-sato's yen without decimals", async () => {
    const { store } = findBundledStore({ customer: 'kenji-sato' })!;
    const html = (await new Storefront({ store }).render({ template: 'customers/account', customer: 'kenji-sato' })).body;
    expect(row(html, '#7003').Total).toMatch(/^¥[\d,]+ JPY$/);
  });
});

describe("the section on Shopify's product recommendations route", () => {
  it('answers the Section Rendering API with only the list: related products, less gift cards and what was bought', async () => {
    const store = storefront.store;
    const view = new StoreView(store, 'en');
    // What /recommendations/products?product_id=…&intent=related would hand the section (offline there is no
    // such object). b2b-buyer bought amber candles and long matches;
    // the tray is out of stock.
    const related = [
      'long-matches',
      'gift-card',
      'cedar-candle',
      'ceramic-tray',
      'wick-trimmer',
      'amber-candle',
      'fig-candle',
      'candle-snuffer',
      'reed-diffuser',
    ];
    const recommendations = { 'performed?': true, products: related.map((handle) => view.productDrop(handle)), products_count: related.length };
    const globals = { ...liquidGlobals(store, { customerHandle: 'b2b-buyer', locale: 'en' }), recommendations };
    const section = /id="shopify-section-([^"]+)"/.exec(await account('b2b-buyer'))![1];
    const { status, body } = await renderPage(storefront.theme, {
      template: 'customers/account',
      globals,
      shop: shopSettingsOf(store),
      locale: 'en',
      query: new URLSearchParams({ section_id: section }),
      path: '/recommendations/products',
      now: new Date(store.shop.now!),
    });
    expect(status).toBe(200);
    expect(body).toMatch(
      /^<section id="shopify-section-[^"]+" class="shopify-section encore-main-account"><ul class="encore-account-recommendations__list" role="list" data-encore-recommendations-list>/,
    );
    expect(body).not.toContain('encore-account__table');
    // The first four that are new, in stock and not gift cards; the template asks for 4.
    const cards = [...body.matchAll(/class="encore-product-card"\s+data-encore-product-handle="([^"]+)"\s+data-encore-reason-kind="([^"]+)"/g)].map(
      (m) => `${m[1]} ${m[2]}`,
    );
    expect(cards).toEqual(['cedar-candle related', 'wick-trimmer related', 'fig-candle related', 'candle-snuffer related']);
    expect(body).toContain('<p class="encore-product-card__reason">Goes with your recent orders</p>');
  });
});

describe('encore-recommendations.js', () => {
  const SCRIPT = new URL('../../theme/assets/encore-recommendations.js', import.meta.url);
  const source = readFileSync(SCRIPT, 'utf8');

  it('is small and uses no framework', () => {
    expect(Buffer.byteLength(source)).toBeLessThanOrEqual(2048);
    expect(source).not.toMatch(/\bimport\b|\brequire\(/);
  });

  /** Just enough DOM for the script: one block with a server-rendered list, and a parser of answers. */
  function run(answer: () => Promise<{ ok: boolean; status: number; text: () => Promise<string> }>) {
    const list = { innerHTML: '<li data-encore-product-handle="server-pick"></li>' };
    const attributes: Record<string, string> = {};
    const block = {
      dataset: { encoreUrl: '/recommendations/products', encoreProductId: '7001', encoreLimit: '4', encoreSectionId: 'template--1__main' },
      querySelector: (selector: string) => (selector === '[data-encore-recommendations-list]' ? list : null),
      setAttribute: (name: string, value: string) => (attributes[name] = value),
      removeAttribute: (name: string) => delete attributes[name],
    };
    const requested: string[] = [];
    /** Whether the block said it was busy when its request went out: a screen reader waits for the new list. */
    const busyWhenAsked: (string | undefined)[] = [];
    /** Parses an answer by finding the list's markup: enough for what the section renders. */
    class DOMParser {
      parseFromString(html: string) {
        const inner = /<ul[^>]*data-encore-recommendations-list[^>]*>([\s\S]*?)<\/ul>/.exec(html)?.[1];
        const fresh = inner === undefined ? null : { innerHTML: inner, querySelector: () => (inner.includes('data-encore-product-handle') ? {} : null) };
        return { querySelector: () => fresh };
      }
    }
    const window = {
      fetch: (url: string) => {
        requested.push(url);
        busyWhenAsked.push(attributes['aria-busy']);
        return answer();
      },
      DOMParser,
      AbortController,
    };
    const context = vm.createContext({
      window,
      fetch: window.fetch,
      DOMParser,
      AbortController,
      setTimeout,
      // The script's last step clears its time limit, whatever the answer was: that is when it has settled.
      clearTimeout: (timer: ReturnType<typeof setTimeout>) => {
        clearTimeout(timer);
        finished();
      },
      document: { querySelectorAll: (selector: string) => (selector === '[data-encore-recommendations]' ? [block] : []) },
      URLSearchParams,
    });
    let finished!: () => void;
    const settled = new Promise<void>((resolve) => (finished = resolve));
    vm.runInContext(source, context);
    return { list, attributes, requested, busyWhenAsked, settled: () => settled };
  }
  const html = (body: string) => async () => ({ ok: true, status: 200, text: async () => body });

  it('asks the Section Rendering API for related products of the latest purchase and swaps them in', async () => {
    const page = run(
      html('<div id="shopify-section-x"><ul class="x" data-encore-recommendations-list><li data-encore-product-handle="api-pick"></li></ul></div>'),
    );
    await page.settled();
    expect(page.requested).toEqual(['/recommendations/products?product_id=7001&limit=4&section_id=template--1__main&intent=related']);
    expect(page.list.innerHTML).toBe('<li data-encore-product-handle="api-pick"></li>');
    expect(page.attributes['data-encore-source']).toBe('api');
    expect(page.busyWhenAsked).toEqual(['true']);
    expect(page.attributes['aria-busy']).toBeUndefined();
  });

  it.each([
    ['a network failure', () => Promise.reject(new TypeError('Failed to fetch'))],
    ['an error status', async () => ({ ok: false, status: 500, text: async () => 'oops' })],
    ['an answer with no products', html('<ul data-encore-recommendations-list></ul>')],
    ['an answer without the list', html('<p>Not found</p>')],
  ])('keeps the server-rendered list after %s', async (_label, answer) => {
    const page = run(answer as () => Promise<{ ok: boolean; status: number; text: () => Promise<string> }>);
    await page.settled();
    expect(page.requested).toHaveLength(1);
    expect(page.list.innerHTML).toBe('<li data-encore-product-handle="server-pick"></li>');
    expect(page.attributes['data-encore-source']).toBeUndefined();
    expect(page.busyWhenAsked).toEqual(['true']);
    expect(page.attributes['aria-busy']).toBeUndefined();
  });

  it('leaves the server-rendered list alone in a browser that cannot abort a slow request', () => {
    const list = { innerHTML: '<li data-encore-product-handle="server-pick"></li>' };
    const requested: string[] = [];
    const fetch = (url: string) => (requested.push(url), Promise.reject(new Error('not expected')));
    const block = { dataset: { encoreUrl: '/r', encoreProductId: '1', encoreSectionId: 's' }, querySelector: () => list };
    const context = vm.createContext({
      window: { fetch, DOMParser: class {} },
      fetch,
      document: { querySelectorAll: () => [block] },
      URLSearchParams,
    });
    vm.runInContext(source, context);
    expect(requested).toEqual([]);
    expect(list.innerHTML).toBe('<li data-encore-product-handle="server-pick"></li>');
  });
});
