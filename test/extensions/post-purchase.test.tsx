// @vitest-environment node
/**
 * The post-purchase upsell as Shopify runs it: the extension registers its two extension points through
 * `self.shopify.extend`, ShouldRender is called with the purchase's inputData, and Render draws into a
 * remote-ui root (@remote-ui/testing's `mount`, the renderer Shopify documents for this package). The
 * backend answers through a `fetch` stub built to the contract in app/README.md; Shopify's
 * `calculateChangeset` / `applyChangeset` / `done` are spies.
 *
 * Casey's #1003 (Cedar Candle, Wick Trimmer, Reed Diffuser; USD) gets, by app/offers.json and the default
 * store's catalog:
 *   refill-oil-for-diffuser  Diffuser Refill Oil (4011) $22.00, 10% off → $22.00 − $2.20 = $19.80, up to 3
 *   matches-with-candle      Long Matches (4008) $6.00, no discount, up to 5
 * (the tray is out of stock, the trimmer already ordered, the VIP and first-order offers do not apply).
 */
import { mount } from '@remote-ui/testing';
import type { Node, RootNode } from '@remote-ui/testing';
import { Banner, Bookend, Button, Heading, Image, Select, Text } from '@shopify/post-purchase-ui-extensions';
import type { PostPurchaseRenderApi, PostPurchaseShouldRenderApi } from '@shopify/post-purchase-ui-extensions';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PostPurchaseOffer } from '@encore/shopify-apis/post-purchase/offer-contract.ts';
import { postPurchaseInput } from '@encore/fixtures/adapters/post-purchase.ts';
import { findBundledStore } from '@encore/fixtures/bundled.ts';
import { findOrder } from '@encore/fixtures/names.ts';
import { loadPostPurchaseExtension, registered } from './support/post-purchase-host.ts';

// ------------------------------------------------------------------ the host: self.shopify.extend

beforeAll(loadPostPurchaseExtension);

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

// ------------------------------------------------------------------ the purchase and its offers

const bundled = findBundledStore({ order: '1003' })!;
const { order, customer } = findOrder(bundled.store, '1003')!;
const inputData = postPurchaseInput(bundled.store, order, customer);

const REFILL: PostPurchaseOffer = {
  id: 'refill-oil-for-diffuser',
  title: 'Keep your diffuser going: 10% off Refill Oil',
  product: { title: 'Diffuser Refill Oil', imageUrl: 'https://cdn.example/diffuser-refill-oil.jpg' },
  variants: [{ id: 4011, title: 'Default Title', price: '22.00', discountedPrice: '19.80' }],
  currencyCode: 'USD',
  quantity: { default: 1, max: 3 },
  discount: { type: 'percentage', value: 10 },
  next: { accepted: 'matches-with-candle', declined: 'matches-with-candle' },
  countdownSeconds: null,
  moneyFormat: null,
};

const MATCHES: PostPurchaseOffer = {
  id: 'matches-with-candle',
  title: 'Never hunt for a light: add Long Matches',
  product: { title: 'Long Matches', imageUrl: null },
  variants: [{ id: 4008, title: 'Default Title', price: '6.00', discountedPrice: '6.00' }],
  currencyCode: 'USD',
  quantity: { default: 1, max: 5 },
  discount: null,
  next: { accepted: null, declined: null },
  countdownSeconds: null,
  moneyFormat: null,
};

/** The Amber Candle's two sizes at 20% off: 8 oz $24.00 → $19.20, 16 oz $38.00 → $30.40. */
const CANDLE: PostPurchaseOffer = {
  id: 'candle-sizes',
  title: '20% off another Amber Candle',
  product: { title: 'Amber Candle', imageUrl: null },
  variants: [
    { id: 4001, title: '8 oz', price: '24.00', discountedPrice: '19.20' },
    { id: 4002, title: '16 oz', price: '38.00', discountedPrice: '30.40' },
  ],
  currencyCode: 'USD',
  quantity: { default: 1, max: 1 },
  discount: { type: 'percentage', value: 20 },
  next: { accepted: null, declined: null },
  countdownSeconds: null,
  moneyFormat: null,
};

// ------------------------------------------------------------------ the backend, to the contract

