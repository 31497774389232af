// @vitest-environment jsdom
/**
 * The order-index block in Shopify's tester, fed by the store adapters: the Customer Account API
 * answers the customer's history (customerAccountCustomer through the stand-in GraphQL server),
 * `shopify.query` answers from the Storefront adapter. What the customer reads must be what the
 * core computes for the same inputs, in every state.
 */
import { getExtension } from './support/tester.ts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WAIT_LIMIT_MS } from './support/wait.ts';
import { buyAgain, recommendProducts } from '@encore/core/recommendations.ts';
import { ORDER_HISTORY_LIMIT } from '@encore/shopify-apis/customer-account/queries.ts';
import { storefrontCatalog } from '@encore/shopify-apis/storefront/product.ts';
import type { StorefrontProduct } from '@encore/shopify-apis/storefront/types.ts';
import { loadBlock, MAX_PRODUCT_IDS, MAX_SEEDS } from '../../extensions/order-index/src/load.ts';
import { readSettings } from '../../extensions/order-index/src/settings.ts';
import { customerAccountCustomer } from '@encore/fixtures/adapters/customer-account.ts';
import { parseGid } from '@encore/fixtures/adapters/ids.ts';
import { storefrontNodes, storefrontProductId, storefrontRecommendations } from '@encore/fixtures/adapters/storefront.ts';
import { findBundledStore } from '@encore/fixtures/bundled.ts';
import { findCustomer } from '@encore/fixtures/names.ts';
import type { Customer, Store } from '@encore/fixtures/types.ts';
import { answer, customerAccountFetch } from './support/graphql.ts';
import { localeTranslator } from './support/i18n.ts';

const EXTENSION_DIR = 'extensions/order-index';
const extension = getExtension('customer-account.order-index.block.render', { configSearchDir: EXTENSION_DIR });

interface Scenario {
  store: Store;
  customer: Customer;
}

function scenario(handle: string): Scenario {
  const found = findBundledStore({ customer: handle });
  if (!found) throw new Error(`no bundled customer ${handle}`);
  return { store: found.store, customer: findCustomer(found.store, handle)! };
}

type QueryOptions = { variables?: Record<string, unknown> };

/** Storefront answers for one store, as `shopify.query` gives them; `change` may rewrite or hold back an answer. */
function storefront(
  store: Store,
  change: (kind: 'nodes' | 'recommendations', data: Record<string, unknown>) => Promise<Record<string, unknown>> | Record<string, unknown> = (_, data) => data,
) {
  return vi.fn(async (query: string, options: QueryOptions = {}) => {
    const variables = options.variables ?? {};
    if (Array.isArray(variables.ids)) {
      const root = await change('nodes', { ...storefrontNodes(store, variables.ids as string[]) });
      return answer('storefront', query, root, variables);
    }
    const seed = store.products.find((product) => product.id === parseGid(String(variables.productId)).id)!;
    const root = await change('recommendations', { ...storefrontRecommendations(store, seed) });
    return answer('storefront', query, root, variables);
  });
}

/** What the Storefront adapter answers for the block's calls, and what the core makes of them. */
function expected({ store, customer }: Scenario, options: { count?: number; showBuyAgain?: boolean; without?: string[] } = {}) {
  const now = store.shop.now!;
  const history = [...customer.orders].sort((a, b) => Date.parse(b.processed_at) - Date.parse(a.processed_at) || b.id - a.id).slice(0, ORDER_HISTORY_LIMIT);
  const byHandle = (handle: string) => store.products.find((product) => product.handle === handle)!;
  const boughtHandles = [...new Set(history.flatMap((order) => order.line_items.map((line) => line.product)))];
  const seeds = [...new Set(history.filter((order) => !order.cancelled_at).flatMap((order) => order.line_items.map((line) => line.product)))].slice(
    0,
    MAX_SEEDS,
  );
  const bought = storefrontNodes(
    store,
    boughtHandles.map((handle) => storefrontProductId(byHandle(handle))),
  ).nodes.filter((node): node is StorefrontProduct => node !== null && !(options.without ?? []).includes((node as StorefrontProduct).handle));
  const suggested = seeds.map((seed) =>
    (storefrontRecommendations(store, seed).productRecommendations ?? []).filter((product) => !(options.without ?? []).includes(product.handle)),
  );
  const catalog = storefrontCatalog([bought, ...suggested]);
  const items = options.showBuyAgain === false ? [] : buyAgain({ products: catalog.products, history, now });
  const picks = recommendProducts({
    products: catalog.products,
    collections: catalog.collections,
    history,
    now,
    limit: options.count ?? 4,
    exclude: items.map((item) => item.product.handle),
    popular: [...new Set(suggested.flat().map((product) => product.handle))],
  });
  return { items, picks, seeds };
}

