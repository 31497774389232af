/**
 * The order-status block's pieces. They print a worked-out view (view.ts)
 * with the words they are given: no `shopify` global here, so the entry
 * module alone talks to the host. Customer and merchant text arrives as
 * children, which Preact escapes.
 */
import type { ComponentChildren } from 'preact';
import type { JourneyStep, ShipmentJourney } from '@encore/core/journey.ts';
import { isWebLink } from '@encore/core/links.ts';
import type { Words as CoreWords } from '@encore/core/words.ts';
import type { ItemCount, OrderStatusView, ShipmentView } from './view.ts';

/** The core's Words (translations, money in subunits), and dates as the order status shows them. */
export interface Words extends CoreWords {
  /** A timestamp as a date for the buyer; null when it cannot be read. */
  date: (iso: string | null | undefined) => string | null;
}

export interface BlockOptions {
  heading: string;
  showPayment: boolean;
  /** The cart permalink, or null to show no button. */
  buyAgainUrl: string | null;
}

export function Frame({ heading, children }: { heading: string; children: ComponentChildren }) {
  return (
    <s-section heading={heading}>
      <s-stack gap="base">{children}</s-stack>
    </s-section>
  );
}

export function Loading({ heading, words }: { heading: string; words: Words }) {
  return (
    <Frame heading={heading}>
      <s-skeleton-paragraph content={words.t('loading')} />
    </Frame>
  );
}

/** Quiet: the page around the block already shows the order; this only says the extra detail is missing. */
export function Fallback({ heading, words }: { heading: string; words: Words }) {
  return (
    <Frame heading={heading}>
      <s-text color="subdued">{words.t('fallback')}</s-text>
    </Frame>
  );
}

export function OrderStatusBlock({ view, words, options }: { view: OrderStatusView; words: Words; options: BlockOptions }) {
  const { t } = words;
  return (
    <Frame heading={options.heading}>
      <s-stack gap="small-200" data-part="headline">
        <s-heading>{t(`headline.${view.journey.headline}`)}</s-heading>
        {view.poNumber && <s-text data-part="po-number">{t('po_number', { number: view.poNumber })}</s-text>}
        {view.cancelled && <CancelledOrder view={view} words={words} />}
      </s-stack>
      {view.shipments.map((shipment) => (
        <Shipment key={shipment.journey.id} shipment={shipment} words={words} shipTo={view.shipTo} />
      ))}
      <Waiting view={view} words={words} />
      {view.cancelledShipments.map((shipment) => (
        <CancelledShipment key={shipment.journey.id} shipment={shipment} words={words} />
      ))}
      <Refunds view={view} words={words} />
      {options.showPayment && <Payment view={view} words={words} />}
      {options.buyAgainUrl && (
        <s-stack gap="small-200" data-part="buy-again">
          <s-button href={options.buyAgainUrl} variant="secondary">
            {t('buy_again')}
          </s-button>
          <s-text color="subdued">{t('buy_again_hint')}</s-text>
        </s-stack>
      )}
    </Frame>
  );
}

function CancelledOrder({ view, words }: { view: OrderStatusView; words: Words }) {
  const cancelled = view.cancelled!;
  const date = words.date(cancelled.at);
  return (
    <s-stack gap="small-300">
      {date && <s-text>{words.t('cancelled_on', { date })}</s-text>}
      {cancelled.reason && <s-text color="subdued">{words.t(`cancel_reasons.${cancelled.reason}`)}</s-text>}
    </s-stack>
  );
}

function Items({ items, words }: { items: ItemCount[]; words: Words }) {
  return (
    <s-stack gap="small-300" data-part="items">
      {items.map(({ line, quantity }) => (
        <s-text key={line.id}>
          {line.variantTitle
            ? words.t('item_with_variant', { quantity, title: line.title, variant: line.variantTitle })
            : words.t('item', { quantity, title: line.title })}
        </s-text>
      ))}
    </s-stack>
  );
}

const PROBLEMS: ReadonlySet<string> = new Set(['failure', 'attempted_delivery', 'delayed']);

