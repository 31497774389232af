/**
 * The post-purchase page's `inputData` built from a just-placed order, typed
 * against @shopify/post-purchase-ui-extensions 0.13.5: numeric ids for the
 * shop, products and variants; the purchase's `referenceId` and `customerId`
 * as strings (that is how the published `Purchase` type declares them); money
 * as `{ shopMoney, presentmentMoney }` with decimal-string amounts.
 *
 * `token` is the JWT Shopify signs with the app's secret over this very
 * input. Given `{ secret }`, `postPurchaseInput` signs it as Shopify does
 * (`signInputToken`) and returns a promise; without one it leaves
 * POST_PURCHASE_TOKEN_PLACEHOLDER there, which anything that verifies it
 * must reject.
 */
import type { PostPurchaseRenderApi, Version } from '@shopify/post-purchase-ui-extensions';
import { SignJWT } from 'jose';
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

export interface SignedPostPurchaseOptions extends PostPurchaseOptions {
  /** The app's client secret (SHOPIFY_API_SECRET): `token` is signed with it. */
  secret: string;
  /** When Shopify issued the token (the purchase has completed by then); now by default. */
  issuedAt?: Date;
}

/**
 * The input token as Shopify issues it (shopify.dev, post-purchase "JWT
 * specification"): HS256 with the app's client secret; `iss` "shopify", `sub`
 * the purchase's referenceId, `iat` in seconds, no `jti` and no `exp`; the
 * payload's `input_data` is the input the extension receives, without the
 * token itself.
 */
export async function signInputToken(inputData: PostPurchaseInputData, secret: string, issuedAt: Date = new Date()): Promise<string> {
  const { token: _token, ...input_data } = inputData;
  return new SignJWT({ input_data })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer('shopify')
    .setSubject(inputData.initialPurchase.referenceId)
    .setIssuedAt(Math.floor(issuedAt.getTime() / 1000))
    .sign(new TextEncoder().encode(secret));
}

export function postPurchaseInput(store: Store, order: Order, customer: Customer, options?: PostPurchaseOptions): PostPurchaseInputData;
export function postPurchaseInput(store: Store, order: Order, customer: Customer, options: SignedPostPurchaseOptions): Promise<PostPurchaseInputData>;
export function postPurchaseInput(
  store: Store,
  order: Order,
  customer: Customer,
  options: PostPurchaseOptions | SignedPostPurchaseOptions = {},
): PostPurchaseInputData | Promise<PostPurchaseInputData> {
  const data = unsignedInput(store, order, customer, options);
  if (!('secret' in options)) return data;
  return signInputToken(data, options.secret, options.issuedAt).then((token) => ({ ...data, token }));
}

function unsignedInput(store: Store, order: Order, customer: Customer, options: PostPurchaseOptions): PostPurchaseInputData {
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
