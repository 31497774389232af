/**
 * The shop's catalog and buyers as the offer rules see them, read from its Admin GraphQL API (app/catalog/queries.ts)
 * and kept per instance (app/catalog/cache.ts). Only what one purchase needs is read: the variants the offers add,
 * the ordered products, and for each collection a trigger names whether it holds them. Answers are mapped into the
 * core's model: ids from `legacyResourceId` (a string of digits), prices from decimal strings into subunits.
 */
import type { Collection, Product, Variant } from '@encore/core/model.ts';
import type { OfferCustomer } from '@encore/core/offers.ts';
import { orderPostPurchaseFacts } from '@encore/core/post-purchase-page.ts';
import { subunitsOf } from '@encore/core/subunits.ts';
import type { CatalogNeeds, CatalogSlice, OrderFacts, PurchaseFacts, ShopCatalog } from '../post-purchase/shop.ts';
import { AdminApiError, type AdminQuery } from './admin-api.ts';
import type { CatalogCache } from './cache.ts';
import { gid, OFFERED_VARIANTS, orderedProductsQuery, PURCHASE, searchValue } from './queries.ts';

export interface AdminCatalogOptions {
  shop: string;
  /** The shop's catalog version (app/storage/shops.ts) and install time: kept answers of another are not used. */
  version: string;
  query: AdminQuery;
  cache: CatalogCache;
}

interface ImageRef {
  preview?: { image?: { url?: string } | null } | null;
}

interface AdminProduct {
  legacyResourceId: string;
  handle: string;
  title: string;
  vendor: string;
  productType: string;
  tags: string[];
  status: 'ACTIVE' | 'ARCHIVED' | 'DRAFT';
  createdAt: string;
  featuredMedia?: ImageRef | null;
}

interface AdminVariant {
  legacyResourceId: string;
  title: string;
  sku: string | null;
  price: string;
  compareAtPrice: string | null;
  inventoryQuantity: number | null;
  inventoryPolicy: 'CONTINUE' | 'DENY';
  inventoryItem: { tracked: boolean };
  selectedOptions: { name: string; value: string }[];
  media: { nodes: ImageRef[] };
  product: AdminProduct;
}

interface OfferedAnswer {
  shop: { currencyCode: string; currencyFormats: { moneyFormat: string } };
  shopLocales: { locale: string; primary: boolean }[];
  nodes: (AdminVariant | Record<string, never> | null)[];
}

interface AdminCustomer {
  id: string;
  tags: string[];
  numberOfOrders: string;
  lastOrder: { checkoutToken: string | null } | null;
}

interface AdminOrder {
  checkoutToken: string | null;
  sourceName: string | null;
  paymentTerms: { id: string } | null;
  purchasingEntity: { __typename: string } | null;
  originalTotalDutiesSet: { shopMoney: { amount: string } } | null;
  transactions: { kind: string; status: string; gateway: string; paymentDetails: { __typename: string } | null }[];
  customer: AdminCustomer | null;
}

interface PurchaseAnswer {
  orders: { nodes: AdminOrder[] };
  customer?: AdminCustomer | null;
}

interface Offered {
  currency: string;
  moneyFormat: string;
  primaryLocale: string;
  products: Product[];
  images: Map<number, string | null>;
}

/** A `legacyResourceId` as a number; NaN past what a JavaScript number holds exactly (then nothing matches it). */
const legacyId = (value: string): number => {
  const id = Number(value);
  return Number.isSafeInteger(id) ? id : Number.NaN;
};

const imageOf = (ref: ImageRef | null | undefined): string | null => ref?.preview?.image?.url ?? null;

function productOf(node: AdminProduct): Product {
  return {
    id: legacyId(node.legacyResourceId),
    handle: node.handle,
    title: node.title,
    vendor: node.vendor,
    product_type: node.productType,
    tags: node.tags,
    description: '',
    created_at: node.createdAt,
    // The rules ask only whether it is for sale: an archived or draft product is not.
    published_at: node.status === 'ACTIVE' ? node.createdAt : null,
    options: [],
    images: [],
    variants: [],
  };
}

