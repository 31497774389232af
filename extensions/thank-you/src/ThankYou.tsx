/**
 * Encore's thank-you block (`purchase.thank-you.block.render`). The only
 * module that reads the `shopify` global: it maps the page's values into the
 * core's order as placed (placed-order.ts), reads its journey from the table
 * the core's orderJourney wrote (placed-journey.ts),
 * loads offers in the background (offers.ts), and hands plain props to the
 * components. The summary renders at once; offers follow within 1.5 s or not
 * at all.
 */
import { shopMoneyText } from '@encore/core/money.ts';
import { majorUnitsOf } from '@encore/core/subunits.ts';
import { shopMoneyFormat } from '@encore/shopify-apis/shop-money.ts';
import { pageState, renderLive, type PageState } from './live.ts';
import { loadOffers, type Offer } from './offers.ts';
import { Offers } from './Offers.tsx';
import { placedJourney } from './placed-journey.ts';
import { deliveryMode, placedOrder, type PlacedOrderInput } from './placed-order.ts';
import { readSettings } from './settings.ts';
import { Summary } from './Summary.tsx';
import type { Words } from '@encore/core/words.ts';

export default function extension() {
  const now = new Date().toISOString();
  const page = pageState<Offer>();
  renderLive(() => <ThankYou now={now} page={page} />, document.body);
}

function ThankYou({ now, page }: { now: string; page: PageState<Offer> }) {
  const settings = readSettings(shopify.settings.value);
  const moneyFormat = shopMoneyFormat(shopify.appMetafields.value);
  const words: Words = {
    t: (key, options) => String(shopify.i18n.translate(key, options)),
    // The shop's money format where the amount is in the shop currency; the host's formatter otherwise.
    money: (subunits, currency) =>
      shopMoneyText(subunits, currency, moneyFormat) ?? shopify.i18n.formatCurrency(majorUnitsOf(subunits, currency), { currency }),
  };
  const confirmation = shopify.orderConfirmation.value;
  const input: PlacedOrderInput = {
    confirmation,
    lines: shopify.lines.value,
    cost: {
      totalAmount: shopify.cost.totalAmount.value,
      totalShippingAmount: shopify.cost.totalShippingAmount.value,
      totalTaxAmount: shopify.cost.totalTaxAmount.value,
    },
    deliveryGroups: shopify.deliveryGroups.value,
    payments: shopify.selectedPaymentOptions.value,
    cardsChargedLater: settings.cardsChargedLater,
    now,
  };
  const currency = input.cost.totalAmount.currencyCode;
  // Protected customer data: without approval `buyerIdentity` is not there at all.
  const customer = 'buyerIdentity' in shopify && shopify.buyerIdentity ? shopify.buyerIdentity.customer.value : undefined;
  const firstName = (customer && customer.firstName) || null;

  const publish = (name: string, offer: Offer, position: number) => {
    const payload = {
      orderId: confirmation.order.id,
      productId: `gid://shopify/Product/${offer.product.id}`,
      variantId: `gid://shopify/ProductVariant/${offer.variant.id}`,
      handle: offer.product.handle,
      position,
    };
    // Analytics must never break the page.
    shopify.analytics.publish(name, payload).catch(() => false);
  };

  // Data the page could not read shows nothing (and asks for no offers) rather than break the thank-you page.
  let order, journey;
  try {
    order = placedOrder(input);
    journey = placedJourney(order);
  } catch {
    order = journey = null;
  }

  const offers = page.offers.value;
  const setOffers = (loaded: Offer[]) => (page.offers.value = loaded);
  page.once(() => {
    if (!order) return;
    loadOffers(
      Object.assign({}, input, {
        query: shopify.query,
        context: { country: (shopify.localization.country.value || {}).isoCode, language: shopify.localization.language.value.isoCode },
        storefrontUrl: shopify.shop.storefrontUrl || `https://${shopify.shop.myshopifyDomain}`,
        discountCode: settings.discountCode,
        limit: settings.offerCount,
      }),
    ).then(
      (loaded) => {
        setOffers(loaded);
        // One impression per offer, when it is shown: this runs once per page.
        loaded.forEach((offer, index) => publish('encore:offer_viewed', offer, index + 1));
      },
      () => setOffers([]),
    );
  });

  if (!order || !journey) return null;
  return (
    <s-stack gap="large">
      <Summary
        words={words}
        confirmationNumber={confirmation.number || null}
        welcome={confirmation.isFirstOrder ? { shop: shopify.shop.name, name: firstName } : null}
        itemCount={order.line_items.reduce((sum, line) => sum + line.quantity, 0)}
        total={{ amount: input.cost.totalAmount.amount, currency }}
        steps={journey.steps}
        mode={deliveryMode(order, input.deliveryGroups)}
        pickupLocation={order.pickup ? order.pickup.location_name : null}
      />
      <Offers
        words={words}
        heading={settings.offersHeading || words.t('offers.heading')}
        offers={offers}
        currency={currency}
        discountCode={settings.discountCode}
        onClick={(offer, position) => publish('encore:offer_clicked', offer, position)}
      />
    </s-stack>
  );
}
