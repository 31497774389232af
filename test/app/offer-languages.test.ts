/**
 * Offer texts per language: the EUR store (primary language Dutch; English and German published) writes each
 * offer title in all three (tools/fixtures/stores/eur-store.offers.json); the page gets the buyer's language,
 * else the shop's primary one, and the signed discount carries the title the buyer was shown.
 */
import { describe, expect, it } from 'vitest';
import { offerReferenceProblems, offerText } from '@encore/core/offer-config.ts';
import { offerConfigProblems, parseOfferConfig } from '../../app/offers/validate.ts';
import { loadOffers, offersFileBeside } from '@encore/fixtures/offers/load.ts';
import { postPurchaseInput } from '@encore/fixtures/adapters/post-purchase.ts';
import { findBundledStore } from '@encore/fixtures/bundled.ts';
import { findOrder } from '@encore/fixtures/names.ts';
import { backend, offersOf, SECRET, PURCHASED_AT, signOf, withCardCheckout } from './support.ts';
import { jwtVerify } from 'jose';

const bundled = findBundledStore({ order: '3002' })!;
// #3002 was paid with iDEAL, which Shopify shows no post-purchase page for; paid by card here.
const eur = withCardCheckout(bundled.store, '3002');
const offers = loadOffers(offersFileBeside(bundled.file), eur);

async function offersIn(locale: string) {
  const b = backend({ store: eur, offers });
  const { order, customer } = findOrder(eur, '3002')!;
  const input = await postPurchaseInput(eur, order, customer, { secret: SECRET, issuedAt: new Date(PURCHASED_AT), locale });
  const { body } = await offersOf(b, input.token);
  return { b, input, offers: body.offers as { id: string; title: string; variants: { id: number }[] }[] };
}

describe("the EUR store's gift-box order #3002", () => {
  it('a Dutch page gets the Dutch title, an English page the English one, a German page the German one', async () => {
    expect((await offersIn('nl')).offers.map((offer) => offer.title)).toEqual(['Maak het cadeau compleet: €2 korting op badzout']);
    expect((await offersIn('en')).offers.map((offer) => offer.title)).toEqual(['Complete the gift: €2 off the bath salts']);
    expect((await offersIn('de')).offers.map((offer) => offer.title)).toEqual(['Machen Sie das Geschenk komplett: 2 € Rabatt auf das Badesalz']);
  });

  it('the signed discount carries the title in the language the buyer read it in', async () => {
    const { b, input, offers: shown } = await offersIn('en');
    const signed = await signOf(b, { token: input.token, offerId: shown[0].id, variantId: shown[0].variants[0].id, quantity: 1 });
    const { payload } = await jwtVerify(signed.body.token, new TextEncoder().encode(SECRET), { currentDate: new Date(b.clock.now) });
    expect((payload.changes as { discount: { title: string } }[])[0].discount.title).toBe('Complete the gift: €2 off the bath salts');
  });
});

describe('offerText', () => {
  const title = { nl: 'Dutch', en: 'English', 'pt-BR': 'Brazilian' };
  it.each([
    ['nl', 'Dutch'],
    ['en-GB', 'English'],
    ['pt-BR', 'Brazilian'],
    ['pt', 'Brazilian'],
    ['fr', 'Dutch'],
  ])("%s → %s (the shop's primary language, nl, when none fits)", (locale, text) => {
    expect(offerText(title, locale, 'nl')).toBe(text);
  });

  it("one text is every language's", () => {
    expect(offerText('Same for all', 'da', 'en')).toBe('Same for all');
  });
});

describe('the config check names the JSON path of each fault in a text by language', () => {
  const config = (title: unknown) => ({
    offers: [{ id: 'a', title, priority: 1, trigger: {}, action: { variant_id: 43004, quantity: { default: 1, max: 1 }, discount: null } }],
  });

  it('a language code that is not one, an empty text, and an empty object', () => {
    expect(offerConfigProblems(config({ NL: 'x', en: '' }))).toEqual([
      { path: 'offers[0].title.NL', message: 'is not a locale code; expected a language such as "nl" or "pt-BR"' },
      { path: 'offers[0].title.en', message: 'must be a non-empty string, got ""' },
    ]);
    expect(offerConfigProblems(config({}))).toEqual([
      { path: 'offers[0].title', message: 'must give a text for at least one language, such as { "en": "…" }' },
    ]);
    expect(offerConfigProblems(config(7))[0].path).toBe('offers[0].title');
  });

  it("texts without the shop's primary language are refused against the store", () => {
    const parsed = parseOfferConfig(config({ en: 'English only' }));
    if (!parsed.ok) throw new Error('expected a well-formed config');
    expect(offerReferenceProblems(parsed.config, eur)).toEqual([
      { path: 'offers[0].title', message: 'has no text in the shop\'s primary language "nl" (given: en); it is what other languages fall back on' },
    ]);
  });
});
