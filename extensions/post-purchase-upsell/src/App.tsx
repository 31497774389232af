/** @jsxImportSource react */
/**
 * The post-purchase page: one offer at a time, up to MAX_FUNNEL_STEPS (the core's offer rules), as the backend's `next` links chain them
 * (accepted → an upsell, declined → a downsell). Accept asks the backend to sign the change and hands the
 * signed token to `applyChangeset`; the page never prices anything itself. Every failure ends on a message
 * and a button on to the thank-you page.
 */
import { useEffect, useRef, useState } from 'react';
import type { LayoutProps, PostPurchaseRenderApi } from '@shopify/post-purchase-ui-extensions';
import {
  Banner,
  BlockStack,
  Bookend,
  Button,
  Heading,
  Image,
  InlineStack,
  Layout,
  Select,
  Spinner,
  Text,
  TextContainer,
  View,
  VisuallyHidden,
} from '@shopify/post-purchase-ui-extensions-react';
import { MAX_FUNNEL_STEPS } from '@encore/core/offer-config.ts';
import type { PostPurchaseOffer } from '@encore/shopify-apis/post-purchase/offer-contract.ts';
import { reportOfferEvent, signChangeset } from './backend.ts';
import { breakdownOf, offerChangeset, type Breakdown } from './changeset.ts';
import { backendProblem, changesetProblem } from './problems.ts';
import type { PostPurchaseWords } from './words.ts';

/** Shopify's apply never answering must not hold the buyer: after this long the page offers the way on. */
export const APPLY_TIMEOUT_MS = 15_000;

/** `work`, or a rejection once `ms` have passed without an answer. */
function withinLimit<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

type Calculation = { state: 'calculating' } | { state: 'ready'; breakdown: Breakdown } | { state: 'unavailable' };
type Phase = { state: 'choosing' } | { state: 'busy' } | { state: 'problem'; message: string } | { state: 'finished' };

export interface AppProps {
  api: PostPurchaseRenderApi;
  offers: PostPurchaseOffer[];
  words: PostPurchaseWords;
}

