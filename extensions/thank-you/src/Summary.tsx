/**
 * Confirmation, first-order welcome and "what happens next": the steps of the
 * core's journey for the order as placed, each with its state.
 */
import type { DeliveryMethod, JourneyStep, JourneyStepState } from '@encore/core/journey.ts';
import { subunitsOf } from '@encore/core/subunits.ts';
import type { Words } from '@encore/core/words.ts';

export interface SummaryProps {
  words: Words;
  confirmationNumber: string | null;
  /** Shown when this is the buyer's first order; the name when protected data allows it. */
  welcome: { shop: string; name: string | null } | null;
  itemCount: number;
  /** The checkout's total: an amount in major units, as the Checkout API's Money gives it. */
  total: { amount: number; currency: string };
  steps: JourneyStep[];
  mode: DeliveryMethod;
  /** Where a pickup order is collected. */
  pickupLocation: string | null;
}

const BADGE_TONE: Record<JourneyStepState, 'auto' | 'neutral' | 'critical'> = { done: 'neutral', current: 'auto', upcoming: 'neutral', problem: 'critical' };

/**
 * The step's words; delivery reads differently for digital goods (`delivered_none`) and the shop's own
 * delivery (`delivered_local_delivery`), and pickup steps name the location.
 */
export function stepLabel(words: Words, step: JourneyStep, mode: DeliveryMethod): string {
  const key = step.kind === 'delivered' && (mode === 'none' || mode === 'local_delivery') ? `delivered_${mode}` : step.kind;
  return words.t(`journey.step.${key}`, { location: step.locationName || '' });
}

export function Summary({ words, confirmationNumber, welcome, itemCount, total, steps, mode, pickupLocation }: SummaryProps) {
  const { t } = words;
  return (
    <s-stack gap="base">
      <s-heading>{t('confirmation.heading')}</s-heading>
      {confirmationNumber ? <s-text>{t('confirmation.number', { number: confirmationNumber })}</s-text> : null}
      {welcome ? (
        <s-banner
          tone="success"
          heading={welcome.name ? t('welcome.heading_named', { shop: welcome.shop, name: welcome.name }) : t('welcome.heading', { shop: welcome.shop })}
        >
          <s-text>{t('welcome.body')}</s-text>
        </s-banner>
      ) : null}
      <s-text>
        {t('summary.items', { count: itemCount })} · {t('summary.total', { amount: words.money(subunitsOf(total.amount, total.currency), total.currency) })}
      </s-text>
      <s-section heading={t('journey.heading')}>
        <s-stack gap="base">
          <s-ordered-list>
            {steps.map((step, index) => (
              <s-list-item key={`${step.kind}-${index}`}>
                <s-stack direction="inline" gap="small-200" alignItems="center">
                  <s-text type={step.state === 'current' ? 'strong' : 'generic'}>{stepLabel(words, step, mode)}</s-text>
                  <s-badge tone={BADGE_TONE[step.state]}>{t(`journey.state.${step.state}`)}</s-badge>
                </s-stack>
              </s-list-item>
            ))}
          </s-ordered-list>
          <s-text color="subdued">{t(`journey.delivery.${mode}`, { location: pickupLocation || '' })}</s-text>
        </s-stack>
      </s-section>
    </s-stack>
  );
}