const UNSET_SETTINGS = {
  show_buy_again: undefined,
  buy_again_heading: undefined,
  show_recommendations: undefined,
  recommendations_heading: undefined,
  recommendations_count: undefined,
};

function setUp({ store, customer }: Scenario, settings: Record<string, string | number | boolean> = {}) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(store.shop.now!));
  extension.fetch = vi.fn(customerAccountFetch({ customer: customerAccountCustomer(store, customer) })) as typeof fetch;
  extension.shopify.query = storefront(store) as unknown as typeof extension.shopify.query;
  // Every key of the toml, unset unless the test sets it: the merchant has saved nothing yet.
  extension.shopify.settings.value = { ...UNSET_SETTINGS, ...settings };
  extension.shopify.i18n.translate = localeTranslator(EXTENSION_DIR, 'en') as typeof extension.shopify.i18n.translate;
  extension.shopify.i18n.formatCurrency = (amount, options) => new Intl.NumberFormat('en-US', options).format(amount);
  extension.shopify.i18n.formatDate = (date, options) => new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' }).format(date);
}

const sections = () => [...document.body.querySelectorAll<Element>('s-section')];
const section = (heading: string) => sections().find((candidate) => candidate.getAttribute('heading') === heading);
const rows = (parent: Element | undefined) => (parent ? [...parent.querySelectorAll<Element>(':scope > s-query-container > s-stack > s-grid')] : []);
const texts = (row: Element) => [...row.querySelectorAll('s-text, s-link')].map((node) => node.textContent);
const titles = (parent: Element | undefined) => rows(parent).map((row) => texts(row)[0]);
const href = (row: Element) => row.querySelector<Element>('s-button')!.getAttribute('href');
const queryCalls = () => (extension.shopify.query as unknown as ReturnType<typeof vi.fn>).mock.calls as [string, QueryOptions][];

beforeEach(() => extension.setUp());
afterEach(() => {
  extension.tearDown();
  vi.useRealTimers();
});

