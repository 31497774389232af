import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderJourney } from '@encore/core/journey.ts';
import { liquidVisibleOrder } from '../support/liquid-visible.ts';
import { liquidSignals } from '../support/liquid-signals.ts';
import { buyAgain, recommendProducts } from '@encore/core/recommendations.ts';
import { DEFAULT_THEME_DIR, Storefront } from '@encore/studio/storefront.ts';
import { loadBundledStores } from '@encore/fixtures/bundled.ts';
import { Theme } from '@encore/liquid/theme/theme.ts';
import { applyPlan, planAdd, planRemove } from '@encore/cli/theme-add/plan.ts';
import { foreignThemeCheck } from '@encore/cli/foreign-theme-check.ts';
import { corePicks, journeyOf, renderedBuyAgain, renderedPicks } from '../support/theme-parity.ts';
import { DAWN_DIR, DAWN_OWN_OFFENSES, HAS_DAWN, dawnSuite, offensesIn, dawnWithEncore, pageLabel, pagesOf } from '../support/dawn.ts';

/** Every file of a folder with the SHA-256 of its bytes, by relative path. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, full)] = createHash('sha256').update(fs.readFileSync(full)).digest('hex');
  }
  return out;
}

describe.skipIf(!HAS_DAWN)(dawnSuite('npm run theme:add on a copy of Dawn'), () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'encore-dawn-add-'));
    fs.cpSync(DAWN_DIR, dir, { recursive: true });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('adds, adds again with nothing to change, and removes back to Dawn byte for byte', () => {
    const pristine = tree(dir);
    const first = planAdd(dir, DEFAULT_THEME_DIR);
    applyPlan(dir, first);
    const added = tree(dir);
    // Encore's own files, its words in the five locale files it shares with Dawn (storefront and schema), both templates, the manifest.
    expect(
      first.changes
        .filter((c) => c.file.startsWith('locales/'))
        .map((c) => c.file)
        .sort(),
    ).toEqual(['da', 'en.default', 'nb', 'nl', 'th'].flatMap((code) => [`locales/${code}.json`, `locales/${code}.schema.json`]).sort());
    expect(first.changes.map((c) => c.file)).toContain('templates/customers/order.json');
    expect(
      Object.keys(added)
        .filter((file) => !(file in pristine))
        .every((file) => path.basename(file).startsWith('encore-')),
    ).toBe(true);
    // Dawn's own pagination snippet and stylesheets stay Dawn's.
    for (const own of ['snippets/pagination.liquid', 'assets/base.css', 'layout/theme.liquid']) expect(added[own]).toBe(pristine[own]);

    const again = planAdd(dir, DEFAULT_THEME_DIR);
    expect(again.changes).toEqual([]);
    applyPlan(dir, again);
    expect(tree(dir)).toEqual(added);

    applyPlan(dir, planRemove(dir));
    expect(tree(dir)).toEqual(pristine);
  });

  it('refuses to overwrite a file or key Encore does not own, and changes nothing', () => {
    fs.writeFileSync(path.join(dir, 'snippets', 'encore-status-badge.liquid'), "the merchant's own");
    expect(() => planAdd(dir, DEFAULT_THEME_DIR)).toThrow('snippets/encore-status-badge.liquid is already in the theme and Encore did not add it');
    fs.rmSync(path.join(dir, 'snippets', 'encore-status-badge.liquid'));
  });
});

describe.skipIf(!HAS_DAWN)(dawnSuite("Dawn with Encore's sections added"), () => {
  let dir: string;
  beforeAll(() => {
    dir = dawnWithEncore('encore-dawn-with-encore-');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('theme-check reports nothing that pristine Dawn does not', async () => {
    // Dawn's own 12 offenses (2 errors, 10 warnings), the list check-foreign-theme.test.ts holds pristine Dawn to,
    // and not one more.
    const added = await foreignThemeCheck(dir);
    expect(offensesIn(added.lines, dir)).toEqual(DAWN_OWN_OFFENSES);
  }, 120_000);

  for (const { name, store } of HAS_DAWN ? loadBundledStores() : []) {
    it(`${name}: every page renders without a Liquid error; journey, recommendations and Buy again equal the core's`, async () => {
      const storefront = new Storefront({ themeDir: dir, store });
      const languages = store.shop.published_locales.filter((code) => new Theme(dir).locales().includes(code));
      const problems: string[] = [];
      for (const locale of languages) {
        for (const page of pagesOf(store)) {
          const response = await storefront.render(page, { locale });
          for (const error of response.errors) problems.push(`${locale} ${pageLabel(page)}: ${error.file}:${error.line}: ${error.message}`);
          for (const key of response.missingTranslations) problems.push(`${locale} ${pageLabel(page)}: translation missing ${key}`);
        }
      }
      expect(problems).toEqual([]);

      const now = store.shop.now!;
      for (const customer of store.customers) {
        for (const order of customer.orders) {
          const { body } = await storefront.render({ template: 'customers/order', order: String(order.id) });
          expect(body, order.name).toContain('encore-main-order');
          const core = orderJourney(liquidVisibleOrder(order), { now });
          const page = journeyOf(body);
          expect(page.headline, order.name).toBe(core.headline);
          expect(page.steps, order.name).toEqual(core.steps.map((step) => `${step.kind}:${step.state}`));
          expect(page.due, order.name).toEqual({ outstanding: core.payment.outstanding, secured: core.payment.securedByAuthorization });
        }
        const { body } = await storefront.render({ template: 'customers/account', customer: customer.handle });
        const again = buyAgain({ products: store.products, history: customer.orders, now });
        expect(renderedBuyAgain(body), customer.handle).toEqual(
          again.map((item) => ({ handle: item.product.handle, variant: item.variant.id, quantity: item.quantity, due: item.due })),
        );
        // Encore's account template saves the "candles" collection as the fallback.
        const fallback = store.collections.find((c) => c.handle === 'candles');
        const picks = recommendProducts({
          products: store.products,
          collections: store.collections,
          history: customer.orders,
          now,
          limit: 4,
          signals: liquidSignals,
          exclude: again.map((item) => item.product.handle),
          popular: fallback?.products ?? [],
          perCollectionCap: customer.orders.length === 0 ? 4 : undefined,
        });
        expect(renderedPicks(body), customer.handle).toEqual(corePicks(picks));
      }
    });
  }
});
