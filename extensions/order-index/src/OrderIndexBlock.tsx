/**
 * The block as the customer sees it, in each state. Pure: everything arrives as props, so the
 * entry module is the only one reading the `shopify` global.
 */
import type { BuyAgainItem, Recommendation } from '@encore/core/recommendations.ts';
import { BuyAgain } from './BuyAgain.tsx';
import { Recommendations } from './Recommendations.tsx';
import type { BlockSettings } from './settings.ts';
import type { Words } from './words.ts';

export type BlockState =
  /** Waiting for the APIs, at most the 1.5 s network limit. */
  | { status: 'loading' }
  /**
   * Nothing worth a customer's attention: no orders yet, or the order history could not be read
   * (failure, timeout, no access to protected data). The order list beside the block says the rest.
   */
  | { status: 'hidden' }
  | {
      status: 'ready';
      buyAgain: BuyAgainItem[];
      /** Empty when Shopify's suggestions could not be fetched: the block then shows Buy again alone. */
      picks: Recommendation[];
      storefrontUrl: string | null;
      /** Currency of the Storefront prices. */
      currency: string;
      /** Image file → the URL the Storefront API served it from. */
      imageUrls: ReadonlyMap<string, string>;
      /** The customer pays company (B2B) prices: no list price is shown (the core's `listedPrice`). */
      companyPrices: boolean;
    };

export interface OrderIndexBlockProps {
  state: BlockState;
  settings: BlockSettings;
  words: Words;
}

export function OrderIndexBlock({ state, settings, words }: OrderIndexBlockProps) {
  if (state.status === 'loading') {
    return (
      <s-stack gap="base" accessibilityLabel={words.t('loading')}>
        <s-skeleton-paragraph />
        <s-skeleton-paragraph />
      </s-stack>
    );
  }
  if (state.status === 'hidden') return null;
  const buyAgain = settings.showBuyAgain ? state.buyAgain : [];
  const picks = settings.showRecommendations ? state.picks : [];
  if (buyAgain.length === 0 && picks.length === 0) return null;
  return (
    <s-stack gap="large">
      <BuyAgain
        items={buyAgain}
        heading={settings.buyAgainHeading ?? words.t('buy_again.heading')}
        storefrontUrl={state.storefrontUrl}
        currency={state.currency}
        imageUrls={state.imageUrls}
        companyPrices={state.companyPrices}
        words={words}
      />
      <Recommendations
        picks={picks}
        heading={settings.recommendationsHeading ?? words.t('recommendations.heading')}
        storefrontUrl={state.storefrontUrl}
        currency={state.currency}
        imageUrls={state.imageUrls}
        companyPrices={state.companyPrices}
        words={words}
      />
    </s-stack>
  );
}