function statusKey(shipment: ShipmentJourney): string {
  if (shipment.method === 'none') return 'digital';
  if (shipment.method === 'pickup') return 'picked_up';
  return shipment.status;
}

/**
 * One line per dated step of the shipment, in the journey's order; in transit gets its own line from the
 * carrier event. A dated step happened, even when the journey lists it after another parcel's step in
 * progress (a second parcel out for delivery), so it is told whatever its state.
 */
function stepLines(shipment: ShipmentView, words: Words): string[] {
  const lines: string[] = [];
  for (const step of shipment.steps) {
    const date = words.date(step.at);
    if (!date) continue;
    lines.push(words.t(`step.${stepKey(step, shipment.journey)}`, { date }));
    if (step.kind === 'shipped' && shipment.journey.status === 'in_transit') {
      const since = words.date(shipment.journey.latestEvent?.happened_at);
      if (since) lines.push(words.t('step.in_transit', { date: since }));
    }
  }
  return lines;
}

function stepKey(step: JourneyStep, shipment: ShipmentJourney): string {
  if (step.kind === 'delivered' && shipment.method === 'none') return 'delivered_digitally';
  return step.kind;
}

function Shipment({ shipment, words, shipTo }: { shipment: ShipmentView; words: Words; shipTo: string | null }) {
  const { t } = words;
  const journey = shipment.journey;
  const carried = journey.method === 'shipping' || journey.method === 'local_delivery';
  return (
    <s-stack gap="small-200" data-part="shipment">
      <s-stack direction="inline" gap="small-200" alignItems="center">
        <s-heading>{t('shipment.heading', { number: shipment.number })}</s-heading>
        <s-badge tone={PROBLEMS.has(journey.status) ? 'critical' : 'auto'}>{t(`shipment.status.${statusKey(journey)}`)}</s-badge>
      </s-stack>
      {journey.method === 'local_delivery' && <s-text>{t('shipment.local_delivery')}</s-text>}
      {journey.carrier && <s-text>{t('shipment.carrier', { carrier: journey.carrier })}</s-text>}
      {stepLines(shipment, words).map((line) => (
        <s-text key={line}>{line}</s-text>
      ))}
      {carried && <Tracking journey={journey} words={words} />}
      {carried && !journey.delivered && shipTo && <s-text color="subdued">{t('shipment.ships_to', { area: shipTo })}</s-text>}
      <Items items={shipment.items} words={words} />
    </s-stack>
  );
}

function Tracking({ journey, words }: { journey: ShipmentJourney; words: Words }) {
  const { t } = words;
  if (journey.tracking.length === 0) return <s-text color="subdued">{t('shipment.no_tracking')}</s-text>;
  return (
    <s-stack gap="small-300" data-part="tracking">
      <s-text type="strong">{t('shipment.tracking', { count: journey.tracking.length })}</s-text>
      {journey.tracking.map((tracking) =>
        isWebLink(tracking.url) ? (
          <s-link key={tracking.number} href={tracking.url} target="_blank" accessibilityLabel={t('shipment.track', { number: tracking.number })}>
            {tracking.number}
          </s-link>
        ) : (
          <s-text key={tracking.number}>{tracking.number}</s-text>
        ),
      )}
    </s-stack>
  );
}