function variantOf(node: AdminVariant, currency: string): Variant {
  const tracked = node.inventoryItem.tracked && node.inventoryQuantity !== null;
  return {
    id: legacyId(node.legacyResourceId),
    title: node.title,
    option_values: node.selectedOptions.map((option) => option.value),
    sku: node.sku,
    price: subunitsOf(node.price, currency),
    compare_at_price: node.compareAtPrice === null ? null : subunitsOf(node.compareAtPrice, currency),
    inventory_quantity: tracked ? node.inventoryQuantity : null,
    inventory_policy: node.inventoryPolicy === 'CONTINUE' ? 'continue' : 'deny',
    requires_shipping: true,
    taxable: true,
    weight: 0,
  };
}

/** A node `... on ProductVariant` filled in; an id of another type (or none) answers `{}` or null. */
const isVariant = (node: AdminVariant | Record<string, never> | null): node is AdminVariant => node !== null && 'legacyResourceId' in node;

/** The offered variants grouped under their products, with the image each one shows. */
function offeredOf(answer: OfferedAnswer): Offered {
  const currency = answer.shop.currencyCode;
  const products = new Map<number, Product>();
  const images = new Map<number, string | null>();
  for (const node of answer.nodes) {
    if (!isVariant(node)) continue;
    const variant = variantOf(node, currency);
    if (Number.isNaN(variant.id) || Number.isNaN(variant.price)) continue;
    const id = legacyId(node.product.legacyResourceId);
    const product = products.get(id) ?? productOf(node.product);
    products.set(id, product);
    product.variants.push(variant);
    images.set(variant.id, imageOf(node.media.nodes[0]) ?? imageOf(node.product.featuredMedia));
  }
  const primary = answer.shopLocales.find((locale) => locale.primary)?.locale ?? 'en';
  return { currency, moneyFormat: answer.shop.currencyFormats.moneyFormat, primaryLocale: primary, products: [...products.values()], images };
}

const sorted = (values: readonly (number | string)[]) => [...new Set(values)].sort().join(',');

