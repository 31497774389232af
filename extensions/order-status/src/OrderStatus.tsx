/**
 * Order status page block (customer-account.order-status.block.render): where
 * each shipment is, what has not shipped, what was cancelled or refunded,
 * what is still owed, and a "Buy again" cart. The host gives only the order's
 * id and name; everything else comes from the Customer Account API in one
 * call, within 1.5 s, and a failure shows a quiet line instead.
 */
import '@shopify/ui-extensions/preact';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { customerAccountQuery } from '@encore/shopify-apis/customer-account/client.ts';
import { ORDER_STATUS_QUERY, type OrderStatusData } from '@encore/shopify-apis/customer-account/queries.ts';
import { Fallback, Loading, OrderStatusBlock, type Words } from './Block.tsx';
import { buyAgainUrl, orderStatusView, type OrderStatusView } from './view.ts';
import { majorUnitsOf } from '@encore/core/subunits.ts';
import { shopMoneyText } from '@encore/core/money.ts';
import { shopMoneyFormat } from '@encore/shopify-apis/shop-money.ts';

export default function extension() {
  render(<OrderStatusExtension />, document.body);
}

type Load = { kind: 'loading' } | { kind: 'failed' } | { kind: 'ready'; view: OrderStatusView; buyAgain: string | null };

function words(): Words {
  const i18n = shopify.i18n;
  const moneyFormat = shopMoneyFormat(shopify.appMetafields.value);
  return {
    t: (key, options) => String(i18n.translate(key, options)),
    // The shop's money format where the amount is in the shop currency; the host's formatter otherwise.
    money: (subunits, currency) => shopMoneyText(subunits, currency, moneyFormat) ?? i18n.formatCurrency(majorUnitsOf(subunits, currency), { currency }),
    date: (iso) => {
      const time = iso ? Date.parse(iso) : Number.NaN;
      return Number.isNaN(time) ? null : i18n.formatDate(new Date(time), { dateStyle: 'medium' });
    },
  };
}

/** A merchant setting; settings stay empty until the merchant saves, so an absent key is undefined. */
function setting(key: string): unknown {
  const settings = shopify.settings.value as Record<string, unknown> | undefined;
  return settings && key in settings ? settings[key] : undefined;
}

function OrderStatusExtension() {
  const orderId = shopify.order.value?.id;
  const [load, setLoad] = useState<Load>({ kind: orderId ? 'loading' : 'failed' });

  useEffect(() => {
    if (!orderId) return;
    let current = true;
    void customerAccountQuery<OrderStatusData>(ORDER_STATUS_QUERY, { id: orderId }).then((result) => {
      if (!current) return;
      const order = result.ok ? result.data.order : null;
      if (!order) return setLoad({ kind: 'failed' });
      try {
        const view = orderStatusView(order, new Date());
        setLoad({ kind: 'ready', view, buyAgain: buyAgainUrl(shopify.shop.storefrontUrl || `https://${shopify.shop.myshopifyDomain}`, order) });
      } catch {
        // An answer the rules cannot read is a failed answer, not a broken page.
        setLoad({ kind: 'failed' });
      }
    });
    return () => {
      current = false;
    };
  }, [orderId]);

  const text = words();
  const custom = setting('heading');
  const heading = typeof custom === 'string' && custom.trim() !== '' ? custom.trim() : text.t('heading');
  if (load.kind === 'loading') return <Loading heading={heading} words={text} />;
  if (load.kind === 'failed') return <Fallback heading={heading} words={text} />;
  return (
    <OrderStatusBlock
      view={load.view}
      words={text}
      options={{
        heading,
        // Unset settings are empty until the merchant saves: both default to on.
        showPayment: setting('show_payment') !== false,
        buyAgainUrl: setting('show_buy_again') === false ? null : load.buyAgain,
      }}
    />
  );
}
