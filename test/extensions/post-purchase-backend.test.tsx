// @vitest-environment node
/**
 * The extension against the real backend: its `fetch` goes to app/handler.ts (over the store fixtures, as
 * test/app/support.ts sets it up) and its `applyChangeset` to the fake host that checks signed changesets
 * as Shopify documents (HS256 with the app secret, iss, sub, iat, jti). So the page's whole path runs:
 * ShouldRender → offers → Render → accept → backend signs → host applies → next offer → done.
 *
 * Lars Nielsen's DKK order #2004 (paid by card) with test/app/support.ts's DKK_OFFERS:
 *   krus-til-skaalen   mugs (42001) 249,00 kr., 10 % off → 224,10 kr.; 2 preselected, up to 4; 120 s countdown
 *   tallerkener-gave   plate set (42005) 799,00 kr., 100 kr. off → 699,00 kr.
 */
import { mount } from '@remote-ui/testing';
import type { RootNode } from '@remote-ui/testing';
import { Button, Heading, Select, Text } from '@shopify/post-purchase-ui-extensions';
import type { PostPurchaseRenderApi, PostPurchaseShouldRenderApi } from '@shopify/post-purchase-ui-extensions';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { API_KEY, backend, dkkCardStore, DKK_OFFERS, FakePostPurchaseHost, SECRET, signedInput } from '../app/support.ts';
import { sessionTokenFor } from '@encore/fixtures/shopify-stand-in.ts';
import { fetchOffers } from '../../extensions/post-purchase-upsell/src/backend.ts';
import { loadPostPurchaseExtension, registered } from './support/post-purchase-host.ts';

beforeAll(loadPostPurchaseExtension);

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const bag = (amount: string) => ({ shopMoney: { amount, currencyCode: 'DKK' }, presentmentMoney: { amount, currencyCode: 'DKK' } });

/** Shopify's price for each choice: Danish prices include 25 % VAT, so no tax line is added; shipping is free. */
const CALCULATED: Record<string, string> = { '42001x2': '448.20', '42001x4': '896.40', '42005x1': '699.00' };

async function settle(root: RootNode<unknown>) {
  for (let i = 0; i < 3; i++) await root.act(() => new Promise((resolve) => setTimeout(resolve, 0)));
}

const texts = (root: RootNode<unknown>) => root.findAll(Text).map((node) => node.text);
const pressButton = async (root: RootNode<unknown>, label: RegExp) => {
  const button = root.findAll(Button).find((candidate) => label.test(candidate.text));
  if (!button)
    throw new Error(
      `no button ${label} among ${root
        .findAll(Button)
        .map((candidate) => `"${candidate.text}"`)
        .join(', ')}`,
    );
  await button.trigger('onPress');
  await settle(root);
};

