/**
 * Menus in the store fixture and as Liquid sees them: `linklists`, `linklist` and `link`
 * (https://shopify.dev/docs/api/liquid/objects/linklists, /linklist, /link).
 * The default store's main menu, written out in tools/fixtures/stores/default-store.json:
 *   Home (frontpage) · Shop (catalog) › [Candles › [Amber Candle, Cedar Candle], Home Fragrance, Accessories, Gifts]
 *   · Search · Account (http "/account")
 * and its footer: Search · All collections (collections) · Your account (http "/account").
 */
import { describe, expect, it } from 'vitest';
import { createLiquid } from '@encore/liquid/liquid.ts';
import { defaultRenderState, globalsWithState } from '@encore/liquid/state.ts';
import { BUNDLED_STORE_FILES } from '@encore/fixtures/bundled.ts';
import { loadStore, parseStore } from '@encore/fixtures/load.ts';
import { liquidGlobals, shopSettingsOf, type PageOptions } from '@encore/fixtures/liquid/index.ts';
import type { LinkDrop, LinklistDrop } from '@encore/fixtures/liquid/menu.ts';
import { defaultStoreJson, LABEL, problemsAfter } from './helpers.ts';

const store = loadStore();
const menuOn = (options: PageOptions, handle = 'main-menu') => liquidGlobals(store, options).linklists.liquidMethodMissing(handle) as LinklistDrop;
/** A link by its titles from the top: `find(menu, 'Shop', 'Candles')`. */
const find = (menu: LinklistDrop, ...titles: string[]): LinkDrop =>
  titles.reduce<{ links: LinkDrop[] }>((parent, title) => parent.links.find((link) => link.title === title)!, menu) as LinkDrop;
/** Every link of a menu, depth first, as "title: flags" for the flags that hold. */
const flags = (menu: LinklistDrop): string[] => {
  const out: string[] = [];
  const walk = (links: LinkDrop[]) =>
    links.forEach((link) => {
      const set = (['current', 'active', 'child_current', 'child_active'] as const).filter((flag) => link[flag]);
      if (set.length) out.push(`${link.title}: ${set.join(' ')}`);
      walk(link.links);
    });
  walk(menu.links);
  return out;
};

