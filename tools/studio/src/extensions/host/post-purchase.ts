/// <reference lib="dom" />
/**
 * The post-purchase preview's host, standing in for Shopify's checkout: it defines `self.shopify.extend`,
 * loads the extension's own bundle, asks ShouldRender with the signed input the server embedded, then
 * mounts Render into a remote-ui root drawn as HTML (post-purchase-dom.ts). The extension talks to the real
 * backend on this same origin (`/api/post-purchase/*`); only Shopify's side is played here:
 * `calculateChangeset` prices the change from the offer the backend answered, `applyChangeset` has the studio
 * server check the signed change as Shopify would (post-purchase/apply.ts), and `done()` shows a thank-you
 * placeholder naming what was added.
 */
import { createRemoteReceiver, createRemoteRoot, type RemoteRoot } from '@remote-ui/core';
import { mountReceiver } from './post-purchase-dom.ts';

export interface PostPurchaseConfig {
  inputData: { token: string; locale: string; [key: string]: unknown };
  bundle: string;
  /** `https://SHOP/cdn/`: product images under it load from the studio's own /cdn/. */
  cdnPrefix: string;
  /** The order's thank-you preview. */
  thankYou: string;
  /** The order's taxes charged on top of prices (none when its prices include tax). */
  taxRates: { title: string; rate: number }[];
  /** Why Shopify would skip the page for this order; null when it shows it. */
  skipped: string | null;
}

interface StoredOffer {
  id: string;
  currencyCode: string;
  variants: { id: number; title: string; discountedPrice: string }[];
}

type Handler = (...args: unknown[]) => unknown;
const handlers = new Map<string, Handler>();
let stored: unknown = null;
/** What the applied changesets added ("Wick Trimmer × 1"), and how many changesets that was. */
const applied: string[] = [];
let appliedCount = 0;
let config: PostPurchaseConfig | null = null;
const inputToken = () => config?.inputData.token ?? '';

const storage = () => ({
  initialData: stored,
  update: async (data: unknown) => {
    stored = JSON.parse(JSON.stringify(data)) as unknown;
  },
});

function money(amount: string, currencyCode: string) {
  return { amount, currencyCode };
}

/** "12.50" × 3 → "37.50", in cents so no float error shows. */
function times(price: string, quantity: number): string {
  const cents = Math.round(Number(price) * 100) * quantity;
  return (cents / 100).toFixed(2);
}

/**
 * Shopify's pricing of a change, from the offer's own prices: each of the order's tax rates charged on top of
 * prices applies to each added line, rounded to the cent per line; no shipping is added, as for any
 * `add_variant` change without a shipping line. Shopify's own tax engine may differ (exemptions, thresholds).
 */
async function calculateChangeset(changeset: unknown) {
  const changes = (typeof changeset === 'object' && changeset !== null ? (changeset as { changes?: unknown }).changes : null) as
    { type: string; variantId?: number; quantity?: number }[] | null;
  const offers = ((stored as { offers?: StoredOffer[] } | null)?.offers ?? []) as StoredOffer[];
  const lines: { variantId: number; totalPriceSet: { shopMoney: ReturnType<typeof money>; presentmentMoney: ReturnType<typeof money> } }[] = [];
  let currencyCode = '';
  let totalCents = 0;
  const taxCents = new Map<string, { rate: number; cents: number }>();
  for (const change of changes ?? []) {
    const offer = offers.find((candidate) => candidate.variants.some((variant) => variant.id === change.variantId));
    const variant = offer?.variants.find((candidate) => candidate.id === change.variantId);
    if (change.type !== 'add_variant' || !offer || !variant) {
      return { status: 'unprocessed', errors: [{ code: 'unsupported_change', message: 'The studio prices only the variants of offers it was shown.' }] };
    }
    const amount = times(variant.discountedPrice, change.quantity ?? 1);
    currencyCode = offer.currencyCode;
    const lineCents = Math.round(Number(amount) * 100);
    totalCents += lineCents;
    for (const { title, rate } of config?.taxRates ?? []) {
      const tax = taxCents.get(title) ?? { rate, cents: 0 };
      tax.cents += Math.round(lineCents * rate);
      taxCents.set(title, tax);
    }
    lines.push({ variantId: variant.id, totalPriceSet: { shopMoney: money(amount, currencyCode), presentmentMoney: money(amount, currencyCode) } });
  }
  if (lines.length === 0) return { status: 'unprocessed', errors: [{ code: 'empty_changeset', message: 'The change adds nothing.' }] };
  const addedTaxLines = [...taxCents].map(([title, { rate, cents }]) => {
    const price = money((cents / 100).toFixed(2), currencyCode);
    return { title, rate, priceSet: { shopMoney: price, presentmentMoney: price } };
  });
  const taxTotal = [...taxCents.values()].reduce((sum, tax) => sum + tax.cents, 0);
  const total = money(((totalCents + taxTotal) / 100).toFixed(2), currencyCode);
  return {
    status: 'processed',
    errors: [],
    calculatedPurchase: {
      updatedLineItems: lines,
      addedShippingLines: [],
      addedTaxLines,
      totalOutstandingSet: { shopMoney: total, presentmentMoney: total },
    },
  };
}

