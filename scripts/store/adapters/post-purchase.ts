/**
 * The post-purchase page's `inputData` built from a just-placed order, typed
 * against @shopify/post-purchase-ui-extensions 0.13.5: numeric ids for the
 * shop, products and variants; the purchase's `referenceId` and `customerId`
 * as strings (that is how the published `Purchase` type declares them); money
 * as `{ shopMoney, presentmentMoney }` with decimal-string amounts.
 *
 * `token` is the JWT Shopify signs with the app's secret over this very
 * input. Signing and checking it belong to the offer backend (a later
 * issue), so the adapter leaves POST_PURCHASE_TOKEN_PLACEHOLDER there:
 * anything that verifies it must reject it.
 */
import type { PostPurchaseRenderApi, Version } from '@shopify/post-purchase-ui-extensions';
import { lineAmounts } from '../derive.ts';
import type { Customer, Metafield as FixtureMetafield, Order, Store } from '../types.ts';
import { lineCatalog, orderContext, publishedLocale, shopId } from './context.ts';
import { moneyBag } from './money.ts';

export type PostPurchaseInputData = PostPurchaseRenderApi['inputData'];
type PostPurchaseMetafield = PostPurchaseInputData['shop']['metafields'][number];

/** Not a JWT: stands where Shopify's signed input token goes until the backend issue signs one. */
export const POST_PURCHASE_TOKEN_PLACEHOLDER = 'encore-unsigned-input-token';

/** The only version the published API types know. */
const POST_PURCHASE_VERSION: Version = 'unstable';

export type PostPurchaseExtensionPoint = 'Checkout::PostPurchase::ShouldRender' | 'Checkout::PostPurchase::Render';

export interface PostPurchaseOptions {
  /** Checkout locale: one of the shop's published locales; the primary one by default. */
  locale?: string;
  /** Which of the two extension points receives the input; Render by default. */
  extensionPoint?: PostPurchaseExtensionPoint;
  /**
   * Product metafields the extension's configuration asks for (Shopify only
   * passes requested ones); none by default.
   */
  metafields?: { namespace: string; key: string }[];
}

export function postPurchaseInput(store: Store, order: Order, customer: Customer, options: PostPurchaseOptions = {}): PostPurchaseInputData {
  const context = orderContext(store, order, customer);
  const locale = publishedLocale(store, options.locale);
  const wanted = options.metafields ?? [];
  const country = order.shipping_address?.country_code;
  return {
    extensionPoint: options.extensionPoint ?? 'Checkout::PostPurchase::Render',
    initialPurchase: {
      referenceId: order.token ?? String(order.id),
      customerId: String(customer.id),
      ...(country ? { destinationCountryCode: country } : {}),
      totalPriceSet: moneyBag(order.total_price, order.currency),
      lineItems: order.line_items.map((line) => {
        const { product, variant } = lineCatalog(context, line);
        return {
          product: {
            id: product.id,
            title: product.title,
            variant: { id: variant.id, title: variant.title, metafields: [] },
            metafields: requested(product.metafields ?? [], wanted),
          },
          quantity: line.quantity,
          totalPriceSet: moneyBag(lineAmounts(order, line).finalLinePrice, order.currency),
          ...(line.selling_plan ? { sellingPlanId: line.selling_plan.id } : {}),
        };
      }),
    },
    locale,
    shop: { id: shopId(store), domain: store.shop.permanent_domain, metafields: [] },
    token: POST_PURCHASE_TOKEN_PLACEHOLDER,
    version: POST_PURCHASE_VERSION,
  };
}

/** Requested metafields in the post-purchase shape: integers stay numbers, everything else travels as text or JSON text. */
function requested(metafields: FixtureMetafield[], wanted: { namespace: string; key: string }[]): PostPurchaseMetafield[] {
  return metafields
    .filter((metafield) => wanted.some((entry) => entry.namespace === metafield.namespace && entry.key === metafield.key))
    .map((metafield) => {
      const base = { namespace: metafield.namespace, key: metafield.key };
      switch (metafield.type) {
        case 'number_integer':
          return { ...base, value: Number(metafield.value), valueType: 'integer' as const };
        case 'boolean':
        case 'number_decimal':
          return { ...base, value: JSON.stringify(metafield.value), valueType: 'json_string' as const };
        default:
          return { ...base, value: String(metafield.value), valueType: 'string' as const };
      }
    });
}