interface Call {
  url: string;
  body: Record<string, unknown>;
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** A backend answering each route with `answer(body)`; records every request. */
function stubBackend(routes: {
  offers?: (body: any) => Response | Promise<Response>;
  sign?: (body: any) => Response | Promise<Response>;
  events?: (body: any) => Response | Promise<Response>;
}) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as Record<string, unknown>;
      calls.push({ url, body });
      expect(init.method).toBe('POST');
      expect(new Headers(init.headers).get('Content-Type')).toBe('application/json');
      const route = url.endsWith('/api/post-purchase/offers')
        ? routes.offers
        : url.endsWith('/api/post-purchase/sign-changeset')
          ? routes.sign
          : url.endsWith('/api/post-purchase/events')
            ? (routes.events ?? (() => json(200, { recorded: true })))
            : undefined;
      if (!route) return json(404, { error: { code: 'not_found', message: url } });
      return route(body);
    }),
  );
  return calls;
}

/** The funnel events the page reported, in order: [offer, event]. */
const eventsIn = (calls: Call[]) => calls.filter((call) => call.url.endsWith('/api/post-purchase/events')).map((call) => [call.body.offerId, call.body.event]);
/** The requests other than funnel events. */
const withoutEvents = (calls: Call[]) => calls.filter((call) => !call.url.endsWith('/api/post-purchase/events'));

const signedFor = (body: { offerId: string; variantId: number; quantity: number }) => `signed.${body.offerId}.${body.variantId}.${body.quantity}`;
const signing = () => (body: any) => json(200, { token: signedFor(body) });

// ------------------------------------------------------------------ ShouldRender

function shouldRenderApi() {
  const update = vi.fn(async (_data: unknown) => {});
  const api: PostPurchaseShouldRenderApi = {
    extensionPoint: 'Checkout::PostPurchase::ShouldRender',
    version: 'unstable',
    locale: 'en',
    inputData: { ...inputData, extensionPoint: 'Checkout::PostPurchase::ShouldRender' },
    storage: { initialData: undefined, update },
  };
  return { api, update };
}

const shouldRender = (api: PostPurchaseShouldRenderApi) => registered.get('Checkout::PostPurchase::ShouldRender')!(api) as Promise<{ render: boolean }>;

describe('ShouldRender', () => {
  it('asks the backend with the purchase token and keeps the offers for Render', async () => {
    const calls = stubBackend({ offers: () => json(200, { offers: [REFILL, MATCHES] }) });
    const { api, update } = shouldRenderApi();
    await expect(shouldRender(api)).resolves.toEqual({ render: true });
    expect(calls).toEqual([{ url: 'http://localhost:3000/api/post-purchase/offers', body: { token: inputData.token } }]);
    expect(update).toHaveBeenCalledWith({ offers: [REFILL, MATCHES] });
  });

  it('keeps an offer from a backend that sends no money format, with moneyFormat null as the contract says', async () => {
    const { moneyFormat: _left, ...withoutFormat } = REFILL;
    stubBackend({ offers: () => json(200, { offers: [withoutFormat] }) });
    const { api, update } = shouldRenderApi();
    await expect(shouldRender(api)).resolves.toEqual({ render: true });
    expect(update).toHaveBeenCalledWith({ offers: [{ ...withoutFormat, moneyFormat: null }] });
  });

  it('skips the page when the backend has no offer', async () => {
    stubBackend({ offers: () => json(200, { offers: [] }) });
    const { api, update } = shouldRenderApi();
    await expect(shouldRender(api)).resolves.toEqual({ render: false });
    expect(update).not.toHaveBeenCalled();
  });

  it.each([
    ['rejects the token', () => json(401, { error: { code: 'invalid_token', message: 'signature' } })],
    ['fails', () => json(500, { error: { code: 'internal', message: 'boom' } })],
    ['answers something that is not offers', () => json(200, { offers: [{ id: 'x' }] })],
    ['answers HTML', () => new Response('<html>', { status: 200 })],
    ['is unreachable', () => Promise.reject(new TypeError('fetch failed'))],
  ])('skips the page when the backend %s', async (_name, answer) => {
    stubBackend({ offers: answer });
    const { api, update } = shouldRenderApi();
    await expect(shouldRender(api)).resolves.toEqual({ render: false });
    expect(update).not.toHaveBeenCalled();
  });

  it('gives the backend 1.5 s, then skips the page', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let aborted = false;
    vi.stubGlobal(
      'fetch',
      vi.fn(
        (_url: string, init: RequestInit) =>
          new Promise((_resolve, reject) => {
            init.signal!.addEventListener('abort', () => {
              aborted = true;
              reject(new DOMException('aborted', 'AbortError'));
            });
          }),
      ),
    );
    const { api, update } = shouldRenderApi();
    let answer: { render: boolean } | undefined;
    void shouldRender(api).then((result) => (answer = result));
    await vi.advanceTimersByTimeAsync(1499);
    expect(answer).toBeUndefined();
    expect(aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(aborted).toBe(true);
    expect(answer).toEqual({ render: false });
    expect(update).not.toHaveBeenCalled();
  });
});