interface ApplyAnswer {
  status: 'processed' | 'unprocessed';
  errors: { code: string; message: string }[];
  changes?: { product: string; quantity: number }[];
  changesetApplicationsRemaining?: number;
}

/** Shopify's applyChangeset: the studio server verifies the backend's signed change against this page's purchase. */
async function applyChangeset(token: string) {
  const response = await fetch('/__encore/ext/post-purchase/apply', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ inputToken: inputToken(), changesetToken: token }),
  });
  const answer = (await response.json()) as ApplyAnswer;
  if (answer.status !== 'processed') {
    // Shopify would refuse it as quietly; the console says why, for the developer.
    console.warn(`Encore studio: Shopify would refuse this changeset: ${answer.errors.map((error) => `${error.code}: ${error.message}`).join('; ')}`);
    return { status: answer.status, errors: answer.errors };
  }
  applied.push(...(answer.changes ?? []).map((change) => `${change.product} × ${change.quantity}`));
  appliedCount++;
  document.documentElement.dataset.encoreApplied = String(appliedCount);
  return { status: answer.status, errors: [], changesetApplicationsRemaining: answer.changesetApplicationsRemaining ?? 0 };
}

/** Where Shopify would go on to its own thank-you page. */
async function done(): Promise<void> {
  const main = document.createElement('main');
  const heading = document.createElement('h1');
  heading.textContent = 'Thank-you page';
  const note = document.createElement('p');
  note.textContent = `Shopify shows its thank-you page here. Post-purchase changes applied: ${appliedCount}${applied.length ? ` (${applied.join(', ')})` : ''}.`;
  const next = document.createElement('a');
  next.href = config?.thankYou ?? '/';
  next.textContent = "This order's thank-you page (preview)";
  const back = document.createElement('a');
  back.href = '/';
  back.textContent = 'All scenarios';
  const links = document.createElement('p');
  links.append(next, ' · ', back);
  main.append(heading, note, links);
  document.body.replaceChildren(main);
  document.documentElement.dataset.encoreDone = 'true';
}

async function start(): Promise<void> {
  const data = document.getElementById('encore-post-purchase')?.textContent;
  if (!data) throw new Error('Encore studio: the page has no post-purchase input');
  config = JSON.parse(data) as PostPurchaseConfig;
  (self as unknown as { shopify: unknown }).shopify = {
    extend: (extensionPoint: string, handler: Handler) => void handlers.set(extensionPoint, handler),
  };
  await import(/* @vite-ignore */ config.bundle);

  const shouldRender = handlers.get('Checkout::PostPurchase::ShouldRender');
  const render = handlers.get('Checkout::PostPurchase::Render');
  if (!shouldRender || !render) throw new Error('Encore studio: the bundle registered no ShouldRender and Render');
  const answer = (await shouldRender({ inputData: { ...config.inputData, extensionPoint: 'Checkout::PostPurchase::ShouldRender' }, storage: storage() })) as {
    render?: boolean;
  } | null;
  if (!answer?.render) {
    document.documentElement.dataset.encoreSkipped = 'true';
    await done();
    document.querySelector('main p')!.textContent = config.skipped
      ? `${config.skipped} The backend offered nothing and ShouldRender answered render: false.`
      : 'ShouldRender answered render: false (no offer for this purchase), so Shopify goes straight to its thank-you page.';
    if (config.skipped) document.documentElement.dataset.encoreSkipReason = config.skipped;
    return;
  }

  const receiver = createRemoteReceiver();
  const container = document.createElement('main');
  document.body.replaceChildren(container);
  mountReceiver(receiver, container, { cdnPrefix: config.cdnPrefix });
  const root: RemoteRoot = createRemoteRoot(receiver.receive);
  render(root, { inputData: config.inputData, storage: storage(), calculateChangeset, applyChangeset, done, extensionPoint: 'Checkout::PostPurchase::Render' });
  document.documentElement.dataset.encoreReady = 'true';
}

start().catch((error: unknown) => {
  console.error(error);
  const alert = document.createElement('p');
  alert.setAttribute('role', 'alert');
  alert.textContent = `The preview failed: ${error instanceof Error ? error.message : String(error)}`;
  document.body.append(alert);
});
