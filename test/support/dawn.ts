import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_THEME_DIR, LOGGED_OUT_TEMPLATES, type CustomerPage } from '@encore/studio/storefront.ts';
import { applyPlan, planAdd } from '@encore/cli/theme-add/plan.ts';
import type { Store } from '@encore/fixtures/types.ts';

/** Dawn 15.4.1, Shopify's reference theme, beside the repository in ../shared: read in place, never copied in. */
export const DAWN_DIR = fileURLToPath(new URL('../../../shared/themes/dawn-15.4.1', import.meta.url));
export const HAS_DAWN = existsSync(`${DAWN_DIR}/layout/theme.liquid`);
export const dawnPresent = HAS_DAWN;

export const DAWN_SKIP_MESSAGE = `Dawn 15.4.1 is not at ${DAWN_DIR}: put Shopify's Dawn 15.4.1 there (unchanged) to run the tests that hold Encore's theme against it`;

/**
 * theme-check's offenses in pristine Dawn 15.4.1 under its own .theme-check.yml (the recommended config, with
 * MatchingTranslations and TemplateLength off), with the pinned theme-check: 2 errors and 10 warnings, each
 * `file:line: severity [Check]` as `npm run check -- --theme ../shared/themes/dawn-15.4.1` prints them, sorted.
 * Every one is Dawn's own: featured-product.liquid names main-product's schema keys, `scheme_classes` is set by
 * the online store, not by Liquid, and so on. A newer theme-check may find more; this list then says what moved.
 */
export const DAWN_OWN_OFFENSES = [
  'layout/password.liquid:40: warning [UndefinedObject]',
  'layout/theme.liquid:58: warning [UndefinedObject]',
  'sections/featured-product.liquid:490: warning [UnusedAssign]',
  'sections/featured-product.liquid:743: error [ValidSchemaTranslations]',
  'sections/featured-product.liquid:744: error [ValidSchemaTranslations]',
  'sections/main-article.liquid:102: warning [VariableName]',
  'sections/main-list-collections.liquid:20: warning [VariableName]',
  'sections/main-product.liquid:587: warning [UndefinedObject]',
  'sections/main-product.liquid:731: warning [UnusedAssign]',
  'sections/main-search.liquid:274: warning [UnusedAssign]',
  'snippets/facets.liquid:860: warning [LiquidComplexity]',
  'snippets/quick-order-product-row.liquid:1: warning [OrphanedSnippet]',
];

/** theme-check's output lines reduced as `DAWN_OWN_OFFENSES` has them: theme-relative, without the message, sorted. */
export function offensesIn(lines: readonly string[], themeDir: string): string[] {
  return lines
    .filter((line) => /:\d+: (error|warning|info) \[/.test(line))
    .map((line) => line.slice(0, line.indexOf(']') + 1).replace(themeDir + path.sep, ''))
    .sort();
}

/** A temporary copy of Dawn with Encore added as `npm run theme:add` adds it; the caller removes the folder. */
export function dawnWithEncore(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  cpSync(DAWN_DIR, dir, { recursive: true });
  applyPlan(dir, planAdd(dir, DEFAULT_THEME_DIR));
  return dir;
}

/** A suite title that says why it was skipped when Dawn is absent. */
export function dawnSuite(name: string): string {
  return HAS_DAWN ? name : `${name} (skipped: ${DAWN_SKIP_MESSAGE})`;
}

/** Every customer page of a store: the logged-out pages, each customer's account pages and address book, every order. */
export function pagesOf(store: Store): CustomerPage[] {
  return [
    ...LOGGED_OUT_TEMPLATES.map((template): CustomerPage => ({ template })),
    ...store.customers.flatMap((customer): CustomerPage[] => [
      ...Array.from({ length: Math.max(1, Math.ceil(customer.orders.length / 20)) }, (_, i): CustomerPage => ({
        template: 'customers/account',
        customer: customer.handle,
        page: i + 1,
      })),
      { template: 'customers/addresses', customer: customer.handle },
      ...customer.orders.map((order): CustomerPage => ({ template: 'customers/order', order: String(order.id) })),
    ]),
  ];
}

export const pageLabel = (page: CustomerPage): string =>
  'customer' in page ? `${page.template} ${page.customer} p${page.page ?? 1}` : 'order' in page ? `order ${page.order}` : page.template;
