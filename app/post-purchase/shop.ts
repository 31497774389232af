/**
 * What the backend needs to know of the shop beyond the token, for one purchase: the variants its offers add
 * (prices, stock, images), the purchase's own products and their place in the collections the triggers name, and,
 * for the customer conditions, the buyer's tags and how many orders they placed before this one. The backend reads
 * them from the shop's Admin API (app/catalog/shop-catalog.ts); offline, a stand-in Admin API answers from the store
 * fixture (tools/fixtures/src/admin-api/).
 */
import type { Collection, Product, Variant } from '@encore/core/model.ts';
import type { ShopMoneyFormat } from '@encore/core/money.ts';
import type { OfferCustomer } from '@encore/core/offers.ts';
import type { PostPurchaseOrderFacts } from '@encore/core/post-purchase-page.ts';

/** What one purchase's offer rules read of the catalog. */
export interface CatalogNeeds {
  /** Products of the purchase's lines. */
  orderedProductIds: number[];
  /** Variants the shop's offers add. */
  offeredVariantIds: number[];
  /** Collections the offers' triggers name, by handle. */
  collectionHandles: string[];
}

export interface CatalogSlice {
  /**
   * The offered variants' products (each with the offered variants among its own) and the ordered products; a
   * variant or product the shop does not have (deleted, say) is not among them.
   */
  products: Product[];
  /** The named collections that exist, each listing those of the ordered products it holds. */
  collections: Collection[];
  /** The shop's money format (Admin API `shop.currencyFormats.moneyFormat`) and the shop currency it is for. */
  moneyFormat: ShopMoneyFormat | null;
  /** The shop's primary locale: offer texts in other languages fall back on it. */
  primaryLocale: string;
  /** Absolute URL of the variant's image (its own, else the product's featured one); null when it has none. */
  imageUrl(product: Product, variant: Variant): string | null;
}

/** The order's side of Shopify's rule; the currencies come from the verified token. */
export type OrderFacts = Omit<PostPurchaseOrderFacts, 'currency' | 'shopCurrency'>;

export interface PurchaseFacts {
  /**
   * What decides whether Shopify shows the post-purchase page for the purchase's order (payments, terms, company,
   * duties, channel); null when the order cannot be found yet. Then Shopify's own decision stands: it showed the
   * page, and the input token it signed proves the purchase.
   */
  order: OrderFacts | null;
  /** The buyer as the offer rules see them; null when unknown (no customer condition holds then). */
  customer: OfferCustomer | null;
}

export interface ShopCatalog {
  slice(needs: CatalogNeeds): Promise<CatalogSlice>;
  purchase(referenceId: string, customerId: string | null): Promise<PurchaseFacts>;
}
