/**
 * The verified `input_data.initialPurchase` in the offer rules' words: lines
 * by product handle and variant, the subtotal in SHOP currency subunits (the
 * config's bands and fixed amounts are written in it), the presentment
 * currency and the shipping country.
 *
 * Shopify's input carries product and variant ids, not handles, and nothing
 * about the buyer's history: the handle comes from the shop's catalog and the
 * customer from `ShopCatalog.purchase`.
 */
import { subunitsOf } from '@encore/core/subunits.ts';
import type { OfferOrder } from '@encore/core/offers.ts';
import type { Product } from '@encore/core/model.ts';

export interface Purchase {
  referenceId: string;
  customerId: string | null;
  /** The products of the purchase's lines, by id. */
  productIds: number[];
  order: OfferOrder;
  shopCurrency: string;
  presentmentCurrency: string;
  /** The buyer's checkout locale (`inputData.locale`), for offer texts; "" when the input has none. */
  locale: string;
  /** Presentment subunits per shop subunit, from the purchase's own total (1 when both currencies are the same). */
  rate: number;
}

interface MoneyV2 {
  amount: string;
  currencyCode: string;
}

/** The purchase, or null when the input is not shaped like Shopify's (a token we signed ourselves wrongly, say). */
export function purchaseOf(inputData: Record<string, unknown>, products: readonly Product[]): Purchase | null {
  const purchase = inputData.initialPurchase as Record<string, unknown>;
  const total = moneyBag(purchase.totalPriceSet);
  if (!total || !Array.isArray(purchase.lineItems)) return null;
  const byId = new Map(products.map((product) => [product.id, product]));
  const shopCurrency = total.shopMoney.currencyCode;
  let subtotal = 0;
  const lines: OfferOrder['lines'] = [];
  for (const item of purchase.lineItems as Record<string, unknown>[]) {
    const product = item?.product as { id?: unknown; variant?: { id?: unknown } } | undefined;
    const price = moneyBag(item?.totalPriceSet);
    const quantity = item?.quantity;
    if (!product || !Number.isSafeInteger(product.id) || !Number.isSafeInteger(product.variant?.id) || !Number.isSafeInteger(quantity) || !price) return null;
    const amount = subunitsOf(price.shopMoney.amount, shopCurrency);
    if (Number.isNaN(amount)) return null;
    subtotal += amount;
    // A product the catalog does not know keeps a handle no trigger can name, so it matches nothing by accident.
    lines.push({
      product: byId.get(product.id as number)?.handle ?? `unknown-product-${product.id}`,
      variant_id: product.variant!.id as number,
      quantity: quantity as number,
    });
  }
  const shopTotal = subunitsOf(total.shopMoney.amount, shopCurrency);
  const presentmentTotal = subunitsOf(total.presentmentMoney.amount, total.presentmentMoney.currencyCode);
  const country = typeof purchase.destinationCountryCode === 'string' ? purchase.destinationCountryCode : null;
  return {
    referenceId: purchase.referenceId as string,
    customerId: typeof purchase.customerId === 'string' || typeof purchase.customerId === 'number' ? String(purchase.customerId) : null,
    productIds: [...new Set((purchase.lineItems as { product: { id: number } }[]).map((item) => item.product.id))],
    order: { lines, subtotal, currency: total.presentmentMoney.currencyCode, country },
    shopCurrency,
    presentmentCurrency: total.presentmentMoney.currencyCode,
    locale: typeof inputData.locale === 'string' ? inputData.locale : '',
    rate: shopCurrency === total.presentmentMoney.currencyCode || !(shopTotal > 0) ? 1 : presentmentTotal / shopTotal,
  };
}

function moneyBag(value: unknown): { shopMoney: MoneyV2; presentmentMoney: MoneyV2 } | null {
  const bag = value as { shopMoney?: Partial<MoneyV2>; presentmentMoney?: Partial<MoneyV2> } | undefined;
  const ok = (money: Partial<MoneyV2> | undefined): money is MoneyV2 =>
    typeof money?.amount === 'string' && typeof money.currencyCode === 'string' && /^[A-Z]{3}$/.test(money.currencyCode);
  return bag && ok(bag.shopMoney) && ok(bag.presentmentMoney) ? (bag as { shopMoney: MoneyV2; presentmentMoney: MoneyV2 }) : null;
}
