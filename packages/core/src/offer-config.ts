/**
 * The offer config: the JSON file a merchant edits to decide which upsell
 * offers the post-purchase page may show, and the rules that relate its fields.
 * Its shape is checked against a JSON Schema with ajv in tools/fixtures
 * (offers/schema.ts, offers/validate.ts), as the store fixtures are: the core
 * imports no npm package. What a schema cannot say is here (`offerRuleProblems`).
 *
 * Model
 * -----
 * `{ "offers": [Offer, …] }`, where an Offer is
 *
 *   id        slug (`wick-trimmer-first-order`): lower-case letters, digits and
 *             single hyphens; unique in the file. Ties in priority go by id.
 *   title     what the offer is called on the page: one text, or a text per
 *             language keyed by locale code ({ "nl": "…", "en": "…", "de": "…" }).
 *             The buyer's checkout language is looked up exactly ("pt-BR"), then by
 *             language ("pt"), then the shop's primary language, which the text
 *             must therefore include (checked against the store).
 *   priority  integer; higher is shown first.
 *   trigger   conditions, ALL of which must hold; a condition left out accepts
 *             every order. `{}` is an offer for every order. Lists mean "any of".
 *     product               product handles; some line of the order is one of them
 *     collection            collection handles; some line's product is in one of them
 *     tag                   product tags; some line's product carries one of them
 *     product_type          product types; some line's product is of one of them
 *     order_value           { min?, max? } band on the order subtotal, in subunits
 *                           of the SHOP currency: min <= subtotal < max
 *     customer_order_count  { min?, max? } band on how many orders the customer
 *                           placed BEFORE this one: min <= count < max
 *     first_order           true: this is the customer's first order (no earlier
 *                           orders); false: the customer has ordered before
 *     customer_tag          customer tags; the customer carries one of them
 *     country               ISO 3166-1 alpha-2 codes of the shipping country
 *     currency              ISO 4217 codes of the presentment currency (what the
 *                           customer paid in)
 *   action    what is offered:
 *     variant_id  id of the variant to add to the order
 *     quantity    { default, max }: the quantity preselected and the most the
 *                 customer may pick (both >= 1, default <= max)
 *     discount    { type: "percentage", value: 0–100 (at most 2 decimals) }
 *                 | { type: "fixed_amount", value: subunits of the shop currency
 *                 off each unit } | null for the full price
 *   next      optional funnel: { accepted, declined }, each the id of the offer
 *             shown after this one is accepted (an upsell) or declined (a
 *             downsell), or null to go on to the thank-you page. Left out, both
 *             lead to the next offer the order qualifies for, in priority order.
 *             A next offer must come LATER in priority order (lower priority, or
 *             the same priority and a later id), so a funnel can never loop, and
 *             no path may be longer than 3 offers (Shopify's limit per order).
 *   countdown_seconds  optional: seconds the buyer has to decide (1–3600), after
 *             which the page goes on to the thank-you page; null or left out for
 *             no countdown.
 *
 * Tags and product types compare without regard to case (merchants type "VIP"
 * and "vip" for the same thing); handles and codes compare exactly (country and
 * currency codes must be written upper-case).
 *
 * Every field is required except the trigger's conditions and the bands' ends;
 * an unknown field is an error, so a misspelt condition can never be silently
 * ignored and widen an offer to every order.
 *
 * Paths in problems are written the way one reads the JSON in an editor:
 * `offers[2].trigger.order_value.min`.
 */
import type { Collection, Product, Variant } from './model.ts';

export interface OfferConfig {
  offers: Offer[];
}

/** One text, or a text per language (locale code → text). */
export type OfferText = string | Readonly<Record<string, string>>;

export interface Offer {
  id: string;
  title: OfferText;
  priority: number;
  trigger: OfferTrigger;
  action: OfferAction;
  /** The funnel after this offer; left out: the next offer the order qualifies for. */
  next?: OfferNext;
  /** Seconds to decide before the page moves on; null or left out: no countdown. */
  countdown_seconds?: number | null;
}