describe('with the order history and the Storefront answering', () => {
  it("shows loyal-customer's candles to restock and picks explained by their purchases", async () => {
    const loyal = scenario('loyal-customer');
    setUp(loyal);
    await extension.render();
    const want = expected(loyal);

    const again = section('Buy again');
    expect(titles(again)).toEqual(['Amber Candle', 'Diffuser Refill Oil', 'Cedar Candle', 'Fig Candle', 'Long Matches']);
    expect(titles(again)).toEqual(want.items.map((item) => item.product.title));
    const [amber] = rows(again);
    expect(texts(amber)).toEqual(['Amber Candle', '8 oz', '$24.00', 'Time to restock', 'Last ordered January 24, 2026']);
    expect(href(amber)).toBe('https://ember-and-wick.example/cart/4001:2');
    expect(amber.querySelector('s-product-thumbnail')!.getAttribute('src')).toBe('https://ember-and-wick.example/cdn/shop/files/amber-candle.jpg');

    const picked = section('Picked for you');
    expect(titles(picked)).toEqual(want.picks.map((pick) => pick.product.title));
    // The same four the core picks from the whole catalog: Shopify's suggestions for the latest purchases reach them.
    expect(rows(picked).map(texts)).toEqual([
      ['Discovery Gift Set', 'Because you bought Amber Candle', '$64.00'],
      ['Candle Snuffer', 'Because you bought Long Matches', '$16.00'],
      ['Wick Trimmer', 'Because you bought Long Matches', '$18.00'],
      ['Reed Diffuser', 'Because you bought Diffuser Refill Oil', '$42.00'],
    ]);
    const first = rows(picked)[0];
    expect(first.querySelector('s-link')!.getAttribute('href')).toBe('https://ember-and-wick.example/products/discovery-gift-set');
    expect(href(first)).toBe('https://ember-and-wick.example/cart/4017:1');
    // Nothing the customer restocks through Buy again is offered twice.
    expect(titles(picked).filter((title) => titles(again).includes(title))).toEqual([]);

    // One history call; the bought products and one suggestion call per recent purchase, in parallel.
    expect(extension.fetch).toHaveBeenCalledTimes(1);
    expect(queryCalls().filter(([, options]) => options.variables?.productId !== undefined)).toHaveLength(want.seeds.length);
    expect(want.seeds).toEqual(['amber-candle', 'diffuser-refill-oil', 'long-matches']);
    expect(queryCalls()).toHaveLength(1 + want.seeds.length);
  });

  it('shows casey her four replenishables and no picks: she already owns everything Shopify suggests', async () => {
    const casey = scenario('casey');
    setUp(casey);
    await extension.render();
    const want = expected(casey);
    expect(titles(section('Buy again'))).toEqual(want.items.map((item) => item.product.title));
    expect(titles(section('Buy again'))).toEqual(['Amber Candle', 'Long Matches', 'Fig Candle', 'Cedar Candle']);
    // #1006 was cancelled: its 16 oz Cedar Candle is not the one to reorder (the 8 oz from #1003 is), and its refill oil is not listed.
    expect(href(rows(section('Buy again'))[3])).toBe('https://ember-and-wick.example/cart/4003:2');
    expect(want.picks).toEqual([]);
    expect(section('Picked for you')).toBeUndefined();
  });

  it('gives a euro customer the soap to reorder and the bath salt that shares its collection', async () => {
    const pieter = scenario('pieter-janssens');
    setUp(pieter);
    await extension.render();
    const want = expected(pieter);
    expect(titles(section('Buy again'))).toEqual(want.items.map((item) => item.product.title));
    expect(titles(section('Picked for you'))).toEqual(want.picks.map((pick) => pick.product.title));
    expect(texts(rows(section('Buy again'))[0])[0]).toBe('Zeep Lavendel');
    expect(href(rows(section('Buy again'))[0])).toBe('https://atelierzeep.example/cart/43001:2');
    expect(rows(section('Picked for you')).map(texts)).toEqual([['Badzout Eucalyptus', 'Because you bought Zeep Lavendel', '€12.50']]);
  });

  it("prints a yen store's prices without decimals and links to its own storefront", async () => {
    const yuki = scenario('yuki-tanaka');
    setUp(yuki);
    await extension.render();
    const again = rows(section('Buy again'));
    expect(titles(section('Buy again'))).toEqual(['ドリップバッグ 10個入', 'コーヒー豆 ハウスブレンド 200g']);
    expect(texts(again[0])).toContain('¥1,500');
    expect(href(again[0])).toBe('https://kissamame.example/cart/47003:2');
    expect(texts(again[1])).toEqual(['コーヒー豆 ハウスブレンド 200g', '豆のまま', '¥1,200', 'Lasts until about March 22, 2026', 'Last ordered March 1, 2026']);
    expect(titles(section('Picked for you'))).toEqual(expected(yuki).picks.map((pick) => pick.product.title));
  });

  it("quotes no price to the B2B buyer, who pays Harbor Hotel Group's prices; casey sees hers", async () => {
    const dana = scenario('b2b-buyer');
    setUp(dana);
    await extension.render();
    // #1014 was bought for the company at $14.40 an Amber Candle; the Storefront's list price is $24.00, so the
    // block names the products and when they run out, and no price ($24.00, $6.00) is quoted.
    const again = rows(section('Buy again'));
    expect(titles(section('Buy again'))).toEqual(['Amber Candle', 'Long Matches']);
    expect(texts(again[0])).toEqual(['Amber Candle', '8 oz', 'Lasts until about March 22, 2026', 'Last ordered February 5, 2026']);
    const shown = [...again, ...rows(section('Picked for you'))].flatMap(texts);
    expect(rows(section('Picked for you')).length).toBeGreaterThan(0);
    expect(shown.filter((text) => /\$\d/.test(text ?? ''))).toEqual([]);

    extension.tearDown();
    extension.setUp();
    setUp(scenario('casey'));
    await extension.render();
    expect(texts(rows(section('Buy again'))[0])).toContain('$38.00');
  });

  it("follows the merchant's settings: headings, number of picks, a list turned off", async () => {
    const loyal = scenario('loyal-customer');
    setUp(loyal, { buy_again_heading: 'Running low?', recommendations_heading: 'For your next order', recommendations_count: 2 });
    await extension.render();
    expect(sections().map((candidate) => candidate.getAttribute('heading'))).toEqual(['Running low?', 'For your next order']);
    expect(titles(section('For your next order'))).toEqual(expected(loyal, { count: 2 }).picks.map((pick) => pick.product.title));
    expect(rows(section('For your next order'))).toHaveLength(2);
  });

  it('asks Shopify for no suggestions when recommendations are off', async () => {
    setUp(scenario('loyal-customer'), { show_recommendations: false });
    await extension.render();
    expect(sections().map((candidate) => candidate.getAttribute('heading'))).toEqual(['Buy again']);
    expect(queryCalls()).toHaveLength(1);
    expect(queryCalls()[0][1].variables?.ids).toBeDefined();
  });

  it("offers Buy again's products among the picks when Buy again is off, as the core allows", async () => {
    const loyal = scenario('loyal-customer');
    setUp(loyal, { show_buy_again: false });
    await extension.render();
    expect(section('Buy again')).toBeUndefined();
    expect(titles(section('Picked for you'))).toEqual(expected(loyal, { showBuyAgain: false }).picks.map((pick) => pick.product.title));
  });
});