// ------------------------------------------------------------------ Render

type ApplyResult = Awaited<ReturnType<PostPurchaseRenderApi['applyChangeset']>>;

const bag = (amount: string) => ({ shopMoney: { amount, currencyCode: 'USD' }, presentmentMoney: { amount, currencyCode: 'USD' } });

/**
 * Shopify's price for a change, from a table: `${variantId}x${quantity}` → [line total, shipping, tax, total
 * charged now]. Tax is 8.25% (Casey ships within the US), rounded to the cent.
 */
const PRICES: Record<string, [string, string, string, string]> = {
  '4011x1': ['19.80', '0.00', '1.63', '21.43'],
  '4011x3': ['59.40', '0.00', '4.90', '64.30'],
  '4008x1': ['6.00', '4.95', '0.50', '11.45'],
  '4001x1': ['19.20', '0.00', '1.58', '20.78'],
  '4002x1': ['30.40', '0.00', '2.51', '32.91'],
};

interface RenderSetup {
  offers?: PostPurchaseOffer[];
  locale?: string;
  apply?: (token: string) => ApplyResult | Promise<ApplyResult>;
  calculate?: (changeset: any) => any;
}

function renderPage(setup: RenderSetup = {}) {
  const calculate = vi.fn(async (changeset: any) => {
    if (setup.calculate) return setup.calculate(changeset);
    const [change] = changeset.changes;
    const [line, shipping, tax, total] = PRICES[`${change.variantId}x${change.quantity}`];
    return {
      status: 'processed' as const,
      errors: [],
      calculatedPurchase: {
        subtotalPriceSet: bag('999.99'),
        totalPriceSet: bag('999.99'),
        addedTaxLines: [{ priceSet: bag(tax), rate: 0.0825, title: 'Sales tax' }],
        addedShippingLines: shipping === '0.00' ? [] : [{ priceSet: bag(shipping), presentmentTitle: 'Standard' }],
        updatedLineItems: [
          { totalPriceSet: bag('48.00'), priceSet: bag('24.00'), productId: 7002, variantId: 4003, productHandle: 'cedar-candle', quantity: 2 },
          { totalPriceSet: bag(line), priceSet: bag(line), productId: 0, variantId: change.variantId, productHandle: 'offer', quantity: change.quantity },
        ],
        totalOutstandingSet: bag(total),
      },
    };
  });
  const apply = vi.fn(async (token: string) =>
    setup.apply ? setup.apply(token) : { status: 'processed' as const, errors: [], changesetApplicationsRemaining: 2 },
  );
  const done = vi.fn(async () => {});
  const api: PostPurchaseRenderApi = {
    extensionPoint: 'Checkout::PostPurchase::Render',
    version: 'unstable',
    locale: setup.locale ?? 'en',
    inputData: { ...inputData, locale: setup.locale ?? 'en' },
    storage: { initialData: { offers: setup.offers ?? [REFILL, MATCHES] }, update: vi.fn(async () => {}) },
    calculateChangeset: calculate,
    applyChangeset: apply,
    done,
  };
  const root = mount((remoteRoot) => registered.get('Checkout::PostPurchase::Render')!(remoteRoot, api));
  return { root, calculate, apply, done };
}

/** Lets effects, the fake Shopify and the fake backend answer, then reads the tree again. */
async function settle(root: RootNode<unknown>) {
  for (let i = 0; i < 3; i++) await root.act(() => new Promise((resolve) => setTimeout(resolve, 0)));
}

