/**
 * The offer config: the JSON file a merchant edits to decide which upsell
 * offers the post-purchase page may show, and a validator for it.
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
import type { Collection, Product } from './model.ts';

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

export type OfferDiscount =
  | { type: 'percentage'; value: number }
  | { type: 'fixed_amount'; value: number };

export interface ConfigProblem {
  /** e.g. "offers[2].trigger.order_value.min"; "" for the file as a whole. */
  path: string;
  message: string;
}

/** "offers[2].trigger.order_value.min: must be …", or just the message for the file as a whole. */
export function formatProblem(problem: ConfigProblem): string {
  return problem.path ? `${problem.path}: ${problem.message}` : problem.message;
}

export type ConfigResult = { ok: true; config: OfferConfig } | { ok: false; problems: ConfigProblem[] };

/** Checks parsed JSON against the model; on success the same value, typed. Never throws. */
export function parseOfferConfig(data: unknown): ConfigResult {
  const problems = offerConfigProblems(data);
  return problems.length === 0 ? { ok: true, config: data as OfferConfig } : { ok: false, problems };
}

/** Every way `data` departs from the model, offer by offer. Never throws. */
export function offerConfigProblems(data: unknown): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const check = new Checker(problems);
  const root = check.object(data, '', 'an object with an "offers" list');
  if (!root) return problems;
  check.fields(root, '', ['offers'], ['offers']);
  if (!Object.hasOwn(root, 'offers')) return problems;
  const offers = check.array(root.offers, 'offers', 'a list of offers');
  if (!offers) return problems;
  const ids = new Map<string, string>();
  offers.forEach((value, i) => {
    const at = `offers[${i}]`;
    const offer = check.object(value, at, 'an offer object');
    if (!offer) return;
    check.fields(offer, at, ['id', 'title', 'priority', 'trigger', 'action', 'next', 'countdown_seconds'], ['id', 'title', 'priority', 'trigger', 'action']);
    if (Object.hasOwn(offer, 'id') && check.slug(offer.id, `${at}.id`)) {
      const first = ids.get(offer.id as string);
      if (first !== undefined) check.problem(`${at}.id`, `duplicate id ${JSON.stringify(offer.id)}, already used at ${first}`);
      else ids.set(offer.id as string, `${at}.id`);
    }
    if (Object.hasOwn(offer, 'title')) checkOfferText(check, offer.title, `${at}.title`);
    if (Object.hasOwn(offer, 'priority')) check.integer(offer.priority, `${at}.priority`);
    if (Object.hasOwn(offer, 'trigger')) checkTrigger(check, offer.trigger, `${at}.trigger`);
    if (Object.hasOwn(offer, 'action')) checkAction(check, offer.action, `${at}.action`);
    if (Object.hasOwn(offer, 'next')) checkNextShape(check, offer.next, `${at}.next`);
    if (Object.hasOwn(offer, 'countdown_seconds') && offer.countdown_seconds !== null) {
      const seconds = offer.countdown_seconds;
      if (!(Number.isSafeInteger(seconds) && (seconds as number) >= 1 && (seconds as number) <= MAX_COUNTDOWN_SECONDS)) {
        check.problem(`${at}.countdown_seconds`, `must be a whole number of seconds from 1 to ${MAX_COUNTDOWN_SECONDS}, or null for no countdown, got ${shown(seconds)}`);
      }
    }
  });
  // Funnel links are checked once every id is known, and only when the links themselves are well-formed.
  if (problems.length === 0) checkFunnels(check, offers as Offer[]);
  return problems;
}

function checkNextShape(check: Checker, value: unknown, at: string): void {
  const next = check.object(value, at, 'an object with accepted and declined (offer ids or null)');
  if (!next) return;
  check.fields(next, at, ['accepted', 'declined'], ['accepted', 'declined']);
  for (const key of ['accepted', 'declined'] as const) {
    if (Object.hasOwn(next, key) && next[key] !== null) check.slug(next[key], `${at}.${key}`);
  }
}

/**
 * Each `next` names another offer of the file that comes later in priority
 * order (so no funnel loops), and no chain of `next` links is longer than
 * MAX_FUNNEL_STEPS offers.
 */
