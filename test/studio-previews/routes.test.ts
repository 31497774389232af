/**
 * The studio's extension previews over HTTP: every page answers HTML that loads the host and the extension's
 * bundle, the bundles build, and the APIs the pages call answer from the store adapters for the scenario.
 */
import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import { ORDER_HISTORY_LIMIT, ORDER_HISTORY_QUERY, ORDER_STATUS_QUERY } from '@encore/shopify-apis/customer-account/queries.ts';
import { PRODUCTS_QUERY } from '@encore/shopify-apis/storefront/documents.ts';
import { customerAccountOrder } from '@encore/fixtures/adapters/customer-account.ts';
import { findOrder } from '@encore/fixtures/names.ts';
import { usePreviewServer } from './support.ts';

const preview = usePreviewServer();
const { get, post } = preview;
/** `http://127.0.0.1:PORT`: the studio stands in for the shop's own domain, so its URLs point here. */
const origin = () => preview.server.url('');

/** The JSON the page embeds for its host. */
function scenarioOf(html: string): { handle: string; locale: string; customer: string; bundle: string; api: Record<string, unknown> } {
  const json = /<script type="application\/json" id="encore-scenario">(.*?)<\/script>/s.exec(html)?.[1];
  if (!json) throw new Error('the page embeds no scenario');
  return JSON.parse(json);
}

describe('preview pages', () => {
  it.each([
    ['/extensions/encore-thank-you?order=1003&locale=en', 'encore-thank-you', 'casey'],
    ['/extensions/encore-order-status?order=1003&locale=fr', 'encore-order-status', 'casey'],
    ['/extensions/encore-order-index?customer=loyal-customer&locale=en', 'encore-order-index', 'loyal-customer'],
  ])('%s answers HTML loading the host and the extension bundle', async (path, handle, customer) => {
    const page = await get(path);
    expect(page.status).toBe(200);
    expect(page.type).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<script type="module" src="/__encore/ext/host.js"></script>');
    const scenario = scenarioOf(page.body);
    expect(scenario.handle).toBe(handle);
    expect(scenario.customer).toBe(customer);
    expect(scenario.bundle).toBe(`/__encore/ext/bundle/${handle}.js`);
    expect(page.body).toContain(`<html lang="${new URL(path, 'http://x').searchParams.get('locale')}">`);
    // Checkout's frame in small: one main landmark, the studio's own h1, then the slot the extension draws in.
    expect(page.body.match(/<main>/g)).toHaveLength(1);
    expect(page.body).toMatch(
      new RegExp(
        `<h1 class="studio-heading" lang="en"><a href="/">Encore studio</a> · ${handle} · (order 1003|customer loyal-customer)</h1>\\s*<div id="encore-extension"></div>\\s*</main>`,
      ),
    );
  });

  it('signs a customer whose latest order was for a company in for that company, as a B2B buyer is', async () => {
    const account = async (customer: string) =>
      scenarioOf((await get(`/extensions/encore-order-index?customer=${customer}`)).body).api.authenticatedAccount as { purchasingCompany?: unknown };
    // The default store's b2b-buyer orders for Harbor Hotel Group, Boston Seaport; ids are stable hashes of the names.
    expect(await account('b2b-buyer')).toMatchObject({ purchasingCompany: { company: { name: 'Harbor Hotel Group' }, location: { name: 'Boston Seaport' } } });
    expect((await account('loyal-customer')).purchasingCompany).toBeUndefined();
  });

  it("points the shop's storefront at the studio, which serves its cart permalinks and products", async () => {
    const scenario = scenarioOf((await get('/extensions/encore-order-status?order=1003&locale=en')).body);
    expect((scenario.api.shop as { storefrontUrl: string }).storefrontUrl).toBe(origin());
  });

  it('does not echo a Host header that is not a plain host and port into the page', async () => {
    // fetch() will not send a Host of its own, so this goes out through node:http.
    const body = await new Promise<string>((resolve, reject) => {
      const request = httpRequest(
        preview.server.url('/extensions/encore-order-status?order=1003'),
        { headers: { Host: 'evil"</script><script>x()' } },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () => resolve(text));
        },
      );
      request.on('error', reject);
      request.end();
    });
    expect((scenarioOf(body).api.shop as { storefrontUrl: string }).storefrontUrl).toBe('http://127.0.0.1');
    expect(body).not.toContain('evil');
  });

  it('hands the thank-you host the order as checkout confirms it, images from the studio', async () => {
    const scenario = scenarioOf((await get('/extensions/encore-thank-you?order=1003&locale=en')).body);
    expect(scenario.api.orderConfirmation).toEqual({ order: { id: 'gid://shopify/Order/6003' }, number: 'EW1003QX', isFirstOrder: false });
    const images = (scenario.api.lines as { merchandise: { image?: { url: string } } }[]).flatMap((line) => line.merchandise.image?.url ?? []);
    expect(images.length).toBeGreaterThan(0);
    for (const url of images) expect(url.startsWith(`${origin()}/cdn/shop/files/`), url).toBe(true);
  });

  it("hands the thank-you host the merchant's settings as the fixture implies them over the toml defaults", async () => {
    // #1008's checkout authorized the card (captured later): the merchant charges cards later.
    const authorized = scenarioOf((await get('/extensions/encore-thank-you?order=1008')).body);
    expect((authorized.api.settings as Record<string, unknown>).cards_charged_later).toBe(true);
    const charged = scenarioOf((await get('/extensions/encore-thank-you?order=1001')).body);
    expect((charged.api.settings as Record<string, unknown>).cards_charged_later).toBe(false);
  });

  it('keeps the hostile customer inert: nothing in the embedded data can close its script element', async () => {
    const page = await get('/extensions/encore-order-status?order=1015&locale=en');
    expect(page.status).toBe(200);
    const embedded = /id="encore-scenario">(.*?)<\/script>/s.exec(page.body)![1]!;
    expect(embedded).not.toMatch(/[<>]/);
    expect(page.body.match(/<script/g)).toHaveLength(2);
  });

  it('answers 404 pages naming what the store has for an unknown order, customer or extension', async () => {
    const order = await get('/extensions/encore-order-status?order=9999');
    expect(order.status).toBe(404);
    expect(order.body).toContain('no order &#34;9999&#34; in the store');
    const customer = await get('/extensions/encore-order-index?customer=nobody');
    expect(customer.status).toBe(404);
    expect(customer.body).toContain('casey');
    expect((await get('/extensions/encore-nothing')).status).toBe(404);
  });

  it("names a few of the store's orders when ?order= is missing, empty or unknown, on every order preview", async () => {
    // The first order of each customer who has one: loyal-customer, casey, riley, b2b-buyer, hostile-customer.
    const suggestion = 'try: 1101, 1001, 1008, 1014, 1015, … (60 in all)';
    for (const handle of ['encore-thank-you', 'encore-order-status', 'encore-post-purchase-upsell']) {
      for (const [query, problem] of [
        ['', 'no ?order= given'],
        ['?order=', 'no ?order= given'],
        ['?order=9999', 'no order &#34;9999&#34; in the store'],
      ]) {
        const page = await get(`/extensions/${handle}${query}`);
        expect(page.status, `${handle}${query}`).toBe(404);
        expect(page.body).toContain(`<p>${problem}; ${suggestion}</p>`);
      }
    }
  });

  it("reads ?locale= by the storefront's rule: the shop's primary locale when absent, a 404 naming those it publishes", async () => {
    expect(scenarioOf((await get('/extensions/encore-order-status?order=1003')).body).locale).toBe('en');
    expect(scenarioOf((await get('/extensions/encore-order-status?order=1003&locale=')).body).locale).toBe('en');
    for (const handle of ['encore-order-status', 'encore-post-purchase-upsell']) {
      const page = await get(`/extensions/${handle}?order=1003&locale=xx`);
      expect(page.status).toBe(404);
      expect(page.body).toContain('<p>the shop does not publish the locale &#34;xx&#34;; it publishes en, fr</p>');
    }
  });

  it('answers the post-purchase route with its own page (test/studio-previews/post-purchase.test.ts)', async () => {
    const page = await get('/extensions/encore-post-purchase-upsell?order=1003&locale=en');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<script type="module" src="/__encore/ext/post-purchase/host.js"></script>');
  });

  it('leaves other paths to the studio', async () => {
    expect((await get('/account?customer=casey')).body).toBe('not an extension route');
  });
});