export function App({ api, offers, words }: AppProps) {
  const { t, decimalMoney } = words;
  const [offer, setOffer] = useState<PostPurchaseOffer | null>(offers[0] ?? null);
  const [shown, setShown] = useState<string[]>(offers[0] ? [offers[0].id] : []);
  const [variantId, setVariantId] = useState(offers[0]?.variants[0]?.id ?? 0);
  const [quantity, setQuantity] = useState(offers[0] ? startingQuantity(offers[0]) : 1);
  const [calculation, setCalculation] = useState<Calculation>({ state: 'calculating' });
  const [phase, setPhase] = useState<Phase>(offer ? { state: 'choosing' } : { state: 'finished' });
  const [secondsLeft, setSecondsLeft] = useState<number | null>(offer?.countdownSeconds ?? null);
  const finished = useRef(false);
  const phaseRef = useRef(phase);
  phaseRef.current = phase;

  /** On to the thank-you page, once. */
  const finish = () => {
    if (finished.current) return;
    finished.current = true;
    setPhase({ state: 'finished' });
    api.done().catch(() => {});
  };

  // Nothing to show (storage empty or unreadable): straight on to the thank-you page.
  useEffect(() => {
    if (!offer) finish();
  }, []);

  const variant = offer?.variants.find((candidate) => candidate.id === variantId) ?? offer?.variants[0];

  // The merchant's funnel: each offer the buyer sees counts as a view.
  useEffect(() => {
    if (offer) void reportOfferEvent(api.inputData.token, offer.id, 'shown');
  }, [offer?.id]);

  // Shopify's own price for the current choice: subtotal, shipping, taxes and what is charged now.
  useEffect(() => {
    if (!offer || !variant) return;
    let current = true;
    setCalculation({ state: 'calculating' });
    api
      .calculateChangeset(offerChangeset(offer, variant, quantity))
      .then((result) => {
        if (!current) return;
        setCalculation(
          result.status === 'processed' ? { state: 'ready', breakdown: breakdownOf(result.calculatedPurchase, variant.id) } : { state: 'unavailable' },
        );
      })
      .catch(() => {
        if (current) setCalculation({ state: 'unavailable' });
      });
    return () => {
      current = false;
    };
  }, [offer?.id, variant?.id, quantity]);

  // The merchant's countdown: paused while an accept is in flight, and on expiry on to the thank-you page.
  useEffect(() => {
    const seconds = offer?.countdownSeconds;
    setSecondsLeft(seconds && seconds > 0 ? seconds : null);
    if (!seconds || seconds <= 0) return;
    let left = seconds;
    const timer = setInterval(() => {
      if (phaseRef.current.state !== 'choosing') return;
      left -= 1;
      setSecondsLeft(left);
      if (left <= 0) {
        clearInterval(timer);
        finish();
      }
    }, 1000);
    return () => clearInterval(timer);
  }, [offer?.id]);

  /** The offer the backend named next, unless the funnel is at its limit or would loop. */
  const goTo = (id: string | null) => {
    const next = id === null ? undefined : offers.find((candidate) => candidate.id === id);
    if (!next || shown.length >= MAX_FUNNEL_STEPS || shown.includes(next.id)) {
      finish();
      return;
    }
    setShown(shown.concat(next.id));
    setOffer(next);
    setVariantId(next.variants[0].id);
    setQuantity(startingQuantity(next));
    setPhase({ state: 'choosing' });
  };

  const fail = (messageKey: string) => setPhase({ state: 'problem', message: t(messageKey) });

  const accept = async () => {
    if (!offer || !variant || phase.state !== 'choosing') return;
    setPhase({ state: 'busy' });
    let signed: string;
    try {
      signed = await signChangeset({ token: api.inputData.token, offerId: offer.id, variantId: variant.id, quantity });
    } catch (error) {
      fail(backendProblem(error));
      return;
    }
    try {
      const result = await withinLimit(api.applyChangeset(signed), APPLY_TIMEOUT_MS);
      if (result.status === 'processed') {
        void reportOfferEvent(api.inputData.token, offer.id, 'applied');
        if (result.changesetApplicationsRemaining === 0) finish();
        else goTo(offer.next.accepted);
      } else if (result.status === 'partially_processed') {
        fail('errors.partially_processed');
      } else {
        fail(changesetProblem(result.errors[0]?.code));
      }
    } catch {
      fail('errors.unknown');
    }
  };

  const decline = () => {
    if (!offer || phase.state !== 'choosing') return;
    void reportOfferEvent(api.inputData.token, offer.id, 'declined');
    goTo(offer.next.declined);
  };

  if (phase.state === 'finished' || !offer || !variant) return <Spinner />;

  const continueButton = (
    <Button subdued onPress={finish}>
      {t('continue')}
    </Button>
  );

  if (phase.state === 'problem') {
    return (
      <BlockStack spacing="loose">
        <Banner status="critical">
          <Text>{phase.message}</Text>
        </Banner>
        {continueButton}
      </BlockStack>
    );
  }

  const busy = phase.state === 'busy';
  const discounted = variant.discountedPrice !== variant.price;
  const quantities = Array.from({ length: offer.quantity.max }, (_, index) => String(index + 1));

  const details = (
    <BlockStack spacing="loose">
      {secondsLeft !== null && <Text emphasized>{t('countdown', { time: clock(secondsLeft) })}</Text>}
      <Text subdued>{t('heading')}</Text>
      <Heading>{offer.title}</Heading>
      <TextContainer>
        <Text size="large">{offer.product.title}</Text>
      </TextContainer>
      <InlineStack spacing="tight" alignment="baseline">
        {discounted && (
          <Text role="deletion" subdued>
            <VisuallyHidden>{t('regular_price')} </VisuallyHidden>
            {decimalMoney(variant.price, offer.currencyCode)}
          </Text>
        )}
        <Text emphasized size="large">
          <VisuallyHidden>{t('offer_price')} </VisuallyHidden>
          {decimalMoney(variant.discountedPrice, offer.currencyCode)}
        </Text>
      </InlineStack>
      {offer.variants.length > 1 && (
        <Select
          label={t('variant_label')}
          value={String(variant.id)}
          options={offer.variants.map((option) => ({ value: String(option.id), label: option.title }))}
          disabled={busy}
          onChange={(value) => setVariantId(Number(value))}
        />
      )}
      {offer.quantity.max > 1 && (
        <BlockStack spacing="xtight">
          <Select
            label={t('quantity_label')}
            value={String(quantity)}
            options={quantities.map((value) => ({ value, label: value }))}
            disabled={busy}
            onChange={(value) => setQuantity(clamp(Number(value), offer.quantity.max))}
          />
          <Text subdued>{t('quantity_limit', { count: offer.quantity.max })}</Text>
        </BlockStack>
      )}
      <Summary calculation={calculation} words={words} />
      {calculation.state === 'ready' && (
        <Button onPress={accept} disabled={busy} loading={busy} loadingLabel={t('accept_busy')}>
          {t('accept', { total: decimalMoney(calculation.breakdown.total, calculation.breakdown.currencyCode) })}
        </Button>
      )}
      <Button subdued onPress={decline} disabled={busy}>
        {t('decline')}
      </Button>
      {calculation.state === 'unavailable' && continueButton}
    </BlockStack>
  );
  if (!offer.product.imageUrl) return details;
  // The product's picture beside the offer on a wide screen, above it on a narrow one.
  return (
    <Layout media={OFFER_LAYOUT}>
      <Image source={offer.product.imageUrl} description={offer.product.title} />
      <View />
      {details}
    </Layout>
  );
}