function checkFunnels(check: Checker, offers: Offer[]): void {
  const index = new Map(offers.map((offer, i) => [offer.id, i]));
  const rank = new Map([...offers].sort(byPriorityOrder).map((offer, i) => [offer.id, i]));
  offers.forEach((offer, i) => {
    if (!offer.next) return;
    for (const key of ['accepted', 'declined'] as const) {
      const target = offer.next[key];
      if (target === null) continue;
      const at = `offers[${i}].next.${key}`;
      const j = index.get(target);
      if (j === undefined) check.problem(at, `names no offer of this file: ${JSON.stringify(target)}`);
      else if (rank.get(target)! <= rank.get(offer.id)!) {
        check.problem(at, `${JSON.stringify(target)} (priority ${offers[j].priority}) must come after this offer (priority ${offer.priority}) in priority order, so the funnel cannot loop`);
      }
    }
  });
  // Only forward links remain when nothing above was reported, so the longest chain is finite.
  const longest = new Map<string, string[]>();
  const chain = (id: string): string[] => {
    const known = longest.get(id);
    if (known) return known;
    const next = offers[index.get(id)!].next;
    const after = [next?.accepted, next?.declined].filter((target): target is string => typeof target === 'string' && index.has(target) && rank.get(target)! > rank.get(id)!).map(chain);
    const result = [id, ...(after.sort((a, b) => b.length - a.length)[0] ?? [])];
    longest.set(id, result);
    return result;
  };
  offers.forEach((offer, i) => {
    const steps = chain(offer.id);
    if (steps.length > MAX_FUNNEL_STEPS) {
      check.problem(`offers[${i}].next`, `leads to a funnel of ${steps.length} offers (${steps.join(' → ')}); Shopify shows at most ${MAX_FUNNEL_STEPS} per order`);
    }
  });
}

/** Highest priority first, ties by id: the order offers are considered and shown in. */
export function byPriorityOrder(a: Offer, b: Offer): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const TRIGGER_FIELDS = [
  'product', 'collection', 'tag', 'product_type', 'order_value',
  'customer_order_count', 'first_order', 'customer_tag', 'country', 'currency',
] as const;

function checkTrigger(check: Checker, value: unknown, at: string): void {
  const trigger = check.object(value, at, 'a trigger object ({} for every order)');
  if (!trigger) return;
  check.fields(trigger, at, TRIGGER_FIELDS, []);
  const has = (key: string) => Object.hasOwn(trigger, key);
  for (const key of ['product', 'collection'] as const) {
    if (has(key)) check.list(trigger[key], `${at}.${key}`, `${key} handles`, (item, path) => check.handle(item, path));
  }
  for (const key of ['tag', 'product_type', 'customer_tag'] as const) {
    if (has(key)) check.list(trigger[key], `${at}.${key}`, `${key.replace('_', ' ')}s`, (item, path) => check.text(item, path));
  }
  if (has('order_value')) checkBand(check, trigger.order_value, `${at}.order_value`, 'a non-negative integer (subunits)');
  if (has('customer_order_count')) checkBand(check, trigger.customer_order_count, `${at}.customer_order_count`, 'a non-negative integer');
  if (has('first_order') && typeof trigger.first_order !== 'boolean') check.problem(`${at}.first_order`, `must be true or false, got ${shown(trigger.first_order)}`);
  if (has('country')) check.list(trigger.country, `${at}.country`, 'country codes', (item, path) => check.code(item, path, /^[A-Z]{2}$/, 'an upper-case ISO 3166-1 alpha-2 country code such as "CA"'));
  if (has('currency')) check.list(trigger.currency, `${at}.currency`, 'currency codes', (item, path) => check.code(item, path, /^[A-Z]{3}$/, 'an upper-case ISO 4217 currency code such as "CAD"'));
}

function checkBand(check: Checker, value: unknown, at: string, expected: string): void {
  const band = check.object(value, at, 'an object with min, max or both');
  if (!band) return;
  check.fields(band, at, ['min', 'max'], []);
  const min = Object.hasOwn(band, 'min') && check.nonNegativeInteger(band.min, `${at}.min`, expected) ? (band.min as number) : undefined;
  const max = Object.hasOwn(band, 'max') && check.nonNegativeInteger(band.max, `${at}.max`, expected) ? (band.max as number) : undefined;
  if (!Object.hasOwn(band, 'min') && !Object.hasOwn(band, 'max')) check.problem(at, 'must set min, max or both (leave the condition out to accept every order)');
  if (min !== undefined && max !== undefined && max <= min) check.problem(`${at}.max`, `must be greater than min (${min}), got ${max}`);
}