describe("the page against app/handler.ts: Lars Nielsen's DKK order #2004 (paid by card)", () => {
  it('shows the mugs, accepts four, then the plate set, accepts it, and ends on the thank-you page; the host applies exactly the changes the page priced', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const b = backend({ store: dkkCardStore, offers: DKK_OFFERS });
    const input = await signedInput('2004', dkkCardStore);
    const host = new FakePostPurchaseHost(input, b.clock);
    const requests: string[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      requests.push(new URL(url).pathname);
      return b.handler(new Request(url, init));
    });

    // ShouldRender: the backend verifies the token and answers the two offers.
    let stored: unknown;
    const shouldRenderApi: PostPurchaseShouldRenderApi = {
      extensionPoint: 'Checkout::PostPurchase::ShouldRender',
      version: 'unstable',
      locale: input.locale,
      inputData: input,
      storage: { initialData: undefined, update: async (data) => void (stored = data) },
    };
    await expect(registered.get('Checkout::PostPurchase::ShouldRender')!(shouldRenderApi)).resolves.toEqual({ render: true });
    expect((stored as { offers: { id: string }[] }).offers.map((offer) => offer.id)).toEqual(['krus-til-skaalen', 'tallerkener-gave']);

    // Render, in the shop's language.
    const calculated: unknown[] = [];
    const done = vi.fn(async () => {});
    const api: PostPurchaseRenderApi = {
      extensionPoint: 'Checkout::PostPurchase::Render',
      version: 'unstable',
      locale: input.locale,
      inputData: input,
      storage: { initialData: stored, update: async () => {} },
      calculateChangeset: async (changeset) => {
        const [change] = (changeset as { changes: { variantId: number; quantity: number }[] }).changes;
        calculated.push(change);
        const line = CALCULATED[`${change.variantId}x${change.quantity}`];
        return {
          status: 'processed',
          errors: [],
          calculatedPurchase: {
            subtotalPriceSet: bag('0'),
            totalPriceSet: bag('0'),
            addedTaxLines: [],
            addedShippingLines: [],
            updatedLineItems: [
              { totalPriceSet: bag(line), priceSet: bag(line), productId: 1, variantId: change.variantId, productHandle: 'offer', quantity: change.quantity },
            ],
            totalOutstandingSet: bag(line),
          },
        };
      },
      applyChangeset: async (token) => {
        const { status, errors } = await host.applyChangeset(token);
        // The fake host's codes are Shopify's (invalid_request, changeset_already_applied).
        return {
          status,
          errors: errors as Awaited<ReturnType<PostPurchaseRenderApi['applyChangeset']>>['errors'],
          changesetApplicationsRemaining: 3 - host.added.length,
        };
      },
      done,
    };
    expect(input.locale).toBe('da');
    const root = mount((remoteRoot) => registered.get('Checkout::PostPurchase::Render')!(remoteRoot, api));
    await settle(root);

    expect(root.find(Heading)!.text).toBe('Krus der passer til skålen: 10 % rabat');
    expect(texts(root)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Normalpris 249,00\s?kr\.$/),
        expect.stringMatching(/^Din pris 224,10\s?kr\.$/),
        'Tilbuddet udløber om 2:00',
        'Højst 4 pr. ordre',
      ]),
    );
    const quantity = root.find(Select, { label: 'Antal' })!;
    expect(quantity.props.value).toBe('2');
    await root.act(() => quantity.trigger('onChange', '4'));
    await settle(root);
    await pressButton(root, /^Betal nu · 896,40\s?kr\.$/);

    expect(root.find(Heading)!.text).toBe('Tallerkensættet med 100 kr. rabat');
    expect(texts(root)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Normalpris 799,00\s?kr\.$/), expect.stringMatching(/^Din pris 699,00\s?kr\.$/)]),
    );
    await pressButton(root, /^Betal nu · 699,00\s?kr\.$/);

    expect(done).toHaveBeenCalledTimes(1);
    expect(requests.filter((path) => path !== '/api/post-purchase/events')).toEqual([
      '/api/post-purchase/offers',
      '/api/post-purchase/sign-changeset',
      '/api/post-purchase/sign-changeset',
    ]);
    // The merchant's figures for the day, from the events the page sent and the changes the backend signed: each
    // offer seen once, accepted and applied; the mugs 4 × 224.10 kr., the plates 799.00 − 100.00 kr.
    const session = await sessionTokenFor('nordlys-keramik.myshopify.com', { apiKey: API_KEY, apiSecret: SECRET });
    const report = await (await b.handler(new Request('http://backend.invalid/api/admin/funnel', { headers: { authorization: `Bearer ${session}` } }))).json();
    const seenOnceTaken = { views: 1, accepted: 1, declined: 0, applied: 1, acceptanceRate: 1, currency: 'DKK' };
    expect(report.offers.map((offer: { offerId: string; total: object }) => [offer.offerId, offer.total])).toEqual([
      ['krus-til-skaalen', { ...seenOnceTaken, revenueAddedCents: 89640 }],
      ['tallerkener-gave', { ...seenOnceTaken, revenueAddedCents: 69900 }],
    ]);
    expect(host.added).toEqual([
      { variantId: 42001, quantity: 4, discount: { value: 10, valueType: 'percentage', title: 'Krus der passer til skålen: 10 % rabat' } },
      { variantId: 42005, quantity: 1, discount: { value: 100, valueType: 'fixed_amount', title: 'Tallerkensættet med 100 kr. rabat' } },
    ]);
    // What the buyer was shown a total for is what was applied.
    expect(calculated).toContainEqual({ type: 'add_variant', ...host.added[0] });
    expect(calculated).toContainEqual({ type: 'add_variant', ...host.added[1] });
  });

  it("reads the backend's answer as the one contract both sides type (PostPurchaseOffer): every offer, every field, unchanged", async () => {
    // The backend and the extension share the type; this checks the extension's runtime reading of it
    // (isOffer) against what the backend really sends, so neither can drift from the other unnoticed.
    const b = backend({ store: dkkCardStore, offers: DKK_OFFERS });
    const input = await signedInput('2004', dkkCardStore);
    const answered: unknown[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      const response = await b.handler(new Request(url, init));
      answered.push(await response.clone().json());
      return response;
    });
    const offers = await fetchOffers(input.token);
    expect(offers.map((offer) => offer.id)).toEqual(['krus-til-skaalen', 'tallerkener-gave']);
    expect(offers[0]).toMatchObject({
      currencyCode: 'DKK',
      quantity: { default: 2, max: 4 },
      discount: { type: 'percentage', value: 10 },
      countdownSeconds: 120,
    });
    expect(offers[0].variants).toEqual([expect.objectContaining({ id: 42001, price: '249.00', discountedPrice: '224.10' })]);
    expect(offers[1].discount).toEqual({ type: 'fixed_amount', value: 100 });
    expect(offers[0].moneyFormat).toEqual({ currency: 'DKK', format: expect.any(String) });
    expect(answered).toEqual([{ offers }]);
  });

  it('an input token signed with another secret gets no page', async () => {
    const b = backend({ store: dkkCardStore, offers: DKK_OFFERS });
    const input = await signedInput('2004', dkkCardStore, 'not-the-app-secret');
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => b.handler(new Request(url, init)));
    const update = vi.fn(async () => {});
    const api: PostPurchaseShouldRenderApi = {
      extensionPoint: 'Checkout::PostPurchase::ShouldRender',
      version: 'unstable',
      locale: 'da',
      inputData: input,
      storage: { initialData: undefined, update },
    };
    await expect(registered.get('Checkout::PostPurchase::ShouldRender')!(api)).resolves.toEqual({ render: false });
    expect(update).not.toHaveBeenCalled();
    expect(b.logs.map((line) => JSON.parse(line))).toEqual([expect.objectContaining({ route: 'offers', status: 401, code: 'invalid_token' })]);
  });

  it.each([
    ['1002', 'a bank deposit still pending'],
    ['1014', 'a B2B order on Net 30'],
  ])('#%s (%s): the backend offers nothing and ShouldRender answers render: false', async (name) => {
    const b = backend();
    const input = await signedInput(name);
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => b.handler(new Request(url, init)));
    const update = vi.fn(async () => {});
    const api: PostPurchaseShouldRenderApi = {
      extensionPoint: 'Checkout::PostPurchase::ShouldRender',
      version: 'unstable',
      locale: 'en',
      inputData: input,
      storage: { initialData: undefined, update },
    };
    await expect(registered.get('Checkout::PostPurchase::ShouldRender')!(api)).resolves.toEqual({ render: false });
    expect(update).not.toHaveBeenCalled();
    expect(b.logs.map((line) => JSON.parse(line))).toEqual([expect.objectContaining({ route: 'offers', status: 200, code: null })]);
  });
});