function Waiting({ view, words }: { view: OrderStatusView; words: Words }) {
  const { t } = words;
  const physical = view.waiting.reduce((sum, item) => sum + item.quantity, 0);
  const digital = view.waitingDigital.reduce((sum, item) => sum + item.quantity, 0);
  if (physical + digital === 0) return null;
  const steps = view.journey.steps;
  const onHold = steps.some((step) => step.kind === 'on_hold');
  // Only a manual payment still awaited holds the preparing back; preparing is also "upcoming" when a parcel is out for delivery first.
  const afterPayment = view.journey.headline === 'payment_pending';
  let note: string;
  if (view.pickup) {
    const readyDate = words.date(view.pickup.readyAt);
    const place = view.pickup.place;
    if (readyDate) note = place ? t('waiting.pickup_ready', { place, date: readyDate }) : t('waiting.pickup_ready_nowhere', { date: readyDate });
    else note = place ? t('waiting.pickup_preparing', { place }) : t('waiting.pickup_preparing_nowhere');
  } else if (onHold) note = t('waiting.on_hold');
  else if (afterPayment) note = t('waiting.after_payment');
  else note = t('waiting.preparing');
  return (
    <>
      {physical > 0 && (
        <s-stack gap="small-200" data-part="waiting">
          <s-heading>{t(view.pickup ? 'waiting.pickup_heading' : 'waiting.heading', { count: physical })}</s-heading>
          <s-text>{note}</s-text>
          {!view.pickup && view.shipTo && <s-text color="subdued">{t('shipment.ships_to', { area: view.shipTo })}</s-text>}
          <Items items={view.waiting} words={words} />
        </s-stack>
      )}
      {digital > 0 && (
        <s-stack gap="small-200" data-part="waiting-digital">
          <s-heading>{t('waiting.digital_heading', { count: digital })}</s-heading>
          <Items items={view.waitingDigital} words={words} />
        </s-stack>
      )}
    </>
  );
}

function CancelledShipment({ shipment, words }: { shipment: ShipmentView; words: Words }) {
  const { t } = words;
  const date = words.date(shipment.journey.cancelledAt);
  return (
    <s-stack gap="small-200" data-part="cancelled-shipment">
      <s-heading>{t('cancelled_shipment.heading')}</s-heading>
      <s-text>{date ? t('cancelled_shipment.body', { date }) : t('cancelled_shipment.body_undated')}</s-text>
      <Items items={shipment.items} words={words} />
    </s-stack>
  );
}

function Refunds({ view, words }: { view: OrderStatusView; words: Words }) {
  const { t } = words;
  const cancelled = view.cancelledItems.reduce((sum, item) => sum + item.quantity, 0);
  const returned = view.refundedItems.reduce((sum, item) => sum + item.quantity, 0);
  if (view.refunds.length === 0 && cancelled === 0 && returned === 0) return null;
  return (
    <s-stack gap="small-200" data-part="refunds">
      <s-heading>{t('refunds.heading')}</s-heading>
      {view.refunds.map((refund, index) => {
        const amount = words.money(refund.amount, view.currency);
        const date = words.date(refund.at);
        return <s-text key={index}>{date ? t('refunds.refunded', { amount, date }) : t('refunds.refunded_undated', { amount })}</s-text>;
      })}
      {cancelled > 0 && (
        <>
          <s-text>{t('refunds.cancelled_items', { count: cancelled })}</s-text>
          <Items items={view.cancelledItems} words={words} />
        </>
      )}
      {returned > 0 && (
        <>
          <s-text>{t('refunds.returned_items', { count: returned })}</s-text>
          <Items items={view.refundedItems} words={words} />
        </>
      )}
    </s-stack>
  );
}

function Payment({ view, words }: { view: OrderStatusView; words: Words }) {
  const { t } = words;
  const payment = view.payment;
  const owed = words.money(payment.outstanding, view.currency);
  const due = words.date(payment.dueAt);
  const terms = payment.termsName ?? '';
  let line: string | null = null;
  let tone: 'critical' | 'auto' = 'auto';
  if (payment.overdue && due) {
    line = t('payment.overdue', { amount: owed, date: due, terms });
    tone = 'critical';
  } else if (payment.securedByAuthorization) line = t('payment.authorized');
  else if (payment.outstanding > 0 && due && terms) line = t('payment.pending_due', { amount: owed, date: due, terms });
  else if (payment.outstanding > 0) line = t('payment.pending', { amount: owed });
  else if (payment.paid > 0 && payment.refunded === 0) line = t('payment.paid');
  const refunded = payment.refunded > 0 ? t('payment.refunded', { amount: words.money(payment.refunded, view.currency) }) : null;
  if (!line && !refunded) return null;
  return (
    <s-stack gap="small-200" data-part="payment">
      <s-heading>{t('payment.heading')}</s-heading>
      {line && <s-text tone={tone}>{line}</s-text>}
      {refunded && <s-text>{refunded}</s-text>}
    </s-stack>
  );
}
