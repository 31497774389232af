/**
 * One store fixture, presented exactly as each Shopify surface hands data to
 * an extension:
 *
 *   customerAccountOrder(store, order, customer)      → Customer Account API `Order` (2026-10)
 *   customerAccountCustomer(store, customer)          → Customer Account API `Customer`, orders newest first
 *   thankYouApi(store, order, customer, { locale })   → purchase.thank-you.block.render values
 *   postPurchaseInput(store, order, customer, { locale }) → post-purchase `inputData`
 *   storefrontProduct(store, product) / storefrontNodes / storefrontRecommendations
 *                                                     → Storefront API `Product`s (what `shopify.query` answers)
 *
 * The Liquid view of the same store lives in ../liquid.
 */
export { customerAccountCustomer, customerAccountOrder, type CustomerAccount } from './customer-account.ts';
export { orderAtPlacement, thankYouApi, type ThankYouApi, type ThankYouOptions, type Unsignalled } from './checkout.ts';
export {
  POST_PURCHASE_TOKEN_PLACEHOLDER,
  postPurchaseInput,
  type PostPurchaseExtensionPoint,
  type PostPurchaseInputData,
  type PostPurchaseOptions,
} from './post-purchase.ts';
export { childId, gid, idOf, parseGid, stableId, type GidResource, type ParsedGid } from './ids.ts';
export { decimalAmount, majorUnits, moneyBag, moneyV2, type MoneyBag, type MoneyV2 } from './money.ts';
export { isOnStorefront, storefrontNodes, storefrontProduct, storefrontProductId, storefrontRecommendations, type RecommendationOptions, type StorefrontOptions } from './storefront.ts';