describe('the default store main menu, as linklist and link objects', () => {
  const menu = menuOn({ customerHandle: 'casey' });

  it('has the handle and title of the fixture, and three levels (Shop › Candles › Amber Candle)', () => {
    expect([menu.handle, menu.title, menu.levels]).toEqual(['main-menu', 'Main menu', 3]);
    expect(menu.links.map((link) => link.title)).toEqual(['Home', 'Shop', 'Search', 'Account']);
    // levels counts the nested levels under a link: Shop has collections and, under Candles, products.
    expect(menu.links.map((link) => link.levels)).toEqual([0, 2, 0, 0]);
    expect(find(menu, 'Shop', 'Candles').levels).toBe(1);
    expect(find(menu, 'Shop', 'Gifts').levels).toBe(0);
    expect(menuOn({}, 'footer').levels).toBe(1);
  });

  it('gives each link its type, URL, handle (the handleized title) and object', () => {
    expect(menu.links.map((link) => [link.type, link.url, link.handle])).toEqual([
      ['frontpage_link', '/', 'home'],
      ['catalog_link', '/collections/all', 'shop'],
      ['search_link', '/search', 'search'],
      ['http_link', '/account', 'account'],
    ]);
    expect(find(menu, 'Shop').links.map((link) => [link.type, link.url, link.handle])).toEqual([
      ['collection_link', '/collections/candles', 'candles'],
      ['collection_link', '/collections/home-fragrance', 'home-fragrance'],
      ['collection_link', '/collections/accessories', 'accessories'],
      ['collection_link', '/collections/gifts', 'gifts'],
    ]);
    const amber = find(menu, 'Shop', 'Candles', 'Amber Candle');
    expect([amber.type, amber.url, amber.handle]).toEqual(['product_link', '/products/amber-candle', 'amber-candle']);
    // object: the collection or product itself (the same drops the rest of the page sees); nil otherwise.
    const globals = liquidGlobals(store, {});
    const candles = (globals.linklists.liquidMethodMissing('main-menu') as LinklistDrop).links[1].links[0];
    expect(candles.object).toBe(globals.collections.liquidMethodMissing('candles'));
    expect((amber.object as { title: string }).title).toBe('Amber Candle');
    expect(menu.links.map((link) => link.object)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('puts the locale prefix of a page in another language on every URL, as routes do', () => {
    const french = menuOn({ customerHandle: 'casey', locale: 'fr' });
    expect(french.links.map((link) => link.url)).toEqual(['/fr', '/fr/collections/all', '/fr/search', '/fr/account']);
    expect(find(french, 'Shop', 'Candles', 'Cedar Candle').url).toBe('/fr/products/cedar-candle');
    expect(menuOn({ locale: 'fr' }, 'footer').links.map((link) => link.url)).toEqual(['/fr/search', '/fr/collections', '/fr/account']);
  });
});

describe('active and current follow request.path', () => {
  it('on the account page (/account), the Account link is current and active, nothing else', () => {
    expect(flags(menuOn({ customerHandle: 'casey' }))).toEqual(['Account: current active']);
    expect(flags(menuOn({ customerHandle: 'casey' }, 'footer'))).toEqual(['Your account: current active']);
  });

  it('on an order page (/account/orders/1003), Account is active (the path lies under it) but not current', () => {
    expect(liquidGlobals(store, { orderId: '1003' }).request.path).toBe('/account/orders/1003');
    expect(flags(menuOn({ orderId: '1003' }))).toEqual(['Account: active']);
  });

  it('on /fr/account, the prefixed Account link is current', () => {
    expect(flags(menuOn({ customerHandle: 'casey', locale: 'fr' }))).toEqual(['Account: current active']);
  });

  it('on a product seen within a collection: the product link is current, its collection active, and its parents know', () => {
    // shopify.dev: product URLs within the context of a collection count as the product URL.
    expect(flags(menuOn({ path: '/collections/candles/products/amber-candle' }))).toEqual([
      'Shop: child_current child_active',
      'Candles: active child_current child_active',
      'Amber Candle: current active',
    ]);
  });

  it("on a collection: the collection link is current, the footer's collections list active", () => {
    expect(flags(menuOn({ path: '/collections/gifts' }))).toEqual(['Shop: child_current child_active', 'Gifts: current active']);
    expect(flags(menuOn({ path: '/collections/gifts' }, 'footer'))).toEqual(['All collections: active']);
  });

  it('the home link is current only on the home page, though every path lies under "/"', () => {
    expect(flags(menuOn({ path: '/' }))).toEqual(['Home: current active']);
    expect(flags(menuOn({ path: '/search' }))).toEqual(['Search: current active']);
    expect(flags(menuOn({ path: '/fr', locale: 'fr' }))).toEqual(['Home: current active']);
  });

  it('ignores URL parameters, and a trailing slash', () => {
    const json = defaultStoreJson();
    json.menus[1].links.push({ title: 'Candle search', type: 'http_link', url: '/search?q=candle' });
    const withQuery = parseStore(json, LABEL);
    const footer = liquidGlobals(withQuery, { path: '/search/' }).linklists.liquidMethodMissing('footer') as LinklistDrop;
    expect(flags(footer)).toEqual(['Search: current active', 'Candle search: current active']);
    expect(footer.links[3].url).toBe('/search?q=candle');
  });

  it('a full URL is printed as written and is never current', () => {
    const json = defaultStoreJson();
    json.menus[1].links.push({ title: 'Journal', type: 'http_link', url: 'https://journal.example/account' });
    const footer = liquidGlobals(parseStore(json, LABEL), { customerHandle: 'casey', locale: 'fr' }).linklists.liquidMethodMissing('footer') as LinklistDrop;
    expect(footer.links[3].url).toBe('https://journal.example/account');
    expect(flags(footer)).toEqual(['Your account: current active']);
  });
});

describe('linklists in Liquid', () => {
  const liquid = createLiquid();
  const render = (template: string, options: PageOptions = { customerHandle: 'casey' }) => {
    const state = defaultRenderState({ shop: shopSettingsOf(store), query: new URLSearchParams(), requestPath: '/account' });
    return liquid.parseAndRenderSync(template, {}, { globals: globalsWithState(liquidGlobals(store, options), state) });
  };

  it("finds a menu by handle, with a dot or brackets, as shopify.dev's linklists example does", () => {
    expect(render('{% for link in linklists.main-menu.links %}{{ link.title | link_to: link.url }} {% endfor %}')).toBe(
      // link_to writes an empty title and rel="nofollow", as in shopify.dev's link_to example.
      '<a href="/" title="" rel="nofollow">Home</a> <a href="/collections/all" title="" rel="nofollow">Shop</a> ' +
        '<a href="/search" title="" rel="nofollow">Search</a> <a href="/account" title="" rel="nofollow">Account</a> ',
    );
    expect(render("{% for link in linklists['footer'].links %}{{ link.title }}={{ link.url }};{% endfor %}")).toBe(
      'Search=/search;All collections=/collections;Your account=/account;',
    );
  });

  it("counts child links as shopify.dev's link.links example does, lists every menu, and has nil for an unknown one", () => {
    expect(render('{% for link in linklists.main-menu.links %}{{ link.title }}({{ link.links.size }}) {% endfor %}')).toBe(
      'Home(0) Shop(4) Search(0) Account(0) ',
    );
    expect(render('{{ linklists.size }}: {% for menu in linklists %}{{ menu.handle }} {% endfor %}')).toBe('2: main-menu footer ');
    expect(render("{% if linklists['sidebar'] == nil %}none{% endif %}")).toBe('none');
  });

  it('a store without menus has an empty linklists', () => {
    const json = defaultStoreJson();
    delete json.menus;
    const bare = parseStore(json, LABEL);
    expect(liquidGlobals(bare, {}).linklists.size).toBe(0);
    expect(liquidGlobals(bare, {}).linklists.liquidMethodMissing('main-menu')).toBeUndefined();
  });
});

describe('every bundled store has a main menu with a nested level, and a footer, in its own language', () => {
  it.each(BUNDLED_STORE_FILES)('%s', (file) => {
    const bundled = loadStore(file);
    const globals = liquidGlobals(bundled, {});
    const main = globals.linklists.liquidMethodMissing('main-menu') as LinklistDrop;
    const footer = globals.linklists.liquidMethodMissing('footer') as LinklistDrop;
    expect(main.levels).toBeGreaterThanOrEqual(2);
    expect(footer.links.length).toBeGreaterThan(0);
    // The catalog link opens onto the store's collections.
    const catalog = main.links.find((link) => link.type === 'catalog_link')!;
    expect(catalog.links.map((link) => link.type)).toEqual(bundled.collections.slice(0, catalog.links.length).map(() => 'collection_link'));
  });

  it('the Danish, Dutch, Japanese, Norwegian and Thai shops title their menus in their language', () => {
    const titles = BUNDLED_STORE_FILES.map((file) => {
      const bundled = loadStore(file);
      return [bundled.shop.primary_locale, bundled.menus!.map((menu) => menu.title).join(' / ')];
    });
    expect(Object.fromEntries(titles)).toEqual({
      en: 'Main menu / Footer menu',
      da: 'Hovedmenu / Sidefod',
      nl: 'Hoofdmenu / Voettekst',
      ja: 'メインメニュー / フッターメニュー',
      nb: 'Hovedmeny / Bunntekst',
      th: 'เมนูหลัก / เมนูส่วนท้าย',
    });
  });
});

describe('menu mistakes in a fixture name their JSON path', () => {
  // menus/0 is the main menu: links/1 is Shop, its links/0 Candles, whose links/0 is Amber Candle.
  it('a link type Shopify has but the fixture cannot hold (no pages in the store)', () => {
    expect(problemsAfter((json) => (json.menus[0].links[0].type = 'page_link'))).toEqual([
      `${LABEL}: /menus/0/links/0/type: must be one of "frontpage_link", "catalog_link", "collections_link", "search_link", "collection_link", "product_link", "http_link", got "page_link"`,
    ]);
  });

  it('a collection or product the store does not have', () => {
    expect(
      problemsAfter((json) => {
        json.menus[0].links[1].links[0].collection = 'lamps';
        json.menus[0].links[1].links[0].links[0].product = 'desk-lamp';
      }),
    ).toEqual([
      `${LABEL}: /menus/0/links/1/links/0/collection: unknown collection handle "lamps"`,
      `${LABEL}: /menus/0/links/1/links/0/links/0/product: unknown product handle "desk-lamp"`,
    ]);
  });

  it('a link without the target its type needs, or with one it has no use for', () => {
    expect(
      problemsAfter((json) => {
        delete json.menus[0].links[3].url;
        json.menus[0].links[2].url = '/search';
        json.menus[1].links[1].collection = 'candles';
      }),
    ).toEqual([
      `${LABEL}: /menus/0/links/2/url: only http_link items name a url; this search_link points at the search page`,
      `${LABEL}: /menus/0/links/3/url: is missing; http_link items point at a path on the shop or a web address`,
      `${LABEL}: /menus/1/links/1/collection: only collection_link items name a collection; this collections_link points at the list of collections`,
    ]);
  });

  it('a URL that is neither a path on the shop nor a web address', () => {
    expect(problemsAfter((json) => (json.menus[0].links[3].url = 'javascript:alert(1)'))).toEqual([
      `${LABEL}: /menus/0/links/3/url: must be string matching /^(/(?!/)|https?://|mailto:|tel:)/, got "javascript:alert(1)"`,
    ]);
    // A protocol-relative URL leaves the shop although it starts with a slash.
    expect(problemsAfter((json) => (json.menus[0].links[3].url = '//elsewhere.example/account'))).toEqual([
      `${LABEL}: /menus/0/links/3/url: must be string matching /^(/(?!/)|https?://|mailto:|tel:)/, got "//elsewhere.example/account"`,
    ]);
  });

  it('a fourth level', () => {
    expect(problemsAfter((json) => (json.menus[0].links[1].links[0].links[0].links = [{ title: 'Too deep', type: 'search_link' }]))).toEqual([
      `${LABEL}: /menus/0/links/1/links/0/links/0/links: Shopify menus nest at most 3 levels deep; this item is on level 3 and cannot have child items`,
    ]);
  });

  it('two menus with one handle, a misspelt field and an empty title', () => {
    // The shape is checked first; the references (the duplicate handle) once it is right.
    expect(
      problemsAfter((json) => {
        json.menus[1].handle = 'main-menu';
        json.menus[1].links[0].titel = 'Search';
      }),
    ).toEqual([`${LABEL}: /menus/1/links/0/titel: is not a known field; expected one of title, type, collection, product, url, links`]);
    expect(problemsAfter((json) => (json.menus[1].handle = 'main-menu'))).toEqual([
      `${LABEL}: /menus/1/handle: duplicate menu handle "main-menu", already used at /menus/0/handle`,
    ]);
    expect(problemsAfter((json) => (json.menus[0].links[0].title = ''))).toEqual([`${LABEL}: /menus/0/links/0/title: must be non-empty string, got ""`]);
  });
});