describe('when there is little or nothing to go on', () => {
  it('shows nothing to a new customer and makes no Storefront call', async () => {
    setUp(scenario('new-customer'));
    await extension.render();
    expect(document.body.innerHTML).toBe('');
    expect(queryCalls()).toHaveLength(0);
  });

  it('leaves out a bought product the storefront no longer shows, and keeps the rest', async () => {
    const loyal = scenario('loyal-customer');
    setUp(loyal);
    const fig = storefrontProductId(loyal.store.products.find((product) => product.handle === 'fig-candle')!);
    // Unpublished since: `nodes` answers null for it and Shopify no longer suggests it.
    extension.shopify.query = storefront(loyal.store, (kind, data) =>
      kind === 'nodes'
        ? { nodes: (data.nodes as (StorefrontProduct | null)[]).map((node) => (node?.id === fig ? null : node)) }
        : { productRecommendations: (data.productRecommendations as StorefrontProduct[] | null)?.filter((product) => product.id !== fig) ?? null },
    ) as unknown as typeof extension.shopify.query;
    await extension.render();
    const want = expected(loyal, { without: ['fig-candle'] });
    expect(titles(section('Buy again'))).toEqual(['Amber Candle', 'Diffuser Refill Oil', 'Cedar Candle', 'Long Matches']);
    expect(titles(section('Buy again'))).toEqual(want.items.map((item) => item.product.title));
    expect(titles(section('Picked for you'))).toEqual(want.picks.map((pick) => pick.product.title));
  });

  it("shows a buyer signed in for a company (authenticatedAccount.purchasingCompany) no price: they pay the company's", async () => {
    // Casey's history has no order placed for a company, so only the account's purchasing company tells.
    const casey = scenario('casey');
    const money = () => [...document.body.querySelectorAll('s-text')].map((node) => node.textContent ?? '').filter((line) => /\$\d/.test(line));
    setUp(casey);
    extension.shopify.authenticatedAccount.purchasingCompany.value = undefined;
    await extension.render();
    expect(money()).toContain('$38.00');
    extension.tearDown();
    extension.setUp();
    setUp(casey);
    extension.shopify.authenticatedAccount.purchasingCompany.value = {
      company: { id: 'gid://shopify/Company/1' },
      location: { id: 'gid://shopify/CompanyLocation/1' },
    };
    await extension.render();
    expect(titles(section('Buy again')).length).toBeGreaterThan(0);
    expect(money()).toEqual([]);
  });

  it('still renders without protected customer data (no name, email or account signal)', async () => {
    const casey = scenario('casey');
    setUp(casey);
    const customer = {
      ...customerAccountCustomer(casey.store, casey.customer),
      firstName: null,
      lastName: null,
      displayName: '',
      emailAddress: null,
      phoneNumber: null,
      defaultAddress: null,
    };
    extension.fetch = vi.fn(customerAccountFetch({ customer })) as typeof fetch;
    extension.shopify.authenticatedAccount.customer.value = undefined;
    await extension.render();
    expect(titles(section('Buy again'))).toEqual(['Amber Candle', 'Long Matches', 'Fig Candle', 'Cedar Candle']);
  });
});

