import type { Context } from 'liquidjs';

/**
 * What Shopify's servers know about a request that is not a Liquid variable:
 * the shop's money formats, the active locale's translations, the theme's files,
 * the clock. Filters and tags read it from the render context's register, so
 * templates can never see or change it.
 */
export interface ShopSettings {
  /** ISO 4217 code of the shop's currency, e.g. "USD". */
  currency: string;
  /** The shop's "HTML without currency" format, e.g. "${{amount}}". */
  moneyFormat: string;
  /** The shop's "HTML with currency" format, e.g. "${{amount}} USD". */
  moneyWithCurrencyFormat: string;
  /** IANA time zone, e.g. "America/New_York". Dates print in this zone. */
  timezone: string;
  /** The shop's primary domain, e.g. "encore-demo.myshopify.com". */
  domain: string;
  /** Weight unit used by `weight_with_unit` when none is given: g, kg, lb, oz. */
  weightUnit?: string;
  /** The shop's primary locale: its URLs have no locale prefix. The theme's default locale when absent. */
  primaryLocale?: string;
  /** The shop's `*.myshopify.com` domain, which storefront scripts know it by (`Shopify.shop`). */
  permanentDomain?: string;
  /** ISO 3166 code of the country the page is served for (`Shopify.country`); the shop's own. */
  country?: string;
}

/** Locale files are treated as immutable: filters remember lookups per file object (a changed theme file gives a new one). */
export interface LocaleState {
  /** ISO code of the active locale, e.g. "en" or "pt-BR". */
  code: string;
  /** The active storefront locale file (`locales/<code>.json`), parsed. */
  translations: Record<string, unknown>;
  /** The theme's default locale file (`locales/*.default.json`), used as a fallback. */
  defaultTranslations: Record<string, unknown>;
}

export interface ThemeFiles {
  /** Absolute path of the theme directory. */
  dir: string;
  /** Reads `assets/<name>` as text; undefined when the asset does not exist. */
  readAsset(name: string): string | undefined;
}

/**
 * The page being rendered: the theme tags (`section`, `sections`, `content_for`,
 * `layout`, `stylesheet`, `javascript`) talk to it. Pages render synchronously
 * (every Shopify filter and drop is synchronous), which spares liquidjs a
 * promise per node. Absent for bare renders,
 * where those tags fail with a clear message.
 */
export interface PageRuntime {
  /** Set by `{% layout %}`: a layout name, or null for `{% layout none %}`. */
  layout?: string | null;
  renderStaticSection(name: string): string;
  renderSectionGroup(name: string): string;
  /** `{% content_for 'blocks' %}`: the theme blocks of the section or block being rendered. */
  renderBlocks(): string;
  /** `{% content_for 'block', type: …, id: … %}`: one static theme block. */
  renderStaticBlock(type: string, id: string, params: Record<string, unknown>): string;
  /**
   * `{% render block %}`: one of `section.blocks`. A theme block renders its `blocks/TYPE.liquid`; an app block
   * (or a type the theme has no file for) renders nothing offline.
   */
  renderBlock(block: unknown): string;
  /** `{% stylesheet %}` / `{% javascript %}` bodies, bundled once per file like Shopify does. */
  addBundledAsset(kind: 'stylesheet' | 'javascript', file: string, source: string): void;
}

export interface RenderState {
  shop: ShopSettings;
  locale: LocaleState;
  theme?: ThemeFiles;
  /** The request's clock; `'now'` in date filters resolves to it. */
  now: Date;
  /** Storefront base path for the locale, e.g. "" or "/da". */
  localePath: string;
  /** The page being rendered, when rendering a theme page. */
  page?: PageRuntime;
  /** Query parameters of the request (`page` drives `paginate`). */
  query?: URLSearchParams;
  /** Path of the request without query, e.g. "/account"; pagination links point at it. */
  requestPath?: string;
  /**
   * Translation keys the `t` filter (and `date: format:`) could not find, as
   * "<locale>.<key>", each once. Created on the first miss; tests can fail on it.
   */
  missingTranslations?: string[];
  /**
   * Keys the active locale file lacks, shown in the theme default locale's words
   * (as Shopify does), as "<locale>.<key>", each once.
   */
  untranslated?: string[];
}

/**
 * Kept under a symbol in the globals scope: liquidjs shares globals with the
 * isolated scopes of `render`, while registers are lost there, and a symbol key
 * cannot be reached by any Liquid expression.
 */
export const RENDER_STATE = Symbol('encore.renderState');

type WithState = { [RENDER_STATE]?: RenderState };

/** The globals object to pass to liquidjs so that every filter and tag sees `state`. */
export function globalsWithState(globals: Record<string, unknown>, state: RenderState): Record<string, unknown> {
  return Object.assign(globals, { [RENDER_STATE]: state });
}

/** The render state of the context; a default state for bare renders (tests, liquid-spec). */
export function renderState(ctx: Context): RenderState {
  const globals = ctx.globals as WithState;
  let state = globals[RENDER_STATE];
  if (!state) {
    state = defaultRenderState();
    globals[RENDER_STATE] = state;
  }
  return state;
}

export function defaultRenderState(overrides: Partial<RenderState> = {}): RenderState {
  return {
    shop: {
      currency: 'USD',
      moneyFormat: '${{amount}}',
      moneyWithCurrencyFormat: '${{amount}} USD',
      timezone: 'UTC',
      domain: 'example.myshopify.com',
    },
    locale: { code: 'en', translations: {}, defaultTranslations: {} },
    now: new Date(),
    localePath: '',
    ...overrides,
  };
}
