/**
 * `npm run check -- --theme DIR` on a theme that is not Encore's: theme-check with the theme's own config (or
 * theme-check's recommended one), Encore's CustomerOrdersPageSize only where Encore's sections (sections/encore-*)
 * are, and none of Encore's house rules (no format check, no CSS budget). The type check, the lint and the
 * extension build are the same for every theme and are left out here (test/cli/build.test.ts covers the build).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkSteps } from '@encore/cli/check.ts';
import { foreignConfig } from '@encore/cli/foreign-theme-check.ts';
import { tempThemes } from '../support/temp-theme.ts';
import { DAWN_DIR, DAWN_OWN_OFFENSES, HAS_DAWN, offensesIn } from '../support/dawn.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DAWN = DAWN_DIR;
const hasDawn = HAS_DAWN;
if (!hasDawn) console.warn(`Skipping npm run check on Dawn: ${DAWN} is absent (Dawn 15.4.1, read in place)`);
const temps = tempThemes('encore-foreign-theme-');
afterAll(temps.cleanup);

/** Runs the theme's own steps (everything but the type check and the extension build), as npm run check prints them. */
async function themeSteps(dir: string): Promise<{ names: string[]; ok: boolean; lines: string[] }> {
  const steps = checkSteps(dir);
  const lines: string[] = [];
  let ok = true;
  for (const step of steps.filter((s) => !['typecheck', 'dependency rules', 'lint', 'bundles'].includes(s.name))) {
    const result = await step.run();
    lines.push(...result.lines);
    ok &&= result.ok;
  }
  return { names: steps.map((step) => step.name), ok, lines };
}

// An Encore-style section paginating customer orders by 50 (over Shopify's 20), an assign never used (the
// recommended config's UnusedAssign warns) and an object Liquid does not have (UndefinedObject warns).
const ORDERS = '{%- paginate customer.orders by 50 -%}{%- for order in customer.orders -%}{{ order.name }}{%- endfor -%}{%- endpaginate -%}\n';
const UNUSED = "{%- assign unused_note = 'x' -%}<p>{{ not_an_object }}</p>\n";
const theme = (files: Record<string, string>) => temps.make({ 'locales/en.default.json': '{}\n', 'sections/notes.liquid': UNUSED, ...files });
const checks = (lines: string[]) =>
  lines
    .map((line) => /\[(\w+)\]/.exec(line)?.[1])
    .filter(Boolean)
    .sort();

describe('the steps for a theme', () => {
  it("Encore's theme gets the house rules: theme-check, formatting and the CSS budget", () => {
    expect(checkSteps(path.join(ROOT, 'theme')).map((step) => step.name)).toEqual([
      'typecheck',
      'dependency rules',
      'lint',
      'theme-check',
      'format',
      'css budget',
      'bundles',
    ]);
  });

  it('any other theme gets only theme-check between the repository-wide steps and the build', () => {
    expect(checkSteps(theme({})).map((step) => step.name)).toEqual(['typecheck', 'dependency rules', 'lint', 'theme-check', 'bundles']);
  });
});

describe('theme-check on a foreign theme', () => {
  it("without a .theme-check.yml: the recommended config, plus CustomerOrdersPageSize for Encore's section", async () => {
    const dir = theme({ 'sections/encore-orders.liquid': ORDERS });
    const { ok, lines } = await themeSteps(dir);
    expect(lines[0]).toBe(
      "theme-check config: theme-check:recommended (the theme has no .theme-check.yml), plus Encore's CustomerOrdersPageSize for its sections (sections/encore-orders.liquid)",
    );
    expect(checks(lines)).toEqual(['CustomerOrdersPageSize', 'UndefinedObject', 'UnusedAssign']);
    expect(lines).toContain(
      `${path.join(dir, 'sections/encore-orders.liquid')}:1: error [CustomerOrdersPageSize] paginate customer.orders by 50: Shopify serves at most 20 customer orders per page; use 20 or fewer.`,
    );
    expect(lines.at(-1)).toBe('theme-check: 1 errors, 2 warnings');
    expect(ok).toBe(false);
  });

  it("with the theme's own config that says nothing of what it extends (as Dawn's): recommended, as the theme sets it", async () => {
    const dir = theme({ '.theme-check.yml': 'UnusedAssign:\n  enabled: false\n', 'sections/encore-orders.liquid': ORDERS });
    const { lines } = await themeSteps(dir);
    expect(lines[0]).toBe(
      `theme-check config: ${path.join(dir, '.theme-check.yml')} (the theme's own), plus Encore's CustomerOrdersPageSize for its sections (sections/encore-orders.liquid)`,
    );
    expect(checks(lines)).toEqual(['CustomerOrdersPageSize', 'UndefinedObject']);
  });

  it("with a config that extends nothing of theme-check's: only what the theme enables, and Encore's check", async () => {
    const dir = theme({ '.theme-check.yml': 'extends: theme-check:nothing\nUndefinedObject:\n  enabled: true\n', 'sections/encore-orders.liquid': ORDERS });
    expect(checks((await themeSteps(dir)).lines)).toEqual(['CustomerOrdersPageSize', 'UndefinedObject']);
  });

  it('without Encore sections, no CustomerOrdersPageSize; warnings are shown and do not fail the step', async () => {
    const dir = theme({ 'sections/orders.liquid': ORDERS });
    const { ok, lines } = await themeSteps(dir);
    expect(lines[0]).toBe(
      "theme-check config: theme-check:recommended (the theme has no .theme-check.yml); no Encore sections (sections/encore-*), so not Encore's CustomerOrdersPageSize",
    );
    expect(checks(lines)).toEqual(['UndefinedObject', 'UnusedAssign']);
    expect(lines.at(-1)).toBe('theme-check: 0 errors, 2 warnings');
    expect(ok).toBe(true);
  });

  it('writes its config outside the theme and removes it afterwards', () => {
    const dir = theme({ 'sections/encore-orders.liquid': ORDERS });
    const config = foreignConfig(dir);
    expect(path.dirname(config.file!)).not.toBe(dir);
    expect(fs.readFileSync(config.file!, 'utf8')).toContain('CustomerOrdersPageSize:\n  enabled: true\n');
    config.dispose();
    expect(fs.existsSync(config.file!)).toBe(false);
    expect(fs.readdirSync(dir).sort()).toEqual(['locales', 'sections']);
  });
});

describe.skipIf(!hasDawn)('Dawn 15.4.1, read in place', () => {
  it('gets no "not formatted" or "over budget" line, and theme-check with its own config', async () => {
    const { names, ok, lines } = await themeSteps(DAWN);
    expect(names).toEqual(['typecheck', 'dependency rules', 'lint', 'theme-check', 'bundles']);
    expect(lines.filter((line) => /not formatted|over the budget|css budget/.test(line))).toEqual([]);
    expect(lines[0]).toBe(
      `theme-check config: ${path.join(DAWN, '.theme-check.yml')} (the theme's own); no Encore sections (sections/encore-*), so not Encore's CustomerOrdersPageSize`,
    );
    expect(offensesIn(lines, DAWN)).toEqual(DAWN_OWN_OFFENSES);
    expect(lines.at(-1)).toBe('theme-check: 2 errors, 10 warnings');
    // Dawn's own errors fail its theme-check step, as `shopify theme check` would.
    expect(ok).toBe(false);
  }, 120_000);
});