export function adminCatalog(options: AdminCatalogOptions): ShopCatalog {
  const { shop, version, query, cache } = options;
  const key = (...parts: (string | number)[]) => [shop, version, ...parts].join('\n');

  function offered(variantIds: number[]): Promise<Offered> {
    return cache.get(key('offered', sorted(variantIds)), async () =>
      offeredOf(await query<OfferedAnswer>(OFFERED_VARIANTS, { variants: variantIds.map((id) => gid('ProductVariant', id)) })),
    );
  }

  function ordered(productIds: number[], handles: string[]): Promise<{ products: Product[]; collections: Collection[] }> {
    const ids = [...new Set(productIds)];
    const named = [...new Set(handles)];
    if (ids.length === 0) return Promise.resolve({ products: [], collections: [] });
    return cache.get(key('ordered', sorted(ids), sorted(named)), async () => {
      const variables: Record<string, unknown> = { products: ids.map((id) => gid('Product', id)) };
      if (named.length > 0) ids.forEach((id, p) => (variables[`p${p}`] = gid('Product', id)));
      named.forEach((handle, c) => (variables[`c${c}`] = handle));
      const answer = await query<Record<string, unknown>>(orderedProductsQuery(ids.length, named.length), variables);
      const products = (answer.nodes as (AdminProduct | Record<string, never> | null)[])
        .filter((node): node is AdminProduct => node !== null && 'legacyResourceId' in node)
        .map(productOf);
      const handleOf = new Map(products.map((product) => [product.id, product.handle]));
      const collections: Collection[] = [];
      named.forEach((_, c) => {
        const found = answer[`c${c}`] as ({ legacyResourceId: string; handle: string; title: string } & Record<string, unknown>) | null;
        if (!found) return;
        const held = ids.flatMap((id, p) => (found[`p${p}`] === true && handleOf.has(id) ? [handleOf.get(id)!] : []));
        collections.push({ id: legacyId(found.legacyResourceId), handle: found.handle, title: found.title, description: '', products: held });
      });
      return { products, collections };
    });
  }

  return {
    async slice(needs: CatalogNeeds): Promise<CatalogSlice> {
      const [offers, bought] = await Promise.all([offered(needs.offeredVariantIds), ordered(needs.orderedProductIds, needs.collectionHandles)]);
      // An ordered product that is also offered is one product: the offered one carries its variants.
      const offeredIds = new Set(offers.products.map((product) => product.id));
      const products = [...offers.products, ...bought.products.filter((product) => !offeredIds.has(product.id))];
      return {
        products,
        collections: bought.collections,
        moneyFormat: { currency: offers.currency, format: offers.moneyFormat },
        primaryLocale: offers.primaryLocale,
        imageUrl: (_product, variant) => offers.images.get(variant.id) ?? null,
      };
    },

    purchase(referenceId: string, customerId: string | null): Promise<PurchaseFacts> {
      const customerGid = customerId !== null && /^\d+$/.test(customerId) ? gid('Customer', customerId) : null;
      return cache.get(key('purchase', referenceId, customerId ?? ''), async () => {
        const answer = await query<PurchaseAnswer>(PURCHASE, {
          search: `checkout_token:${searchValue(referenceId)}`,
          customer: customerGid ?? gid('Customer', 0),
          withCustomer: customerGid !== null,
        }).catch((error: unknown) => {
          // A shop whose merchant has not granted protected customer data (Level 1) answers without the order and
          // the buyer: offers without customer conditions are still made, as for a guest.
          if (error instanceof AdminApiError && error.onlyDenied) return deniedAnswer(error.data);
          throw error;
        });
        const order = answer.orders.nodes.find((node) => node.checkoutToken === referenceId) ?? null;
        // The order's own customer answers as of the order; a buyer Shopify names but the order does not, as of now.
        const buyer = order?.customer?.id === customerGid ? order?.customer : answer.customer;
        return {
          order: order && orderFacts(order),
          customer: buyer && customerGid !== null && buyer.id === customerGid ? customerOf(buyer, referenceId) : null,
        };
      });
    },
  };
}

/** What came back beside ACCESS_DENIED errors: the denied fields are null (or the whole answer is). */
function deniedAnswer(data: unknown): PurchaseAnswer {
  const answer = (data ?? {}) as Partial<PurchaseAnswer>;
  return { orders: { nodes: answer.orders?.nodes?.filter(Boolean) ?? [] }, customer: answer.customer ?? null };
}

/** Orders the buyer placed before this one: all they placed, less this one once Shopify counts it. */
function customerOf(customer: AdminCustomer, referenceId: string): OfferCustomer {
  const placed = Number(customer.numberOfOrders);
  const counted = customer.lastOrder?.checkoutToken === referenceId ? 1 : 0;
  return { orderCount: Number.isSafeInteger(placed) ? Math.max(0, placed - counted) : 0, tags: customer.tags };
}

/** The Admin API's order in the words of the core's rule (post-purchase-page.ts). */
function orderFacts(order: AdminOrder): OrderFacts {
  const duties = Number(order.originalTotalDutiesSet?.shopMoney.amount ?? '0');
  const facts = orderPostPurchaseFacts(
    {
      currency: '',
      transactions: order.transactions.map((transaction) => ({
        kind: transaction.kind.toLowerCase(),
        status: transaction.status.toLowerCase(),
        gateway: transaction.gateway,
        card: transaction.paymentDetails?.__typename === 'CardPaymentDetails' ? {} : null,
      })),
      payment_terms: order.paymentTerms,
      company: order.purchasingEntity?.__typename === 'PurchasingCompany',
      duties: duties > 0 ? [duties] : [],
    },
    '',
    // Orders a person placed elsewhere (point of sale, a draft order) get no page; any other source is the checkout's.
    order.sourceName !== 'pos' && order.sourceName !== 'shopify_draft_order',
  );
  const { currency: _currency, shopCurrency: _shopCurrency, ...rest } = facts;
  return rest;
}