function checkAction(check: Checker, value: unknown, at: string): void {
  const action = check.object(value, at, 'an action object');
  if (!action) return;
  check.fields(action, at, ['variant_id', 'quantity', 'discount'], ['variant_id', 'quantity', 'discount']);
  if (Object.hasOwn(action, 'variant_id') && !(Number.isSafeInteger(action.variant_id) && (action.variant_id as number) > 0)) {
    check.problem(`${at}.variant_id`, `must be a variant id (a positive integer), got ${shown(action.variant_id)}`);
  }
  if (Object.hasOwn(action, 'quantity')) {
    const quantity = check.object(action.quantity, `${at}.quantity`, 'an object with default and max');
    if (quantity) {
      check.fields(quantity, `${at}.quantity`, ['default', 'max'], ['default', 'max']);
      const ok = (key: 'default' | 'max') => Object.hasOwn(quantity, key) && check.positiveInteger(quantity[key], `${at}.quantity.${key}`);
      const def = ok('default');
      const max = ok('max');
      if (def && max && (quantity.default as number) > (quantity.max as number)) {
        check.problem(`${at}.quantity.default`, `must be at most max (${quantity.max}), got ${quantity.default}`);
      }
    }
  }
  if (Object.hasOwn(action, 'discount') && action.discount !== null) checkDiscount(check, action.discount, `${at}.discount`);
}

const DISCOUNT_TYPES = ['percentage', 'fixed_amount'];

function checkDiscount(check: Checker, value: unknown, at: string): void {
  const discount = check.object(value, at, 'a discount object or null');
  if (!discount) return;
  check.fields(discount, at, ['type', 'value'], ['type', 'value']);
  if (!Object.hasOwn(discount, 'type')) return;
  if (!DISCOUNT_TYPES.includes(discount.type as string)) {
    check.problem(`${at}.type`, `must be one of ${DISCOUNT_TYPES.map((type) => JSON.stringify(type)).join(', ')}, got ${shown(discount.type)}`);
    return;
  }
  if (!Object.hasOwn(discount, 'value')) return;
  const amount = discount.value;
  if (discount.type === 'fixed_amount') {
    check.nonNegativeInteger(amount, `${at}.value`, 'a non-negative integer (subunits)');
  } else if (!(typeof amount === 'number' && Number.isFinite(amount) && amount >= 0 && amount <= 100 && hasAtMostTwoDecimals(amount))) {
    check.problem(`${at}.value`, `must be a percentage from 0 to 100 with at most 2 decimals, got ${shown(amount)}`);
  }
}

const LOCALE_CODE = /^[a-z]{2,3}(-[A-Z][A-Za-z0-9]{1,7})?$/;

/** A non-empty text, or an object of locale code → non-empty text with at least one entry. */
function checkOfferText(check: Checker, value: unknown, at: string): void {
  if (typeof value === 'string') {
    check.text(value, at);
    return;
  }
  const texts = check.object(value, at, 'a non-empty string, or an object of texts by locale code such as { "en": "…", "nl": "…" }');
  if (!texts) return;
  if (Object.keys(texts).length === 0) check.problem(at, 'must give a text for at least one language, such as { "en": "…" }');
  for (const [code, text] of Object.entries(texts)) {
    if (!LOCALE_CODE.test(code)) check.problem(`${at}.${code}`, `is not a locale code; expected a language such as "nl" or "pt-BR"`);
    else check.text(text, `${at}.${code}`);
  }
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

/** 12.5 and 33.33 yes, 33.333 no: percentages stay exact in basis points. */
function hasAtMostTwoDecimals(value: number): boolean {
  return Math.abs(value * 100 - Math.round(value * 100)) < 1e-9;
}

/**
 * Problems a shape check cannot see: a variant, product or collection the
 * store does not have. Run it only on a config that passed `offerConfigProblems`.
 */
export function offerReferenceProblems(
  config: OfferConfig,
  catalog: { products: Product[]; collections: Collection[]; shop?: { primary_locale: string } },
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
      if (!collections.has(handle)) problems.push({ path: `${at}.trigger.collection[${j}]`, message: `unknown collection ${JSON.stringify(handle)} in the store` });
    });
    if (!variants.has(offer.action.variant_id)) {
      problems.push({ path: `${at}.action.variant_id`, message: `unknown variant ${offer.action.variant_id} in the store` });
    }
    // Texts by language fall back on the shop's primary language, so it must be there.
    const primary = catalog.shop?.primary_locale;
    if (primary && typeof offer.title === 'object' && !Object.keys(offer.title).some((code) => code === primary || code.split('-')[0] === primary)) {
      problems.push({ path: `${at}.title`, message: `has no text in the shop's primary language "${primary}" (given: ${Object.keys(offer.title).join(', ')}); it is what other languages fall back on` });
    }
  });
  return problems;
}

