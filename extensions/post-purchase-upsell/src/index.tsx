/** @jsxImportSource react */
/**
 * Encore's post-purchase upsell. ShouldRender asks the backend which offers this purchase gets (within
 * OFFERS_TIMEOUT_MS, since Shopify waits on it before showing the thank-you page) and keeps them in
 * storage; Render shows them. No offers, or no answer in time: the page is skipped.
 */
import { extend, render } from '@shopify/post-purchase-ui-extensions-react';
import { App } from './App.tsx';
import type { PostPurchaseOffer } from '@encore/shopify-apis/post-purchase/offer-contract.ts';
import { fetchOffers } from './backend.ts';
import { wordsFor } from './words.ts';

/** What ShouldRender leaves in storage for Render. */
export interface StoredOffers {
  offers: PostPurchaseOffer[];
}

extend('Checkout::PostPurchase::ShouldRender', async ({ inputData, storage }) => {
  let offers: PostPurchaseOffer[];
  try {
    offers = await fetchOffers(inputData.token);
  } catch {
    // The buyer has paid; an unreachable backend only means no offer today.
    return { render: false };
  }
  if (offers.length === 0) return { render: false };
  const stored: StoredOffers = { offers };
  try {
    await storage.update(stored);
  } catch {
    return { render: false };
  }
  return { render: true };
});

render('Checkout::PostPurchase::Render', (api) => {
  const offers = storedOffers(api.storage.initialData);
  // Every offer carries the shop's money format; one is enough.
  return <App api={api} offers={offers} words={wordsFor(api.inputData.locale, offers[0]?.moneyFormat ?? null)} />;
});

function storedOffers(data: unknown): PostPurchaseOffer[] {
  const offers = (data as Partial<StoredOffers> | null)?.offers;
  return Array.isArray(offers) ? offers : [];
}