/** Picture, gutter, details: stacked and centred up to a tablet's width, side by side from checkout's large viewport. */
const OFFER_LAYOUT: NonNullable<LayoutProps['media']> = [
  { viewportSize: 'small', sizes: [1, 0, 1], maxInlineSize: 1 },
  { viewportSize: 'medium', sizes: [1, 0, 1], maxInlineSize: 480 },
  { viewportSize: 'large', sizes: [440, 32, 'fill'], maxInlineSize: 1 },
];

function Summary({ calculation, words: { t, decimalMoney } }: { calculation: Calculation; words: PostPurchaseWords }) {
  if (calculation.state === 'calculating') return <Text subdued>{t('summary.calculating')}</Text>;
  if (calculation.state === 'unavailable') {
    return (
      <Banner status="warning">
        <Text>{t('summary.unavailable')}</Text>
      </Banner>
    );
  }
  const { breakdown } = calculation;
  // Label at the start, amount at its own width against the trailing edge, so the amounts line up on the right.
  const row = (label: string, value: string, emphasized = false) => (
    <Bookend trailing spacing="loose" alignment="baseline">
      <Text emphasized={emphasized}>{label}</Text>
      <Text emphasized={emphasized}>{value}</Text>
    </Bookend>
  );
  const amount = (value: string) => decimalMoney(value, breakdown.currencyCode);
  return (
    <BlockStack spacing="tight">
      {breakdown.subtotal !== null && row(t('summary.subtotal'), amount(breakdown.subtotal))}
      {row(t('summary.shipping'), Number(breakdown.shipping) === 0 ? t('summary.shipping_free') : amount(breakdown.shipping))}
      {/*
        A taxes row only for tax added on top. calculateChangeset's addedTaxLines list tax charged on top of
        prices; where prices include tax (VAT) Shopify adds none and does not say how much is inside, so a
        "Taxes 0,00" row would read as untaxed. Shopify's checkout words that case "Including X in taxes",
        which needs the included amount this API does not give; the row is left out instead.
      */}
      {Number(breakdown.taxes) !== 0 && row(t('summary.taxes'), amount(breakdown.taxes))}
      {row(t('summary.total'), amount(breakdown.total), true)}
    </BlockStack>
  );
}

function startingQuantity(offer: PostPurchaseOffer): number {
  return clamp(offer.quantity.default, offer.quantity.max);
}

function clamp(quantity: number, max: number): number {
  return Number.isInteger(quantity) ? Math.min(Math.max(quantity, 1), max) : 1;
}

/** 299 → "4:59". */
function clock(seconds: number): string {
  const left = Math.max(0, seconds);
  return `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
}