type Json = Record<string, unknown>;

/** What each required field holds, for "is missing" messages (each name is required in one place only). */
const REQUIRED_FIELD_HINTS: Readonly<Record<string, string>> = {
  offers: 'a list of offers',
  id: 'a slug such as "wick-trimmer-first-order"',
  title: 'a non-empty string, or texts by locale code',
  priority: 'an integer (higher is shown first)',
  trigger: 'a trigger object ({} for every order)',
  action: 'an action object',
  variant_id: 'a variant id (a positive integer)',
  quantity: 'an object with default and max',
  discount: 'a discount object, or null for the full price',
  default: 'a whole number of at least 1',
  max: 'a whole number of at least 1',
  type: '"percentage" or "fixed_amount"',
  value: 'the discount: a percentage, or subunits off each unit',
  accepted: 'the id of the offer shown after accepting, or null',
  declined: 'the id of the offer shown after declining, or null',
};

/** Small typed checks that record a problem and say whether the value passed. */
class Checker {
  constructor(private readonly problems: ConfigProblem[]) {}

  problem(path: string, message: string): void {
    this.problems.push({ path, message });
  }

  object(value: unknown, path: string, expected: string): Json | null {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Json;
    this.problem(path, `must be ${expected}, got ${shown(value)}`);
    return null;
  }

  array(value: unknown, path: string, expected: string): unknown[] | null {
    if (Array.isArray(value)) return value;
    this.problem(path, `must be ${expected}, got ${shown(value)}`);
    return null;
  }

  /** Missing required fields first, then unknown ones, each with its own path. */
  fields(object: Json, path: string, known: readonly string[], required: readonly string[]): void {
    const prefix = path ? `${path}.` : '';
    for (const key of required) {
      if (!Object.hasOwn(object, key)) this.problem(`${prefix}${key}`, `is missing; expected ${REQUIRED_FIELD_HINTS[key] ?? 'a value'}`);
    }
    for (const key of Object.keys(object)) {
      if (known.includes(key)) continue;
      const near = known.find((name) => editDistance(name, key) <= 2);
      const hint = near ? `did you mean ${JSON.stringify(near)}? ` : '';
      this.problem(`${prefix}${key}`, `is not a known field; ${hint}expected one of ${known.join(', ')}`);
    }
  }

  list(value: unknown, path: string, what: string, item: (value: unknown, path: string) => void): void {
    const items = this.array(value, path, `a list of ${what}`);
    if (!items) return;
    // "Any of nothing" never matches: an empty list is a half-written condition, not a wildcard.
    if (items.length === 0) this.problem(path, `must list at least one of the ${what} (leave the condition out to accept every order)`);
    items.forEach((entry, i) => item(entry, `${path}[${i}]`));
  }

  text(value: unknown, path: string): boolean {
    if (typeof value === 'string' && value.trim() !== '') return true;
    this.problem(path, `must be a non-empty string, got ${shown(value)}`);
    return false;
  }

  slug(value: unknown, path: string): boolean {
    if (typeof value === 'string' && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(value)) return true;
    this.problem(path, `must be a slug of lower-case letters, digits and single hyphens such as "wick-trimmer-first-order", got ${shown(value)}`);
    return false;
  }

  handle(value: unknown, path: string): boolean {
    if (typeof value === 'string' && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(value)) return true;
    this.problem(path, `must be a handle of lower-case letters, digits and hyphens such as "amber-candle", got ${shown(value)}`);
    return false;
  }

  code(value: unknown, path: string, pattern: RegExp, expected: string): boolean {
    if (typeof value === 'string' && pattern.test(value)) return true;
    this.problem(path, `must be ${expected}, got ${shown(value)}`);
    return false;
  }

  integer(value: unknown, path: string): boolean {
    if (Number.isSafeInteger(value)) return true;
    this.problem(path, `must be an integer, got ${shown(value)}`);
    return false;
  }

  nonNegativeInteger(value: unknown, path: string, expected: string): boolean {
    if (Number.isSafeInteger(value) && (value as number) >= 0) return true;
    this.problem(path, `must be ${expected}, got ${shown(value)}`);
    return false;
  }

  positiveInteger(value: unknown, path: string): boolean {
    if (Number.isSafeInteger(value) && (value as number) >= 1) return true;
    this.problem(path, `must be a whole number of at least 1, got ${shown(value)}`);
    return false;
  }
}

/** A value as it appears in the JSON, short enough for one line. */
function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object' && value !== null) return 'an object';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Levenshtein distance, for "did you mean" on misspelt field names (which are short). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length];
}
