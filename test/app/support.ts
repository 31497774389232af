/**
 * Test support for the backend: the handler over a store fixture, requests in
 * the contract's shape, and a fake post-purchase host that applies signed
 * changesets the way Shopify documents it checks them.
 */
import { createHmac } from 'node:crypto';
import { jwtVerify } from 'jose';
import { createHandler, DEFAULT_LIMITS, type BackendState, type HandlerOptions } from '../../app/handler.ts';
import { openEmbedded } from '../../app/node/embedded.ts';
import { migrate } from '../../app/storage/migrations.ts';
import { memoryRateCounter } from '../../app/storage/rate.ts';
import { saveShop } from '../../app/storage/shops.ts';
import { saveOffers } from '../../app/storage/offers.ts';
import type { PostPurchaseOffer } from '@encore/shopify-apis/post-purchase/offer-contract.ts';
import type { OfferConfig } from '@encore/core/offer-config.ts';
import { loadOffers, parseOffers } from '@encore/fixtures/offers/load.ts';
import { fixtureShopify } from '@encore/fixtures/shopify-stand-in.ts';
import { postPurchaseInput, type PostPurchaseInputData } from '@encore/fixtures/adapters/post-purchase.ts';
import { findBundledStore } from '@encore/fixtures/bundled.ts';
import { findOrder } from '@encore/fixtures/names.ts';
import { loadStore } from '@encore/fixtures/load.ts';
import type { Store } from '@encore/fixtures/types.ts';
import { withCardCheckout } from '../support/card-checkout.ts';

export { withCardCheckout };

export const API_KEY = 'test-api-key';
export const SECRET = 'test-app-secret';
export const store = loadStore();
export const dkkStore = findBundledStore({ customer: 'lars-nielsen' })!.store;

/** Riley's first order #1012 paid by card without duties. */
export const cardStore = withCardCheckout(store, '1012');
/** Lars Nielsen's #2004 paid by card instead of a pending bank transfer. */
export const dkkCardStore = withCardCheckout(dkkStore, '2004');

/** The moment the purchases in these tests complete (Shopify issues the input token then). */
export const PURCHASED_AT = Date.parse('2026-03-20T12:00:00Z');

export interface TestBackend {
  handler: (request: Request) => Promise<Response>;
  logs: string[];
  /** Moves the handler's clock. */
  clock: { now: number };
  /** Shopify's stand-in the backend reads the shop's Admin API from: its `admin.calls` are the queries it answered. */
  shopify: ReturnType<typeof fixtureShopify>;
}

/** The offline access token each test shop's install left. */
export const testAccessToken = (shop: string): string => `shpat_test_${shop.split('.')[0]}`;

/** The bundled stores' shops, installed in every test backend's database unless a test says otherwise. */
export const INSTALLED_SHOPS = ['ember-and-wick.myshopify.com', 'nordlys-keramik.myshopify.com', 'atelier-zeep.myshopify.com'];

/**
 * A fresh embedded database, migrated, and a rate counter in memory: what `npm run serve` has with no DATABASE_URL;
 * with `installed`'s shops installed (an offline token each, as token exchange leaves them).
 */
export async function embeddedState(windowMs = DEFAULT_LIMITS.windowMs, installed: readonly string[] = INSTALLED_SHOPS): Promise<BackendState> {
  const sql = openEmbedded(null);
  await migrate(sql);
  for (const shop of installed) await saveShop(sql, { shop, accessToken: testAccessToken(shop), scope: '', installedAt: PURCHASED_AT });
  return { sql, rate: memoryRateCounter(windowMs) };
}

/**
 * The backend over `store`'s shop: its Admin API is Shopify's stand-in answering from the fixture, with the tokens
 * the test shops' installs left.
 */
