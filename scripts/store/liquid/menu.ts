/**
 * Liquid `linklists`, `linklist` and `link`: the store's navigation menus as shopify.dev documents them
 * (objects/linklists, objects/linklist, objects/link). A menu is found by handle (`linklists['main-menu']`,
 * or a `link_list` section setting). Every URL carries the page's locale prefix as Shopify's routes do, and
 * `active`/`current` compare it with the page's `request.path`.
 */
import { handleOf } from '../../engine/filters/strings.ts';
import { MENU_LINK_TYPES } from '../menu-links.ts';
import type { Menu, MenuLink } from '../types.ts';
import type { CollectionDrop } from './collection.ts';
import { ShopifyDrop } from './drop.ts';
import { memo } from './memo.ts';
import type { ProductDrop } from './product.ts';
import type { StoreView } from './view.ts';

/** The page the menus are drawn on: the store view (locale, lookups) and its `request.path`. */
interface MenuPage {
  view: StoreView;
  path: string;
}

/** A URL's path as links match it: without query or fragment ("URL parameters are ignored") or a trailing slash. */
function pathOf(url: string): string {
  return url.replace(/[?#].*$/, '').replace(/(.)\/+$/, '$1');
}

/** The same, with a product seen within a collection (`/collections/c/products/p`) as the product itself: shopify.dev counts them as one URL. */
function productPathOf(url: string): string {
  return pathOf(url).replace(/\/collections\/[^/]+(\/products\/[^/]+)$/, '$1');
}

/** Nested levels under a list of links: 0 for none, 1 when none of them has children, and so on. */
function levelsOf(links: LinkDrop[]): number {
  return links.length === 0 ? 0 : 1 + Math.max(...links.map((link) => link.levels));
}

export class LinkDrop extends ShopifyDrop {
  #page: MenuPage;
  #link: MenuLink;

  constructor(page: MenuPage, link: MenuLink) {
    super();
    this.#page = page;
    this.#link = link;
  }

  get title(): string { return this.#link.title; }
  get type(): string { return this.#link.type; }
  /** Shopify derives a menu item's handle from its title, as `handleize` does. */
  get handle(): string { return handleOf(this.#link.title); }

  /** The linked collection or product; nil for the other types (the catalog, search, home page, a URL). */
  get object(): CollectionDrop | ProductDrop | undefined {
    const { view } = this.#page;
    if (this.#link.type === 'collection_link') return view.collectionDrop(this.#link.collection!);
    if (this.#link.type === 'product_link') return view.productDrop(this.#link.product!);
    return undefined;
  }

  /**
   * Routes and resources under the page's locale prefix, as Shopify's routes are. shopify.dev does not say
   * whether an http_link written as a path ("/account") gets the prefix too; the engine gives it one, so a menu
   * keeps the shopper in their language, and leaves a full URL as written.
   */
  get url(): string {
    return memo(this, 'url', () => this.#url());
  }

  #url(): string {
    const { view } = this.#page;
    const target = MENU_LINK_TYPES[this.#link.type];
    if ('route' in target) return view.url(target.route);
    const object = this.object;
    if (object) return object.url;
    const url = this.#link.url!;
    return url.startsWith('/') ? view.url(url) : url;
  }

  get links(): LinkDrop[] {
    return memo(this, 'links', () => (this.#link.links ?? []).map((link) => new LinkDrop(this.#page, link)));
  }

  /** Nested levels under this item: 0 for a leaf (shopify.dev: "the number of nested levels under the link"). */
  get levels(): number { return levelsOf(this.links); }

  /** The page's path is this item's URL. */
  get current(): boolean {
    return memo(this, 'current', () => this.url.startsWith('/') && productPathOf(this.#page.path) === productPathOf(this.url));
  }

  /**
   * The page's path is this item's URL or lies under it (`/collections` is active on `/collections/candles`, and
   * `/collections/candles` on a product seen within it).
   * The home page's URL lies above every path, so a home item is active only on the home page itself.
   */
  get active(): boolean {
    return memo(this, 'active', () => {
      if (this.current) return true;
      const url = pathOf(this.url);
      return url.startsWith('/') && url !== pathOf(this.#page.view.url('/')) && pathOf(this.#page.path).startsWith(`${url}/`);
    });
  }

  /** Some item below this one, at any depth, is active. */
  get child_active(): boolean { return memo(this, 'child_active', () => this.links.some((link) => link.active || link.child_active)); }
  /** Some item below this one, at any depth, is current. */
  get child_current(): boolean { return memo(this, 'child_current', () => this.links.some((link) => link.current || link.child_current)); }
}

/** Liquid `linklist`: one menu. */
export class LinklistDrop extends ShopifyDrop {
  #page: MenuPage;
  #menu: Menu;

  constructor(page: MenuPage, menu: Menu) {
    super();
    this.#page = page;
    this.#menu = menu;
  }

  get handle(): string { return this.#menu.handle; }
  get title(): string { return this.#menu.title; }
  get links(): LinkDrop[] {
    return memo(this, 'links', () => this.#menu.links.map((link) => new LinkDrop(this.#page, link)));
  }
  /** Nested levels in the menu: 1 when no item has children; at most 3. */
  get levels(): number { return levelsOf(this.links); }
}

/** Liquid `linklists`: every menu of the store, by handle (`linklists['main-menu']`, `linklists.footer`) or in order. */
export class LinklistsDrop extends ShopifyDrop {
  #page: MenuPage;
  #menus = new Map<string, LinklistDrop>();

  constructor(view: StoreView, path: string) {
    super();
    this.#page = { view, path };
  }

  get size(): number { return this.#page.view.store.menus?.length ?? 0; }

  override liquidMethodMissing(handle: string | number): LinklistDrop | undefined {
    if (typeof handle !== 'string') return undefined;
    let drop = this.#menus.get(handle);
    if (!drop) {
      const menu = this.#page.view.store.menus?.find((candidate) => candidate.handle === handle);
      if (!menu) return undefined;
      this.#menus.set(handle, (drop = new LinklistDrop(this.#page, menu)));
    }
    return drop;
  }

  override valueOf(): LinklistDrop[] {
    return (this.#page.view.store.menus ?? []).map((menu) => this.liquidMethodMissing(menu.handle)!);
  }
}