const texts = (root: RootNode<unknown>) => root.findAll(Text).map((node) => node.text);
const buttonLabelled = (root: RootNode<unknown>, label: string): Node<any> => {
  const found = root.findAll(Button).find((button) => button.text === label);
  if (!found)
    throw new Error(
      `no button "${label}" among ${root
        .findAll(Button)
        .map((button) => `"${button.text}"`)
        .join(', ')}`,
    );
  return found;
};
const press = async (root: RootNode<unknown>, label: string) => {
  await buttonLabelled(root, label).trigger('onPress');
  await settle(root);
};

describe('Render: the offer', () => {
  it('shows the refill oil at $22.00, offered at $19.80, and what accepting charges now', async () => {
    const { root, calculate } = renderPage();
    await settle(root);
    expect(root.find(Heading)!.text).toBe('Keep your diffuser going: 10% off Refill Oil');
    expect(root.find(Image)!.props).toMatchObject({ source: 'https://cdn.example/diffuser-refill-oil.jpg', description: 'Diffuser Refill Oil' });
    expect(root.find(Text, { role: 'deletion' })!.text).toBe('Regular price $22.00');
    expect(texts(root)).toContain('Your price $19.80');
    // Shopify prices the same change the backend will sign: 1 × 4011 at 10% off.
    expect(calculate).toHaveBeenLastCalledWith({
      changes: [{ type: 'add_variant', variantId: 4011, quantity: 1, discount: { value: 10, valueType: 'percentage', title: REFILL.title } }],
    });
    expect(texts(root)).toEqual(expect.arrayContaining(['Subtotal', '$19.80', 'Shipping', 'Free', 'Taxes', '$1.63', 'Total charged now', '$21.43']));
    expect(buttonLabelled(root, 'Pay now · $21.43').props.disabled).toBe(false);
  });

  it('shows one price when there is no discount, and a paid shipping line', async () => {
    const { root } = renderPage({ offers: [MATCHES] });
    await settle(root);
    expect(root.find(Text, { role: 'deletion' })).toBeNull();
    expect(root.find(Image)).toBeNull();
    expect(texts(root)).toEqual(expect.arrayContaining(['Your price $6.00', 'Shipping', '$4.95', 'Taxes', '$0.50', 'Total charged now', '$11.45']));
  });

  it('lines the breakdown amounts up on the right: each row a Bookend whose trailing child (the amount) keeps its own width', async () => {
    const { root } = renderPage();
    await settle(root);
    const rows = root.findAll(Bookend);
    expect(rows.map((row) => row.findAll(Text).map((text) => text.text))).toEqual([
      ['Subtotal', '$19.80'],
      ['Shipping', 'Free'],
      ['Taxes', '$1.63'],
      ['Total charged now', '$21.43'],
    ]);
    for (const row of rows) expect(row.props).toMatchObject({ trailing: true });
  });

  it.each([
    ['nl', 'Belastingen'],
    ['da', 'Skatter'],
    ['nb', 'Skatter'],
  ])('in %s, tax added on top (a US sales tax) is called taxes (%s), not VAT', async (locale, word) => {
    const { root } = renderPage({ locale });
    await settle(root);
    const labels = root.findAll(Bookend).map((row) => row.findAll(Text)[0]?.text);
    expect(labels).toContain(word);
    expect(labels.join(' ')).not.toMatch(/\b(btw|moms|mva)\b/i);
  });

  it('in the EUR store, prices including VAT: no "Btw €0,00" row, and amounts in the shop\'s format (€42,90, as the theme writes it)', async () => {
    const euro = { shopMoney: { amount: '42.90', currencyCode: 'EUR' }, presentmentMoney: { amount: '42.90', currencyCode: 'EUR' } };
    const soap: PostPurchaseOffer = {
      ...MATCHES,
      title: 'Handzeep erbij',
      currencyCode: 'EUR',
      variants: [{ id: 4008, title: 'Default Title', price: '42.90', discountedPrice: '42.90' }],
      moneyFormat: { currency: 'EUR', format: '€{{amount_with_comma_separator}}' },
    };
    const { root } = renderPage({
      offers: [soap],
      locale: 'nl',
      calculate: async () => ({
        status: 'processed' as const,
        errors: [],
        calculatedPurchase: {
          subtotalPriceSet: euro,
          totalPriceSet: euro,
          // Prices include VAT: Shopify adds no tax line on top.
          addedTaxLines: [],
          addedShippingLines: [],
          updatedLineItems: [{ totalPriceSet: euro, priceSet: euro, productId: 0, variantId: 4008, productHandle: 'offer', quantity: 1 }],
          totalOutstandingSet: euro,
        },
      }),
    });
    await settle(root);
    const rows = root.findAll(Bookend).map((row) => row.findAll(Text).map((text) => text.text));
    expect(rows).toEqual([
      ['Subtotaal', '€42,90'],
      ['Verzending', expect.any(String)],
      ['Nu in rekening gebracht', '€42,90'],
    ]);
    expect(texts(root).some((line) => /€\s42,90/.test(line))).toBe(false);
  });

  it('offers quantities 1 to the offer max and reprices the choice', async () => {
    const { root, calculate } = renderPage();
    await settle(root);
    const quantity = root.find(Select, { label: 'Quantity' })!;
    expect(quantity.props.value).toBe('1');
    expect(quantity.props.options.map((option) => option.value)).toEqual(['1', '2', '3']);
    expect(texts(root)).toContain('Limit 3 per order');
    await root.act(() => quantity.trigger('onChange', '3'));
    await settle(root);
    expect(root.find(Select, { label: 'Quantity' })!.props.value).toBe('3');
    expect(calculate).toHaveBeenLastCalledWith({ changes: [expect.objectContaining({ variantId: 4011, quantity: 3 })] });
    expect(buttonLabelled(root, 'Pay now · $64.30')).toBeTruthy();
    // Beyond the max (a forged onChange) stays at the max.
    await root.act(() => root.find(Select, { label: 'Quantity' })!.trigger('onChange', '9'));
    await settle(root);
    expect(root.find(Select, { label: 'Quantity' })!.props.value).toBe('3');
  });

  it('has no quantity choice when the offer allows one, and lets the buyer choose a size', async () => {
    const { root, calculate } = renderPage({ offers: [CANDLE] });
    await settle(root);
    expect(root.find(Select, { label: 'Quantity' })).toBeNull();
    const size = root.find(Select, { label: 'Option' })!;
    expect(size.props.options).toEqual([
      { value: '4001', label: '8 oz' },
      { value: '4002', label: '16 oz' },
    ]);
    expect(texts(root)).toContain('Regular price $24.00');
    await root.act(() => size.trigger('onChange', '4002'));
    await settle(root);
    expect(texts(root)).toEqual(expect.arrayContaining(['Regular price $38.00', 'Your price $30.40', '$32.91']));
    expect(calculate).toHaveBeenLastCalledWith({
      changes: [{ type: 'add_variant', variantId: 4002, quantity: 1, discount: { value: 20, valueType: 'percentage', title: CANDLE.title } }],
    });
  });

  it('prices a fixed-amount offer with the amount off as the backend states it', async () => {
    // vip-canada-snuffer: $16.00 − $5.00 (500 cents in app/offers.json, 5 in the backend's major units).
    const snuffer: PostPurchaseOffer = {
      ...MATCHES,
      id: 'vip-canada-snuffer',
      title: '$5 off the Candle Snuffer',
      variants: [{ id: 4007, title: 'Default Title', price: '16.00', discountedPrice: '11.00' }],
      discount: { type: 'fixed_amount', value: 5 },
    };
    const { root, calculate } = renderPage({
      offers: [snuffer],
      calculate: () => ({ status: 'unprocessed', errors: [{ code: 'invalid_request', message: 'x' }] }),
    });
    await settle(root);
    expect(calculate).toHaveBeenCalledWith({
      changes: [{ type: 'add_variant', variantId: 4007, quantity: 1, discount: { value: 5, valueType: 'fixed_amount', title: snuffer.title } }],
    });
  });

  it('speaks the buyer language', async () => {
    const { root } = renderPage({ locale: 'da' });
    await settle(root);
    expect(texts(root)).toEqual(expect.arrayContaining(['Føj dette til din ordre', 'Fragt', 'Gratis', 'Højst 3 pr. ordre']));
    expect(root.find(Select)!.props.label).toBe('Antal');
    expect(root.findAll(Button).map((button) => button.text)).toEqual([expect.stringMatching(/^Betal nu · 21,43\s?US\$$/), 'Nej tak']);
  });
});

