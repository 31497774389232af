/**
 * What the backend needs to know of the shop beyond the token: its catalog
 * (products with prices and stock, collections) and, for the customer
 * conditions, the buyer's tags and how many orders they placed before this
 * one. A deployed app reads these from the Admin API; offline, the store
 * fixture stands in for the shop (tools/fixtures/src/offers/fixture-shop.ts).
 */
import type { Collection, Product, Variant } from '@encore/core/model.ts';
import type { ShopMoneyFormat } from '@encore/core/money.ts';
import type { OfferCustomer } from '@encore/core/offers.ts';
import type { PostPurchaseOrderFacts } from '@encore/core/post-purchase-page.ts';

export interface ShopCatalog {
  products: Product[];
  collections: Collection[];
  /** The shop's money format (Admin API `shop.currencyFormats.moneyFormat`) and the shop currency it is for. */
  moneyFormat: ShopMoneyFormat | null;
  /** The shop's primary locale: offer texts in other languages fall back on it. */
  primaryLocale: string;
  /** Absolute URL of the variant's image (its own, else the product's first); null when it has none. */
  imageUrl(product: Product, variant: Variant): string | null;
  /** The buyer as the offer rules see them; null when unknown (no customer conditions then hold). */
  customer(customerId: string | null, referenceId: string): OfferCustomer | null | Promise<OfferCustomer | null>;
  /**
   * What decides whether Shopify shows the post-purchase page for the purchase's order (payments, terms,
   * company, duties, channel); null when the order cannot be found, and then nothing is offered.
   */
  purchaseFacts(referenceId: string): PostPurchaseOrderFacts | null | Promise<PostPurchaseOrderFacts | null>;
}