export function backend(
  options: { store?: Store; offers?: OfferConfig; shopify?: TestBackend['shopify'] } & Partial<Omit<HandlerOptions, 'now' | 'log'>> = {},
): TestBackend {
  const from = options.store ?? store;
  const logs: string[] = [];
  const clock = { now: PURCHASED_AT + 2_000 };
  const shopify = options.shopify ?? fixtureShopify({ apiKey: API_KEY, apiSecret: SECRET }, [from], { now: () => clock.now });
  if (!options.shopify) for (const shop of INSTALLED_SHOPS) shopify.issued.set(shop, testAccessToken(shop));
  const { offers = loadOffers(undefined, from), state = embeddedState(options.limits?.windowMs), shopify: _shopify, ...rest } = options;
  // The shop's offers as its merchant imported them (checked against the fixture here).
  const seeded = Promise.resolve(state).then(async (opened) => {
    await saveOffers(opened.sql, from.shop.permanent_domain, offers, PURCHASED_AT);
    return opened;
  });
  const handler = createHandler({
    apiKey: API_KEY,
    apiSecret: SECRET,
    adminFetch: shopify.fetch,
    ...rest,
    state: seeded,
    now: () => clock.now,
    log: (line) => logs.push(line),
  });
  return { handler, logs, clock, shopify };
}

/** The signed post-purchase input of an order ("1004", "2004"), as Shopify hands it to the extension. */
export async function signedInput(name: string, from: Store = store, secret = SECRET, issuedAt = new Date(PURCHASED_AT)): Promise<PostPurchaseInputData> {
  const found = findOrder(from, name);
  if (!found) throw new Error(`no order ${name}`);
  return postPurchaseInput(from, found.order, found.customer, { secret, issuedAt });
}

