/**
 * Encore's sections are added to a merchant's own theme (Dawn 15.4.1 is the test case), so nothing Encore
 * ships may take a name the theme uses or restyle the theme: files, CSS classes, locale keys and data
 * attributes are all `encore-`/`encore.` names; each section loads only its own stylesheet; sizes follow the
 * theme's body text rather than the root font size (Dawn's root is 10 px, the browser's 16 px); type and colours
 * come from the theme's variables.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_THEME_DIR, Storefront } from '@encore/studio/storefront.ts';
import { DAWN_DIR, dawnSuite, HAS_DAWN } from '../support/dawn.ts';

const THEME = DEFAULT_THEME_DIR;
const read = (file: string) => fs.readFileSync(path.join(THEME, file), 'utf8');
const list = (folder: string) => fs.readdirSync(path.join(THEME, folder)).sort();

/** Every file under `dir`, as paths relative to it. */
function filesUnder(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** The files Encore adds to a theme as its own: the rest (templates, locales) are merged into the theme's. */
const OWN_FOLDERS = ['sections', 'snippets', 'assets'];

describe("Encore's files are its own", () => {
  it('names every section, snippet and asset encore-…', () => {
    const own = OWN_FOLDERS.flatMap((folder) => list(folder).map((name) => `${folder}/${name}`));
    expect(own.filter((file) => !path.basename(file).startsWith('encore-'))).toEqual([]);
    expect(list('sections')).toEqual(['encore-main-account.liquid', 'encore-main-order.liquid']);
    expect(list('assets')).toEqual(['encore-account.css', 'encore-cart.js', 'encore-order.css', 'encore-recommendations.js']);
    expect(list('snippets')).toHaveLength(16);
  });

  it('gives every snippet a {% doc %} block', () => {
    const undocumented = list('snippets').filter((name) => !/\{%-?\s*doc\s*-?%\}[\s\S]*\{%-?\s*enddoc\s*-?%\}/.test(read(`snippets/${name}`)));
    expect(undocumented).toEqual([]);
  });

  it('points the account and order templates at its sections', () => {
    expect(JSON.parse(read('templates/customers/account.json')).sections.main.type).toBe('encore-main-account');
    expect(JSON.parse(read('templates/customers/order.json')).sections.main.type).toBe('encore-main-order');
  });
});

/** A locale file's keys, as dotted paths of its leaves. */
function leafKeys(tree: unknown, prefix = ''): string[] {
  if (!tree || typeof tree !== 'object') return [prefix];
  return Object.entries(tree).flatMap(([key, value]) => leafKeys(value, prefix ? `${prefix}.${key}` : key));
}

describe("Encore's locale keys live in their own namespace", () => {
  const storefront = list('locales').filter((name) => !name.endsWith('.schema.json'));
  const schema = list('locales').filter((name) => name.endsWith('.schema.json'));

  it('keeps every storefront string under the top-level `encore` key, in every language', () => {
    expect(storefront).toEqual(['da.json', 'en.default.json', 'nb.json', 'nl.json', 'th.json']);
    for (const file of storefront) expect(Object.keys(JSON.parse(read(`locales/${file}`))), file).toEqual(['encore']);
  });

  it('keeps every theme editor string under sections.encore-main-account / encore-main-order', () => {
    for (const file of schema) {
      const json = JSON.parse(read(`locales/${file}`));
      expect(Object.keys(json), file).toEqual(['sections']);
      expect(Object.keys(json.sections), file).toEqual(['encore-main-account', 'encore-main-order']);
    }
  });

  it('translates only encore.… keys in its sections and snippets', () => {
    const keys = [...list('sections').map((name) => `sections/${name}`), ...list('snippets').map((name) => `snippets/${name}`)].flatMap((file) =>
      [...read(file).matchAll(/'([a-z_]+\.[a-z_.]*)'\s*\|\s*(?:t\b|append)/g)].map((match) => `${file}: ${match[1]}`),
    );
    expect(keys.length).toBeGreaterThan(100);
    expect(keys.filter((entry) => !entry.split(': ')[1]!.startsWith('encore.'))).toEqual([]);
  });
});

describe.skipIf(!HAS_DAWN)(dawnSuite('Encore beside Dawn 15.4.1'), () => {
  it("shares no section, snippet or asset name with Dawn, only the files a theme merges or Encore's own theme has", () => {
    const dawn = new Set(filesUnder(DAWN_DIR));
    const encore = filesUnder(THEME);
    expect(dawn.size).toBeGreaterThan(300);
    const shared = encore.filter((file) => dawn.has(file));
    expect(shared.filter((file) => OWN_FOLDERS.includes(file.split(path.sep)[0]!))).toEqual([]);
    // Templates are pointed at Encore's sections and locale files merged key by key; layout and config are
    // Encore's small theme, never added to another.
    expect(shared).toEqual([
      '.theme-check.yml',
      'config/settings_data.json',
      'config/settings_schema.json',
      'layout/theme.liquid',
      ...['da', 'en.default', 'nb', 'nl', 'th'].flatMap((code) => [`locales/${code}.json`, `locales/${code}.schema.json`]),
      'templates/customers/account.json',
      'templates/customers/order.json',
    ]);
  });

  it("takes none of Dawn's locale keys: Dawn has no `encore` key and no encore- section", () => {
    for (const file of fs.readdirSync(path.join(DAWN_DIR, 'locales'))) {
      const json = JSON.parse(fs.readFileSync(path.join(DAWN_DIR, 'locales', file), 'utf8').replace(/^\s*\/\*[\s\S]*?\*\//, ''));
      const keys = leafKeys(json);
      expect(
        keys.filter((key) => key.startsWith('encore.') || key.startsWith('sections.encore-')),
        file,
      ).toEqual([]);
    }
  });
});

/** A stylesheet's rules: each selector list with its declarations, comments removed, at-rules flattened. */
function cssRules(css: string): { selectors: string[]; declarations: [string, string][] }[] {
  const rules: { selectors: string[]; declarations: [string, string][] }[] = [];
  const source = css.replace(/\/\*[\s\S]*?\*\//g, '');
  let prelude = '';
  for (let at = 0; at < source.length; at++) {
    const char = source[at];
    if (char === '{') {
      const head = prelude.trim();
      prelude = '';
      if (head.startsWith('@')) continue;
      const end = source.indexOf('}', at);
      const declarations = source
        .slice(at + 1, end)
        .split(';')
        .map((part) => part.trim())
        .filter(Boolean)
        .map((part): [string, string] => [part.slice(0, part.indexOf(':')).trim(), part.slice(part.indexOf(':') + 1).trim()]);
      rules.push({ selectors: head.split(',').map((selector) => selector.trim()), declarations });
      at = end;
    } else if (char === '}') {
      prelude = '';
    } else {
      prelude += char;
    }
  }
  return rules;
}

describe("Encore's stylesheets restyle nothing of the theme and follow its type and colours", () => {
  const sheets = list('assets').filter((name) => name.endsWith('.css'));
  const rulesOf = (name: string) => cssRules(read(`assets/${name}`));

  it('reads the rules it checks', () => {
    expect(sheets).toEqual(['encore-account.css', 'encore-order.css']);
    expect(
      rulesOf('encore-order.css')
        .filter((rule) => rule.selectors.includes('.encore-order__title'))
        .flatMap((rule) => rule.declarations),
    ).toContainEqual(['font-size', 'calc(var(--font-heading-scale, 1) * 1.75em)']);
    // A rule inside @container is read too.
    expect(rulesOf('encore-order.css').some((rule) => rule.selectors.includes('.encore-order-payment__head'))).toBe(true);
  });

  it('uses one encore- class per selector (with pseudo-classes): no element, id, attribute or global selector', () => {
    const single = /^\.encore-[a-z0-9-]+(?:__[a-z0-9-]+)?(?:--[a-z0-9-]+)?(?::[a-z-]+(?:\([^)]*\))?)*(?:::[a-z-]+)?$/;
    for (const sheet of sheets)
      expect(
        rulesOf(sheet)
          .flatMap((rule) => rule.selectors)
          .filter((selector) => !single.test(selector)),
        sheet,
      ).toEqual([]);
  });

  it('sizes nothing in rem: em follows the theme’s body text under a 10 px root (Dawn) as under 16 px', () => {
    for (const sheet of sheets) expect(read(`assets/${sheet}`).match(/[\d.]+rem\b/g), sheet).toBeNull();
  });

  it("sets no font family of its own: headings take the theme's heading font, text inherits the theme's", () => {
    for (const sheet of sheets) {
      const families = rulesOf(sheet).flatMap((rule) => rule.declarations.filter(([property]) => property === 'font-family').map(([, value]) => value));
      expect(families, sheet).toEqual(['var(--font-heading-family)']);
    }
  });

  it("writes every colour through the theme's variables, Encore's own colour only as their fallback", () => {
    const literal = /#[0-9a-f]{3,8}\b|\brgba?\(\s*\d/i;
    for (const sheet of sheets) {
      const fixed = rulesOf(sheet)
        .flatMap((rule) => rule.declarations.map(([property, value]) => `${rule.selectors.join(', ')} { ${property}: ${value} }`))
        .filter((line) => literal.test(line) && !/var\(--(?:color-|encore-)/.test(line));
      expect(fixed, sheet).toEqual([]);
    }
  });
});

describe('each section loads only its own stylesheet, in the theme’s colour scheme and page width', () => {
  const storefront = new Storefront();

  it('the layout loads no stylesheet of Encore: the sections do', () => {
    expect(read('layout/theme.liquid')).not.toMatch(/encore-[a-z-]+\.css/);
    expect(read('sections/encore-main-account.liquid').match(/'encore-[a-z-]+\.css'/g)).toEqual(["'encore-account.css'"]);
    expect(read('sections/encore-main-order.liquid').match(/'encore-[a-z-]+\.css'/g)).toEqual(["'encore-order.css'"]);
  });

  it('the account page links encore-account.css, the order page encore-order.css, each inside its section', async () => {
    const account = (await storefront.render({ template: 'customers/account', customer: 'casey' })).body;
    const order = (await storefront.render({ template: 'customers/order', order: '1003' })).body;
    const stylesheets = (html: string) => [...html.matchAll(/<link href="[^"]*\/assets\/([^"?]+)\?v=\d+" rel="stylesheet"/g)].map((match) => match[1]);
    expect(stylesheets(account)).toEqual(['encore-account.css']);
    expect(stylesheets(order)).toEqual(['encore-order.css']);
    expect(order.indexOf('encore-order.css')).toBeGreaterThan(order.indexOf('<section id="shopify-section-'));
  });

  it('wraps the content in the section’s colour scheme (as Dawn applies it) and the theme’s page-width', async () => {
    const order = (await storefront.render({ template: 'customers/order', order: '1003' })).body;
    expect(order).toMatch(
      /<div\s+class="encore-order gradient color-scheme-1"\s+style="--encore-padding-top: 32px; --encore-padding-bottom: 32px;"\s*>\s*<div class="page-width">/,
    );
    const account = (await storefront.render({ template: 'customers/account', customer: 'casey' })).body;
    expect(account).toMatch(
      /<div\s+class="encore-account gradient color-scheme-1"\s+style="--encore-padding-top: 36px; --encore-padding-bottom: 36px;"\s*>\s*<div class="page-width">/,
    );
  });

  it('offers the colour scheme as a color_scheme setting of each section', () => {
    for (const file of ['sections/encore-main-account.liquid', 'sections/encore-main-order.liquid']) {
      const schema = JSON.parse(/\{%-?\s*schema\s*-?%\}([\s\S]*?)\{%-?\s*endschema/.exec(read(file))![1]!);
      expect(
        schema.settings.find((setting: { id?: string }) => setting.id === 'color_scheme'),
        file,
      ).toEqual({
        type: 'color_scheme',
        id: 'color_scheme',
        label: `t:sections.${path.basename(file, '.liquid')}.settings.color_scheme.label`,
        default: 'scheme-1',
      });
    }
    const group = JSON.parse(read('config/settings_schema.json'))
      .flatMap((part: { settings?: { type: string; id: string }[] }) => part.settings ?? [])
      .find((setting: { type: string }) => setting.type === 'color_scheme_group');
    expect(group.id).toBe('color_schemes');
    expect(Object.keys(JSON.parse(read('config/settings_data.json')).current.color_schemes)).toEqual(['scheme-1', 'scheme-2']);
  });
});