/** Offer ids shown after accepting or declining; null: on to the thank-you page. */
export interface OfferNext {
  accepted: string | null;
  declined: string | null;
}

/** Shopify's limit on post-purchase offers per order, and so on the steps of a funnel. */
export const MAX_FUNNEL_STEPS = 3;

/** The longest countdown a merchant may set: an hour. */
export const MAX_COUNTDOWN_SECONDS = 3600;

/** A band on a number: inclusive `min`, exclusive `max`; an end left out is open. */
export interface Band {
  min?: number;
  max?: number;
}

export interface OfferTrigger {
  product?: string[];
  collection?: string[];
  tag?: string[];
  product_type?: string[];
  order_value?: Band;
  customer_order_count?: Band;
  first_order?: boolean;
  customer_tag?: string[];
  country?: string[];
  currency?: string[];
}

export interface OfferAction {
  variant_id: number;
  quantity: { default: number; max: number };
  discount: OfferDiscount | null;
}

export type OfferDiscount = { type: 'percentage'; value: number } | { type: 'fixed_amount'; value: number };

export interface ConfigProblem {
  /** e.g. "offers[2].trigger.order_value.min"; "" for the file as a whole. */
  path: string;
  message: string;
}

/** "offers[2].trigger.order_value.min: must be …", or just the message for the file as a whole. */
export function formatProblem(problem: ConfigProblem): string {
  return problem.path ? `${problem.path}: ${problem.message}` : problem.message;
}

/**
 * The rules that relate fields, on a config whose shape has been checked: ids unique in the file, each band
 * setting an end and its max above its min, a default quantity within its max, and funnels that move forward
 * and stay within MAX_FUNNEL_STEPS. Funnel links are checked only when the rest holds.
 */
export function offerRuleProblems(config: OfferConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const problem = (path: string, message: string) => problems.push({ path, message });
  const ids = new Map<string, string>();
  config.offers.forEach((offer, i) => {
    const at = `offers[${i}]`;
    const first = ids.get(offer.id);
    if (first !== undefined) problem(`${at}.id`, `duplicate id ${JSON.stringify(offer.id)}, already used at ${first}`);
    else ids.set(offer.id, `${at}.id`);
    for (const key of ['order_value', 'customer_order_count'] as const) {
      const band = offer.trigger[key];
      if (!band) continue;
      if (band.min === undefined && band.max === undefined)
        problem(`${at}.trigger.${key}`, 'must set min, max or both (leave the condition out to accept every order)');
      if (band.min !== undefined && band.max !== undefined && band.max <= band.min)
        problem(`${at}.trigger.${key}.max`, `must be greater than min (${band.min}), got ${band.max}`);
    }
    const quantity = offer.action.quantity;
    if (quantity.default > quantity.max) problem(`${at}.action.quantity.default`, `must be at most max (${quantity.max}), got ${quantity.default}`);
  });
  if (problems.length === 0) checkFunnels(problem, config.offers);
  return problems;
}

/**
 * Each `next` names another offer of the file that comes later in priority
 * order (so no funnel loops), and no chain of `next` links is longer than
 * MAX_FUNNEL_STEPS offers.
 */