describe('when an API fails or is slow', () => {
  it('shows nothing when the Customer Account API answers an error, and asks the Storefront nothing', async () => {
    setUp(scenario('loyal-customer'));
    extension.fetch = vi.fn(customerAccountFetch({}, { status: 500 })) as typeof fetch;
    await extension.render();
    expect(document.body.innerHTML).toBe('');
    expect(queryCalls()).toHaveLength(0);
  });

  it('shows nothing when the history comes back without a customer (no access to it)', async () => {
    setUp(scenario('loyal-customer'));
    extension.fetch = vi.fn(customerAccountFetch({ customer: null })) as typeof fetch;
    await extension.render();
    expect(document.body.innerHTML).toBe('');
  });

  it('shows a brief skeleton while the history loads, then nothing once it takes longer than 1.5 s', async () => {
    setUp(scenario('loyal-customer'));
    extension.fetch = vi.fn(() => new Promise<Response>(() => {})) as typeof fetch;
    // The 1.5 s limit on the clock the test moves: the history never comes, and no busy machine moves the limit.
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    let done = false;
    const rendering = extension.render().then(() => (done = true));
    await vi.waitUntil(() => document.body.querySelectorAll('s-skeleton-paragraph').length > 0 && vi.mocked(extension.fetch).mock.calls.length > 0, {
      timeout: 10_000,
      interval: 1,
    });
    expect(
      document.body.querySelector('s-stack')!.getAttribute('accessibilityLabel') ?? document.body.querySelector('s-stack')!.getAttribute('accessibilitylabel'),
    ).toBe('Loading your products');
    await vi.advanceTimersByTimeAsync(1400);
    expect(done).toBe(false);
    expect(document.body.querySelectorAll('s-skeleton-paragraph').length).toBeGreaterThan(0);
    await vi.advanceTimersByTimeAsync(200);
    expect(done).toBe(true);
    await rendering;
    expect(document.body.innerHTML).toBe('');
  });

  it("keeps Buy again when Shopify's suggestions time out, without recommendations", async () => {
    const loyal = scenario('loyal-customer');
    setUp(loyal);
    extension.shopify.query = storefront(loyal.store, (kind, data) =>
      kind === 'recommendations' ? new Promise(() => {}) : data,
    ) as unknown as typeof extension.shopify.query;
    await extension.render();
    expect(sections().map((candidate) => candidate.getAttribute('heading'))).toEqual(['Buy again']);
    expect(titles(section('Buy again'))).toEqual(expected(loyal).items.map((item) => item.product.title));
  });

  it("keeps Buy again when Shopify's suggestions fail", async () => {
    const casey = scenario('casey');
    setUp(casey);
    extension.shopify.query = storefront(casey.store, (kind, data) => {
      if (kind === 'recommendations') throw new Error('Storefront API unavailable');
      return data;
    }) as unknown as typeof extension.shopify.query;
    await extension.render();
    expect(sections().map((candidate) => candidate.getAttribute('heading'))).toEqual(['Buy again']);
    expect(titles(section('Buy again'))).toEqual(['Amber Candle', 'Long Matches', 'Fig Candle', 'Cedar Candle']);
  });

  it('shows nothing when the bought products cannot be read: it cannot tell what the customer already has', async () => {
    const loyal = scenario('loyal-customer');
    setUp(loyal);
    extension.shopify.query = storefront(loyal.store, (kind, data) => {
      if (kind === 'nodes') throw new Error('Storefront API unavailable');
      return data;
    }) as unknown as typeof extension.shopify.query;
    await extension.render();
    expect(document.body.innerHTML).toBe('');
  });
});