describe('bundles', () => {
  it('builds the host: the Polaris elements and the shopify global', async () => {
    const host = await get('/__encore/ext/host.js');
    expect(host.status).toBe(200);
    expect(host.type).toBe('text/javascript; charset=utf-8');
    for (const element of ['s-stack', 's-heading', 's-button', 's-link', 's-product-thumbnail', 's-skeleton-paragraph'])
      expect(host.body).toContain(`"${element}"`);
    expect(host.body).toContain('shopify://customer-account/');
  });

  it.each([
    ['encore-thank-you', 'encore:offer_viewed'],
    ['encore-order-status', 'query EncoreOrderStatus('],
    ['encore-order-index', 'query EncoreOrderHistory('],
  ])('builds %s from its own source with Preact', async (handle, marker) => {
    const bundle = await get(`/__encore/ext/bundle/${handle}.js`);
    expect(bundle.status).toBe(200);
    expect(bundle.body).toContain('node_modules/preact/dist/preact.module.js');
    expect(bundle.body).toContain(marker);
    expect(bundle.body).toMatch(/export\s*\{[^}]*as default/);
    // Drawn in the preview's slot: the extension's document.body is the global the host points at it.
    expect(bundle.body).toContain('globalThis.encoreExtensionRoot');
    expect(bundle.body).not.toMatch(/document\.body/);
  });

  it('lets the browser keep a bundle until it changes: an ETag, and 304 with no body when it still matches', async () => {
    const url = preview.server.url('/__encore/ext/bundle/encore-order-status.js');
    const first = await fetch(url);
    const etag = first.headers.get('etag');
    expect([first.status, first.headers.get('cache-control'), etag]).toEqual([200, 'no-cache', expect.stringMatching(/^"[\w-]{27}"$/)]);
    const code = await first.text();
    const again = await fetch(url, { headers: { 'If-None-Match': etag! } });
    expect([again.status, await again.text()]).toEqual([304, '']);
    const stale = await fetch(url, { headers: { 'If-None-Match': '"an-older-build"' } });
    expect([stale.status, (await stale.text()).length]).toEqual([200, code.length]);
  });
});