describe('Render: the funnel', () => {
  it('accept: the backend signs, Shopify applies, the next offer shows, accepting that one ends on the thank-you page', async () => {
    const calls = stubBackend({ sign: signing() });
    const { root, apply, done } = renderPage();
    await settle(root);
    await root.act(() => root.find(Select, { label: 'Quantity' })!.trigger('onChange', '3'));
    await settle(root);
    await press(root, 'Pay now · $64.30');
    expect(withoutEvents(calls)).toEqual([
      {
        url: 'http://localhost:3000/api/post-purchase/sign-changeset',
        body: { token: inputData.token, offerId: 'refill-oil-for-diffuser', variantId: 4011, quantity: 3 },
      },
    ]);
    expect(apply).toHaveBeenCalledWith('signed.refill-oil-for-diffuser.4011.3');
    expect(root.find(Heading)!.text).toBe('Never hunt for a light: add Long Matches');
    expect(done).not.toHaveBeenCalled();

    await press(root, 'Pay now · $11.45');
    expect(apply).toHaveBeenLastCalledWith('signed.matches-with-candle.4008.1');
    expect(done).toHaveBeenCalledTimes(1);
    // The merchant's funnel heard each view and each change Shopify applied, with the input token.
    expect(eventsIn(calls)).toEqual([
      ['refill-oil-for-diffuser', 'shown'],
      ['refill-oil-for-diffuser', 'applied'],
      ['matches-with-candle', 'shown'],
      ['matches-with-candle', 'applied'],
    ]);
    expect(calls.every((call) => call.body.token === inputData.token)).toBe(true);
  });

  it('disables every control while the accept is in flight', async () => {
    let release!: () => void;
    stubBackend({ sign: (body) => new Promise((resolve) => (release = () => resolve(json(200, { token: signedFor(body) })))) });
    const { root, apply } = renderPage();
    await settle(root);
    const pending = buttonLabelled(root, 'Pay now · $21.43').trigger('onPress');
    await settle(root);
    const accept = buttonLabelled(root, 'Pay now · $21.43');
    expect(accept.props).toMatchObject({ disabled: true, loading: true, loadingLabel: 'Adding to your order…' });
    expect(buttonLabelled(root, 'No thanks').props.disabled).toBe(true);
    expect(root.find(Select, { label: 'Quantity' })!.props.disabled).toBe(true);
    // A second press while busy does nothing.
    await accept.trigger('onPress');
    release();
    await pending;
    await settle(root);
    expect(apply).toHaveBeenCalledTimes(1);
  });

  it('decline: the downsell shows, declining that one ends on the thank-you page; nothing is signed', async () => {
    const calls = stubBackend({ sign: signing() });
    const { root, apply, done } = renderPage();
    await settle(root);
    await press(root, 'No thanks');
    expect(root.find(Heading)!.text).toBe('Never hunt for a light: add Long Matches');
    await press(root, 'No thanks');
    expect(done).toHaveBeenCalledTimes(1);
    expect(withoutEvents(calls)).toEqual([]);
    expect(eventsIn(calls)).toEqual([
      ['refill-oil-for-diffuser', 'shown'],
      ['refill-oil-for-diffuser', 'declined'],
      ['matches-with-candle', 'shown'],
      ['matches-with-candle', 'declined'],
    ]);
    expect(apply).not.toHaveBeenCalled();
  });

  it('never shows more than 3 offers, nor one twice', async () => {
    const chain = (id: string, next: string | null): PostPurchaseOffer => ({ ...MATCHES, id, title: id, next: { accepted: next, declined: next } });
    const { root, done } = renderPage({ offers: [chain('a', 'b'), chain('b', 'c'), chain('c', 'd'), chain('d', null)] });
    await settle(root);
    const seen = [root.find(Heading)!.text];
    for (let i = 0; i < 3; i++) {
      if (done.mock.calls.length) break;
      await press(root, 'No thanks');
      if (!done.mock.calls.length) seen.push(root.find(Heading)!.text);
    }
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(done).toHaveBeenCalledTimes(1);

    const loop = renderPage({ offers: [chain('a', 'b'), chain('b', 'a')] });
    await settle(loop.root);
    await press(loop.root, 'No thanks');
    await press(loop.root, 'No thanks');
    expect(loop.done).toHaveBeenCalledTimes(1);
  });

  it('goes on to the thank-you page when Shopify accepts no further changes', async () => {
    stubBackend({ sign: signing() });
    const { root, done } = renderPage({ apply: () => ({ status: 'processed', errors: [], changesetApplicationsRemaining: 0 }) });
    await settle(root);
    await press(root, 'Pay now · $21.43');
    expect(done).toHaveBeenCalledTimes(1);
  });

  it('counts down the merchant setting and goes on to the thank-you page at zero', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { root, done } = renderPage({ offers: [{ ...REFILL, countdownSeconds: 65 }] });
    await settle(root);
    expect(texts(root)).toContain('Offer ends in 1:05');
    await root.act(() => vi.advanceTimersByTime(6000));
    expect(texts(root)).toContain('Offer ends in 0:59');
    await root.act(() => vi.advanceTimersByTime(58_000));
    expect(texts(root)).toContain('Offer ends in 0:01');
    expect(done).not.toHaveBeenCalled();
    await root.act(() => vi.advanceTimersByTime(1000));
    expect(done).toHaveBeenCalledTimes(1);
    await root.act(() => vi.advanceTimersByTime(5000));
    expect(done).toHaveBeenCalledTimes(1);
  });

  it('goes straight on when storage holds no offers', async () => {
    const { root, done } = renderPage({ offers: [] });
    await settle(root);
    expect(done).toHaveBeenCalledTimes(1);
  });
});