function checkFunnels(problem: (path: string, message: string) => void, offers: Offer[]): void {
  const index = new Map(offers.map((offer, i) => [offer.id, i]));
  const rank = new Map([...offers].sort(byPriorityOrder).map((offer, i) => [offer.id, i]));
  offers.forEach((offer, i) => {
    if (!offer.next) return;
    for (const key of ['accepted', 'declined'] as const) {
      const target = offer.next[key];
      if (target === null) continue;
      const at = `offers[${i}].next.${key}`;
      const j = index.get(target);
      if (j === undefined) problem(at, `names no offer of this file: ${JSON.stringify(target)}`);
      else if (rank.get(target)! <= rank.get(offer.id)!) {
        problem(
          at,
          `${JSON.stringify(target)} (priority ${offers[j].priority}) must come after this offer (priority ${offer.priority}) in priority order, so the funnel cannot loop`,
        );
      }
    }
  });
  // Only forward links remain when nothing above was reported, so the longest chain is finite.
  const longest = new Map<string, string[]>();
  const chain = (id: string): string[] => {
    const known = longest.get(id);
    if (known) return known;
    const next = offers[index.get(id)!].next;
    const after = [next?.accepted, next?.declined]
      .filter((target): target is string => typeof target === 'string' && index.has(target) && rank.get(target)! > rank.get(id)!)
      .map(chain);
    const result = [id, ...(after.sort((a, b) => b.length - a.length)[0] ?? [])];
    longest.set(id, result);
    return result;
  };
  offers.forEach((offer, i) => {
    const steps = chain(offer.id);
    if (steps.length > MAX_FUNNEL_STEPS) {
      problem(`offers[${i}].next`, `leads to a funnel of ${steps.length} offers (${steps.join(' → ')}); Shopify shows at most ${MAX_FUNNEL_STEPS} per order`);
    }
  });
}

/** Highest priority first, ties by id: the order offers are considered and shown in. */
export function byPriorityOrder(a: Offer, b: Offer): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * An offer text in the buyer's language: the exact locale ("pt-BR"), its language ("pt"), the shop's primary
 * language, then the first text given (a config the store check passed always has the primary language).
 */
export function offerText(text: OfferText, locale: string, primaryLocale: string): string {
  if (typeof text === 'string') return text;
  const language = (code: string) => code.split(/[-_]/)[0].toLowerCase();
  const codes = Object.keys(text);
  const found =
    codes.find((code) => code.toLowerCase() === locale.toLowerCase()) ??
    codes.find((code) => code.toLowerCase() === language(locale)) ??
    codes.find((code) => language(code) === language(locale)) ??
    codes.find((code) => code.toLowerCase() === primaryLocale.toLowerCase()) ??
    codes.find((code) => language(code) === language(primaryLocale)) ??
    codes[0];
  return found === undefined ? '' : text[found];
}

/**
 * Problems a shape check cannot see: a variant, product or collection the
 * store does not have. Run it only on a config whose shape and rules were checked.
 */
export function offerReferenceProblems(
  config: OfferConfig,
  catalog: {
    products: readonly (Pick<Product, 'handle'> & { variants: readonly Pick<Variant, 'id'>[] })[];
    collections: readonly Pick<Collection, 'handle'>[];
    shop?: { primary_locale: string };
  },
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const variants = new Set(catalog.products.flatMap((product) => product.variants.map((variant) => variant.id)));
  const products = new Set(catalog.products.map((product) => product.handle));
  const collections = new Set(catalog.collections.map((collection) => collection.handle));
  config.offers.forEach((offer, i) => {
    const at = `offers[${i}]`;
    offer.trigger.product?.forEach((handle, j) => {
      if (!products.has(handle)) problems.push({ path: `${at}.trigger.product[${j}]`, message: `unknown product ${JSON.stringify(handle)} in the store` });
    });
    offer.trigger.collection?.forEach((handle, j) => {
      if (!collections.has(handle))
        problems.push({ path: `${at}.trigger.collection[${j}]`, message: `unknown collection ${JSON.stringify(handle)} in the store` });
    });
    if (!variants.has(offer.action.variant_id)) {
      problems.push({ path: `${at}.action.variant_id`, message: `unknown variant ${offer.action.variant_id} in the store` });
    }
    // Texts by language fall back on the shop's primary language, so it must be there.
    const primary = catalog.shop?.primary_locale;
    if (primary && typeof offer.title === 'object' && !Object.keys(offer.title).some((code) => code === primary || code.split('-')[0] === primary)) {
      problems.push({
        path: `${at}.title`,
        message: `has no text in the shop's primary language "${primary}" (given: ${Object.keys(offer.title).join(', ')}); it is what other languages fall back on`,
      });
    }
  });
  return problems;
}