describe('a very long history', () => {
  it('asks the Storefront for at most 250 bought products, the most recent first', async () => {
    // The newest 50 orders (all the history reads), six different products each: 300 products.
    const line = (p: number) => ({
      id: `gid://shopify/LineItem/${p}`,
      title: `Product ${p}`,
      variantTitle: null,
      quantity: 1,
      refundableQuantity: 1,
      requiresShipping: true,
      productId: `gid://shopify/Product/${p}`,
      variantId: `gid://shopify/ProductVariant/${p}`,
      image: null,
      price: { amount: '10.0', currencyCode: 'USD' },
    });
    const orders = Array.from({ length: ORDER_HISTORY_LIMIT }, (_, n) => ({
      id: `gid://shopify/Order/${9000 + n}`,
      name: `#${9000 + n}`,
      processedAt: new Date(Date.UTC(2026, 0, 1) - n * 86_400_000).toISOString(),
      cancelledAt: null,
      totalPrice: { amount: '60.0', currencyCode: 'USD' },
      purchasingEntity: { __typename: 'Customer', id: 'gid://shopify/Customer/1' },
      lineItems: { nodes: Array.from({ length: 6 }, (_, k) => line(n * 6 + k + 1)) },
    }));
    const asked: string[][] = [];
    await loadBlock({
      fetch: customerAccountFetch({ customer: { orders: { nodes: orders } } }) as typeof fetch,
      query: async (_query, { variables }) => {
        if (Array.isArray(variables.ids)) asked.push(variables.ids as string[]);
        return { data: { nodes: [] } };
      },
      settings: readSettings({ show_recommendations: false }),
      now: new Date('2026-01-02T00:00:00Z'),
    });
    expect(MAX_PRODUCT_IDS).toBe(250);
    expect(asked).toHaveLength(1);
    expect(asked[0]).toHaveLength(250);
    expect(asked[0][0]).toBe('gid://shopify/Product/1');
    expect(asked[0][249]).toBe('gid://shopify/Product/250');
  });
});

describe('in every language the extension ships', () => {
  it.each([
    ['en', 'Buy again'],
    ['da', 'Køb igen'],
    ['nb', 'Kjøp igjen'],
    ['nl', 'Opnieuw kopen'],
    ['th', 'ซื้ออีกครั้ง'],
  ])('%s: loyal-customer sees the Buy again heading in that language', async (locale, heading) => {
    setUp(scenario('loyal-customer'));
    extension.shopify.i18n.translate = localeTranslator(EXTENSION_DIR, locale) as typeof extension.shopify.i18n.translate;
    await extension.render();
    await vi.waitFor(() => expect(section(heading)).toBeDefined(), { timeout: WAIT_LIMIT_MS });
    expect(rows(section(heading)).length).toBeGreaterThan(0);
    expect(document.body.textContent).not.toMatch(/\b(buy_again|recommendations)\.[a-z_]+/);
  });
});
