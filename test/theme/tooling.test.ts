import { afterAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { themeCheckRun } from '@shopify/theme-check-node';
import { cssBudget, CSS_BUDGET_BYTES, formatCheck, themeCheck } from '@encore/cli/check.ts';
import { formatTheme } from '@encore/cli/format.ts';
import { tempThemes } from '../support/temp-theme.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const THEME = path.join(ROOT, 'theme');
const CHECKS = path.join(ROOT, 'tools', 'theme-check', 'src', 'index.cjs');
const temps = tempThemes('encore-tooling-');
/** A throwaway theme folder holding exactly the given files (path → text). */
const tempTheme = temps.make;
afterAll(temps.cleanup);

/** The theme's own config, with the require path made absolute so it works from a temp folder. */
const themeCheckYml = fs.readFileSync(path.join(THEME, '.theme-check.yml'), 'utf8').replace('../tools/theme-check/src/index.cjs', CHECKS);

const schema = (settings: object[]) => `{% schema %}\n${JSON.stringify({ name: 'Orders', settings })}\n{% endschema %}\n`;
const paginate = (by: string) =>
  `<div>\n  <h2>Orders</h2>\n  {%- paginate customer.orders by ${by} -%}\n    {%- for order in customer.orders -%}{{ order.name }}{%- endfor -%}\n  {%- endpaginate -%}\n</div>\n`;
const range = (max: number) => ({ type: 'range', id: 'orders_per_page', label: 'Orders per page', min: 5, max, step: 5, default: 5 });

describe('theme-check: CustomerOrdersPageSize (paginate customer.orders by at most 20)', () => {
  const dir = tempTheme({
    '.theme-check.yml': themeCheckYml,
    // theme-check reads the default locale for its translation checks; an empty one keeps it quiet.
    'locales/en.default.json': '{}\n',
    'sections/by-50.liquid': paginate('50'),
    'sections/by-20.liquid': paginate('20'),
    'sections/by-setting.liquid': paginate('section.settings.orders_per_page') + schema([range(20)]),
    'sections/by-big-setting.liquid': paginate('section.settings.orders_per_page') + schema([range(50)]),
    'sections/by-number-setting.liquid':
      paginate('section.settings.orders_per_page') + schema([{ type: 'number', id: 'orders_per_page', label: 'Orders per page', default: 10 }]),
    'sections/by-assigned.liquid': `{%- assign per_page = 12 -%}\n${paginate('per_page')}`,
    'sections/products-by-50.liquid': `{%- paginate collection.products by 50 -%}{%- endpaginate -%}\n`,
  });
  const offenses = themeCheckRun(dir, undefined, () => {}).then((run) =>
    run.offenses
      .filter((o) => o.check === 'CustomerOrdersPageSize')
      .map((o) => ({
        file: path.relative(dir, fileURLToPath(o.uri)),
        line: o.start.line + 1,
        severity: o.severity,
        message: o.message,
      })),
  );

  it('reports `by 50` as an error on its file and line', async () => {
    expect((await offenses).filter((o) => o.file === 'sections/by-50.liquid')).toEqual([
      {
        file: 'sections/by-50.liquid',
        line: 3,
        severity: 0,
        message: 'paginate customer.orders by 50: Shopify serves at most 20 customer orders per page; use 20 or fewer.',
      },
    ]);
  });

  it('passes `by 20`, a range setting whose max is 20, and a variable assigned 12', async () => {
    const files = (await offenses).map((o) => o.file);
    for (const file of ['sections/by-20.liquid', 'sections/by-setting.liquid', 'sections/by-assigned.liquid']) expect(files).not.toContain(file);
  });

  it('reports a range setting whose max is over 20, and a number setting (no upper bound)', async () => {
    const byFile = new Map((await offenses).map((o) => [o.file, o]));
    expect(byFile.get('sections/by-big-setting.liquid')).toMatchObject({ line: 3, message: expect.stringContaining(`the setting's "max" is 50`) });
    expect(byFile.get('sections/by-number-setting.liquid')).toMatchObject({
      line: 3,
      message: expect.stringContaining('a "number" setting has no upper bound'),
    });
  });

  it('leaves other paginated lists alone (products go to 250)', async () => {
    expect((await offenses).map((o) => o.file)).not.toContain('sections/products-by-50.liquid');
    expect(await offenses).toHaveLength(3);
  });

  it('prints through npm run check as file:line: error [CustomerOrdersPageSize] and fails the step', async () => {
    const { ok, lines } = await themeCheck(dir);
    expect(ok).toBe(false);
    expect(lines).toContain(
      `${path.join(dir, 'sections/by-50.liquid')}:3: error [CustomerOrdersPageSize] paginate customer.orders by 50: Shopify serves at most 20 customer orders per page; use 20 or fewer.`,
    );
  });

  it('is loaded by theme/.theme-check.yml and finds nothing in the real theme', async () => {
    const run = await themeCheckRun(THEME, undefined, () => {});
    expect(run.config.checks.map((c) => c.meta.code)).toContain('CustomerOrdersPageSize');
    expect(run.offenses.filter((o) => o.check === 'CustomerOrdersPageSize')).toEqual([]);
  });
});

describe('formatting (Prettier + @shopify/prettier-plugin-liquid)', () => {
  const tidy = '<p class="note">{{ \'customer.order.title\' | t }}</p>\n';
  const messy = '<p   class="note">{{ "customer.order.title"|t }}</p>';

  it('names each unformatted Liquid file and fails; npm run format fixes exactly those', async () => {
    const dir = tempTheme({ 'sections/tidy.liquid': tidy, 'snippets/messy.liquid': messy });
    const before = await formatCheck(dir);
    expect(before.ok).toBe(false);
    expect(before.lines).toEqual([`${path.join(dir, 'snippets/messy.liquid')}: not formatted (run npm run format)`, 'format: 2 Liquid files, 1 not formatted']);

    const written = await formatTheme(dir, { write: true });
    expect(written.unformatted).toEqual([path.join(dir, 'snippets/messy.liquid')]);
    expect(fs.readFileSync(path.join(dir, 'snippets/messy.liquid'), 'utf8')).toBe(tidy);
    expect(fs.readFileSync(path.join(dir, 'sections/tidy.liquid'), 'utf8')).toBe(tidy);
    expect((await formatCheck(dir)).ok).toBe(true);
  });

  it('holds the real theme: the layout is formatted', async () => {
    const { ok, lines } = await formatCheck(THEME);
    expect(lines.filter((l) => l.includes('not formatted ('))).toEqual([]);
    expect(ok).toBe(true);
    expect((await formatTheme(THEME)).files).toContain(path.join(THEME, 'layout', 'theme.liquid'));
  });
});

describe('CSS budget (12 KB per stylesheet)', () => {
  const css = (bytes: number) => `.a{color:red}\n`.padEnd(bytes, ' ');
  const section = (bytes: number) => `<div class="a"></div>\n{% stylesheet %}${css(bytes)}{% endstylesheet %}\n`;

  it('is 12,288 bytes', () => {
    expect(CSS_BUDGET_BYTES).toBe(12_288);
  });

  it('fails an asset one byte over, passes one exactly at the budget, and prints both sizes', () => {
    const dir = tempTheme({ 'assets/at-budget.css': css(12_288), 'assets/over.css': css(12_289) });
    const { ok, lines } = cssBudget(dir);
    expect(ok).toBe(false);
    expect(lines).toEqual([
      `css: ${path.join(dir, 'assets/at-budget.css')}: 12,288 bytes`,
      `css: ${path.join(dir, 'assets/over.css')}: 12,289 bytes, over the budget by 1`,
      'css budget: 12,288 bytes per stylesheet, 1 over',
    ]);
  });

  it('adds up the {% stylesheet %} CSS of sections and snippets, which Shopify serves as one styles.css', () => {
    const dir = tempTheme({
      'assets/small.css': css(1_000),
      'sections/a.liquid': section(7_000),
      'snippets/b.liquid': section(6_000),
    });
    const { ok, lines } = cssBudget(dir);
    expect(ok).toBe(false);
    expect(lines).toEqual([
      `css: ${path.join(dir, 'assets/small.css')}: 1,000 bytes`,
      `css: {% stylesheet %} in ${path.join(dir, 'sections/a.liquid')}: 7,000 bytes`,
      `css: {% stylesheet %} in ${path.join(dir, 'snippets/b.liquid')}: 6,000 bytes`,
      "css: {% stylesheet %} total (the most one page's styles.css can hold): 13,000 bytes, over the budget by 712",
      'css budget: 12,288 bytes per stylesheet, 1 over',
    ]);
  });

  it('counts bytes, not characters', () => {
    const dir = tempTheme({ 'assets/emoji.css': `.a::before{content:"✓"}\n` });
    expect(cssBudget(dir).lines[0]).toBe(`css: ${path.join(dir, 'assets/emoji.css')}: 26 bytes`);
  });

  it('holds the real theme', () => {
    const { ok, lines } = cssBudget(THEME);
    expect(lines.filter((l) => l.includes('over the budget'))).toEqual([]);
    expect(ok).toBe(true);
  });
});
