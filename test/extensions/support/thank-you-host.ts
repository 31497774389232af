import type { getExtension } from '@shopify/ui-extensions-tester';
import type { thankYouApi } from '@encore/fixtures/adapters/checkout.ts';

type ThankYouApi = ReturnType<typeof thankYouApi>;
type ThankYouHost = ReturnType<typeof getExtension<'purchase.thank-you.block.render'>>['shopify'];

/**
 * The parts of the checkout host a thank-you block reads, filled from the adapter's answer for an order: the
 * confirmation, lines, costs, shop, localization, delivery and payment, and settings. Every settings key is
 * present because the tester's mock throws on reading a key its value lacks, where Shopify answers undefined
 * for unset settings; `settings` overrides what the adapter decides.
 */
export function fillThankYouHost(shopify: ThankYouHost, api: ThankYouApi, settings: Record<string, unknown> = {}): void {
  shopify.orderConfirmation.value = api.orderConfirmation;
  shopify.lines.value = api.lines;
  shopify.cost.subtotalAmount.value = api.cost.subtotalAmount;
  shopify.cost.totalShippingAmount.value = api.cost.totalShippingAmount;
  shopify.cost.totalTaxAmount.value = api.cost.totalTaxAmount;
  shopify.cost.totalAmount.value = api.cost.totalAmount;
  shopify.shop = api.shop;
  shopify.localization.currency.value = api.localization.currency;
  shopify.localization.language.value = api.localization.language;
  shopify.localization.country.value = api.localization.country;
  shopify.deliveryGroups.value = api.deliveryGroups;
  shopify.selectedPaymentOptions.value = api.selectedPaymentOptions;
  shopify.settings.value = { offers_heading: undefined, offers_discount_code: undefined, offers_count: undefined, ...api.settings, ...settings };
}