export function post(path: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`http://localhost:9292${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export async function call(backendOrHandler: TestBackend, request: Request): Promise<{ status: number; body: any; headers: Headers }> {
  const response = await backendOrHandler.handler(request);
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}

export const offersOf = async (b: TestBackend, token: string) => call(b, post('/api/post-purchase/offers', { token }));
export const signOf = async (b: TestBackend, body: Record<string, unknown>) => call(b, post('/api/post-purchase/sign-changeset', body));

/** Lars Nielsen's DKK shop: mugs to go with the bowls he bought, then the plate set. */
export const DKK_OFFERS: OfferConfig = parseOffers(
  {
    offers: [
      {
        id: 'krus-til-skaalen',
        title: 'Krus der passer til skålen: 10 % rabat',
        priority: 20,
        trigger: { product: ['skaal-stor'] },
        action: { variant_id: 42001, quantity: { default: 2, max: 4 }, discount: { type: 'percentage', value: 10 } },
        next: { accepted: 'tallerkener-gave', declined: null },
        countdown_seconds: 120,
      },
      {
        id: 'tallerkener-gave',
        title: 'Tallerkensættet med 100 kr. rabat',
        priority: 10,
        trigger: { currency: ['DKK'] },
        action: { variant_id: 42005, quantity: { default: 1, max: 1 }, discount: { type: 'fixed_amount', value: 10000 } },
      },
    ],
  },
  'test DKK offers',
  dkkCardStore,
);

export interface ApplyResult {
  status: 'processed' | 'unprocessed';
  errors: { code: string; message: string }[];
}

/**
 * The post-purchase page's host for one purchase. `applyChangeset` checks a
 * signed changeset as shopify.dev's JWT specification says Shopify does:
 * HS256 with the app's secret, `iss` the app's API key, `sub` the purchase's
 * referenceId, `iat` in seconds and not before the purchase completed, `jti`
 * present and never seen before; then it adds each `add_variant` line.
 */
export class FakePostPurchaseHost {
  readonly added: { variantId: number; quantity: number; discount?: unknown }[] = [];
  private readonly seen = new Set<string>();

  constructor(
    private readonly input: PostPurchaseInputData,
    private readonly clock: { now: number },
    private readonly purchasedAt = PURCHASED_AT,
    private readonly secret = SECRET,
  ) {}

  async applyChangeset(token: string): Promise<ApplyResult> {
    const refuse = (code: string, message: string): ApplyResult => ({ status: 'unprocessed', errors: [{ code, message }] });
    let payload;
    try {
      ({ payload } = await jwtVerify(token, new TextEncoder().encode(this.secret), {
        algorithms: ['HS256'],
        issuer: API_KEY,
        subject: this.input.initialPurchase.referenceId,
        requiredClaims: ['jti', 'iat'],
        currentDate: new Date(this.clock.now),
      }));
    } catch (error) {
      return refuse('invalid_request', (error as Error).message);
    }
    const iat = payload.iat!;
    if (iat < Math.floor(this.purchasedAt / 1000)) return refuse('invalid_request', 'signed before the purchase completed');
    if (iat > this.clock.now / 1000 + 60) return refuse('invalid_request', 'iat is in the future (milliseconds?)');
    if (this.seen.has(payload.jti!)) return refuse('changeset_already_applied', 'this changeset was already applied');
    this.seen.add(payload.jti!);
    const changes = payload.changes as { type: string; variantId: number; quantity: number; discount?: unknown }[];
    for (const change of changes) {
      if (change.type !== 'add_variant') return refuse('invalid_request', `unsupported change ${change.type}`);
      this.added.push({ variantId: change.variantId, quantity: change.quantity, ...(change.discount ? { discount: change.discount } : {}) });
    }
    return { status: 'processed', errors: [] };
  }
}

/**
 * The extension's path through the page: fetch offers with the token, show
 * the first, accept or decline as `decide` says (accepting signs and applies),
 * follow `next` until it is null, then `done`. Returns each step.
 */
export async function runFunnel(
  b: TestBackend,
  host: FakePostPurchaseHost,
  input: PostPurchaseInputData,
  decide: (offer: PostPurchaseOffer) => 'accept' | 'decline',
) {
  const { body } = await offersOf(b, input.token);
  const offers = body.offers as PostPurchaseOffer[];
  const steps: string[] = [];
  let current: PostPurchaseOffer | undefined = offers[0];
  while (current) {
    const choice = decide(current);
    if (choice === 'accept') {
      const signed = await signOf(b, { token: input.token, offerId: current.id, variantId: current.variants[0].id, quantity: current.quantity.default });
      if (signed.status !== 200) throw new Error(`sign ${current.id}: ${signed.status} ${JSON.stringify(signed.body)}`);
      const applied = await host.applyChangeset(signed.body.token);
      if (applied.status !== 'processed') throw new Error(`apply ${current.id}: ${JSON.stringify(applied.errors)}`);
    }
    steps.push(`${choice} ${current.id}`);
    const nextId: string | null = choice === 'accept' ? current.next.accepted : current.next.declined;
    current = nextId === null ? undefined : offers.find((offer) => offer.id === nextId);
    if (nextId !== null && !current) throw new Error(`next ${nextId} is not among the offers`);
  }
  steps.push('done');
  return { offers, steps };
}

export const webhookHmac = (body: string, secret = SECRET) => createHmac('sha256', secret).update(body).digest('base64');

/** A webhook as Shopify sends one: its topic, the shop, the API version and a webhook id beside the HMAC. */
export function webhookRequest(
  topic: string,
  body: string,
  options: { signature?: string | null; path?: string; shop?: string; headers?: Record<string, string> } = {},
): Request {
  const signature = options.signature === undefined ? webhookHmac(body) : options.signature;
  return new Request(`http://localhost${options.path ?? '/webhooks/compliance'}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-shopify-topic': topic,
      'x-shopify-shop-domain': options.shop ?? 'ember-and-wick.myshopify.com',
      'x-shopify-api-version': '2026-10',
      'x-shopify-webhook-id': crypto.randomUUID(),
      ...(signature === null ? {} : { 'x-shopify-hmac-sha256': signature }),
      ...options.headers,
    },
    body,
  });
}