describe('Render: every failure says what happened and leads on to the thank-you page', () => {
  async function expectProblem(root: RootNode<unknown>, done: ReturnType<typeof vi.fn>, message: string) {
    expect(root.find(Banner, { status: 'critical' })!.text).toBe(message);
    expect(done).not.toHaveBeenCalled();
    await press(root, 'Continue to your order confirmation');
    expect(done).toHaveBeenCalledTimes(1);
  }

  it.each([
    ['payment_required', "Your payment method couldn't be charged for this item, so it wasn't added. Your order is confirmed."],
    ['insufficient_inventory', "Sorry, this item just sold out, so it wasn't added. Your order is confirmed."],
    ['changeset_already_applied', "This item is already on your order. You weren't charged twice."],
    ['unsupported_payment_method', "This item can't be paid for with the payment method you used, so it wasn't added. Your order is confirmed."],
    ['invalid_request', "Something was wrong with this offer, so it wasn't added. Your order is confirmed."],
    ['server_error', "Shopify couldn't add this item just now, so it wasn't added or charged. Your order is confirmed."],
    ['buyer_consent_required', "This item needs your consent to recurring charges, so it wasn't added. Your order is confirmed."],
    ['order_released_error', "Your order has already gone to fulfillment, so it can't be changed. Your order is confirmed."],
    ['subscription_vaulting_error', "We couldn't start this subscription, so it wasn't added. Your order is confirmed."],
    ['subscription_contract_creation_error', "We couldn't start this subscription, so it wasn't added. Your order is confirmed."],
    ['subscription_no_shipping_address_error', "We couldn't start this subscription, so it wasn't added. Your order is confirmed."],
    ['subscription_limit_error', "We couldn't start this subscription, so it wasn't added. Your order is confirmed."],
    ['something_new', 'Something went wrong, so nothing was added. Your order is confirmed.'],
  ])('applyChangeset %s', async (code, message) => {
    stubBackend({ sign: signing() });
    const { root, done } = renderPage({
      apply: () => ({ status: 'unprocessed', errors: [{ code: code as never, message: 'from Shopify' }], changesetApplicationsRemaining: 3 }),
    });
    await settle(root);
    await press(root, 'Pay now · $21.43');
    await expectProblem(root, done, message);
  });

  it('applyChangeset partially processed (added, payment failed)', async () => {
    stubBackend({ sign: signing() });
    const { root, done } = renderPage({
      apply: () => ({ status: 'partially_processed', errors: [{ code: 'payment_required', message: 'declined' }], changesetApplicationsRemaining: 2 }),
    });
    await settle(root);
    await press(root, 'Pay now · $21.43');
    await expectProblem(root, done, "The item was added, but the payment for it didn't go through. The store will contact you about it.");
  });

  it('applyChangeset never answering: after 15 s the buyer reads a message and can go on', async () => {
    stubBackend({ sign: signing() });
    const { root, done } = renderPage({ apply: () => new Promise<never>(() => {}) });
    await settle(root);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    void buttonLabelled(root, 'Pay now · $21.43').trigger('onPress');
    await root.act(() => vi.advanceTimersByTimeAsync(14_000));
    expect(done).not.toHaveBeenCalled();
    expect(texts(root)).not.toContain('Something went wrong, so nothing was added. Your order is confirmed.');
    await root.act(() => vi.advanceTimersByTimeAsync(1_500));
    vi.useRealTimers();
    await expectProblem(root, done, 'Something went wrong, so nothing was added. Your order is confirmed.');
  });

  it('applyChangeset throws', async () => {
    stubBackend({ sign: signing() });
    const { root, done } = renderPage({ apply: () => Promise.reject(new Error('host gone')) });
    await settle(root);
    await press(root, 'Pay now · $21.43');
    await expectProblem(root, done, 'Something went wrong, so nothing was added. Your order is confirmed.');
  });

  it.each([
    // The backend's codes (app/handler.ts and app/post-purchase/token.ts), grouped by status.
    [401, 'invalid_token', "This offer has expired. Your order is confirmed and you weren't charged again."],
    [401, 'token_expired', "This offer has expired. Your order is confirmed and you weren't charged again."],
    [401, 'missing_reference_id', "This offer has expired. Your order is confirmed and you weren't charged again."],
    [401, 'reference_id_mismatch', "This offer has expired. Your order is confirmed and you weren't charged again."],
    [404, 'unknown_offer', "This offer is no longer available. Your order is confirmed and you weren't charged again."],
    [422, 'variant_not_offered', "That option or quantity isn't part of this offer any more. Your order is confirmed and you weren't charged again."],
    [422, 'quantity_not_offered', "That option or quantity isn't part of this offer any more. Your order is confirmed and you weren't charged again."],
    [429, 'rate_limited', "This offer was tried too many times. Your order is confirmed and you weren't charged again."],
    [429, 'replayed', "This offer was already used for this order. Your order is confirmed and you weren't charged again."],
    [429, 'step_limit', "No more items can be added to this order. Your order is confirmed and you weren't charged again."],
    [400, 'invalid_request', 'Something went wrong, so nothing was added. Your order is confirmed.'],
    [400, 'malformed_json', 'Something went wrong, so nothing was added. Your order is confirmed.'],
    [413, 'body_too_large', 'Something went wrong, so nothing was added. Your order is confirmed.'],
    [500, 'internal_error', "We couldn't reach the store just now. Your order is confirmed and you weren't charged again."],
  ])('sign-changeset answers %i %s', async (status, code, message) => {
    stubBackend({ sign: () => json(status, { error: { code, message: 'from the backend' } }) });
    const { root, apply, done } = renderPage();
    await settle(root);
    await press(root, 'Pay now · $21.43');
    expect(apply).not.toHaveBeenCalled();
    await expectProblem(root, done, message);
  });

  it('the backend is unreachable when signing', async () => {
    stubBackend({ sign: () => Promise.reject(new TypeError('fetch failed')) });
    const { root, apply, done } = renderPage();
    await settle(root);
    await press(root, 'Pay now · $21.43');
    expect(apply).not.toHaveBeenCalled();
    await expectProblem(root, done, "We couldn't reach the store just now. Your order is confirmed and you weren't charged again.");
  });

  it('calculateChangeset unprocessed: a message, no Accept, and a way on', async () => {
    const { root, done } = renderPage({ calculate: () => ({ status: 'unprocessed', errors: [{ code: 'insufficient_inventory', message: 'sold out' }] }) });
    await settle(root);
    expect(root.find(Banner, { status: 'warning' })!.text).toBe("We can't show the total for this offer right now, so it can't be added.");
    expect(root.findAll(Button).map((button) => button.text)).toEqual(['No thanks', 'Continue to your order confirmation']);
    await press(root, 'Continue to your order confirmation');
    expect(done).toHaveBeenCalledTimes(1);
  });
});