describe('the APIs a preview calls', () => {
  it("answers the Customer Account API with the scenario customer's order, only the fields the query selects", async () => {
    const { store } = preview.server.storefront;
    const { order, customer } = findOrder(store, '1003')!;
    const reply = await post('/__encore/ext/customer-account?customer=casey', {
      query: ORDER_STATUS_QUERY,
      variables: { id: `gid://shopify/Order/${order.id}` },
    });
    expect(reply.status).toBe(200);
    const answered = reply.json.data!.order as Record<string, unknown>;
    const full = customerAccountOrder(store, order, customer) as unknown as Record<string, unknown>;
    expect(answered.name).toBe('#1003');
    expect(answered.id).toBe(full.id);
    // Only what the query selects: the order status query leaves some of the order's fields out.
    expect(Object.keys(answered).every((key) => key in full)).toBe(true);
    expect(Object.keys(answered).length).toBeLessThan(Object.keys(full).length);
  });

  it("answers null for another customer's order, as Shopify does", async () => {
    const { order } = findOrder(preview.server.storefront.store, '1008')!;
    const reply = await post('/__encore/ext/customer-account?customer=casey', {
      query: ORDER_STATUS_QUERY,
      variables: { id: `gid://shopify/Order/${order.id}` },
    });
    expect(reply.json.data).toEqual({ order: null });
  });

  it('answers the order history for the order index, newest first', async () => {
    const reply = await post('/__encore/ext/customer-account?customer=casey', { query: ORDER_HISTORY_QUERY, variables: { first: ORDER_HISTORY_LIMIT } });
    const orders = (reply.json.data!.customer as { orders: { nodes: { name: string }[] } }).orders.nodes.map((node) => node.name);
    const casey = preview.server.storefront.store.customers.find((candidate) => candidate.handle === 'casey')!;
    const newestFirst = [...casey.orders].sort((a, b) => Date.parse(b.processed_at) - Date.parse(a.processed_at)).map((order) => order.name);
    expect(orders).toHaveLength(7);
    expect(orders).toEqual(newestFirst);
  });

  it('answers the Storefront API from the catalog, images same-origin', async () => {
    const product = preview.server.storefront.store.products.find((candidate) => candidate.handle === 'amber-candle')!;
    const reply = await post('/__encore/ext/storefront', {
      query: PRODUCTS_QUERY,
      variables: { ids: [`gid://shopify/Product/${product.id}`, 'gid://shopify/Product/1'] },
    });
    const nodes = reply.json.data!.nodes as ({ title: string; featuredImage: { url: string } } | null)[];
    expect(nodes).toHaveLength(2);
    expect(nodes[0]!.title).toBe('Amber Candle');
    expect(nodes[0]!.featuredImage.url).toBe(`${origin()}/cdn/shop/files/amber-candle.jpg`);
    expect(nodes[1]).toBeNull();
  });

  it("refuses a misspelled field on either API with the schema's validation error, and no data", async () => {
    const order = await post('/__encore/ext/customer-account?customer=casey', {
      query: ORDER_STATUS_QUERY.replace('fulfillmentStatus', 'fulfilmentStatus'),
      variables: { id: 'gid://shopify/Order/1' },
    });
    expect(order.json).toEqual({
      errors: [
        {
          message: 'Cannot query field "fulfilmentStatus" on type "Order". Did you mean "fulfillmentStatus" or "fulfillments"?',
          locations: [{ line: 9, column: 3 }],
        },
      ],
    });
    const products = await post('/__encore/ext/storefront', {
      query: PRODUCTS_QUERY.replace('productType', 'productTyp'),
      variables: { ids: ['gid://shopify/Product/1'] },
    });
    expect(products.json.data).toBeUndefined();
    expect(products.json.errors?.map((error) => error.message)).toEqual(['Cannot query field "productTyp" on type "Product". Did you mean "productType"?']);
  });

  it('answers a broken request with a GraphQL error, not a crash', async () => {
    const reply = await post('/__encore/ext/customer-account?customer=casey', { nope: true });
    expect(reply.json.errors?.[0]?.message).toBe('the body has no GraphQL query');
  });
});
