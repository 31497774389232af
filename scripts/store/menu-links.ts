/**
 * The menu item types a store fixture can hold, in Shopify's `link.type` words, and what each one points at:
 * a fixed storefront route, or a target the item names (a collection or product handle, or a URL).
 * The schema takes its list of types from here, the reference checks which field each type needs, and the
 * Liquid `link` drop its URL. Pages, blogs, articles, policies and metaobjects have no place in the fixture,
 * so their link types do not either.
 */
import type { MenuLinkType } from './types.ts';

export type MenuLinkTarget =
  | { route: string; what: string }
  | { field: 'collection' | 'product' | 'url'; what: string };

export const MENU_LINK_TYPES: Record<MenuLinkType, MenuLinkTarget> = {
  frontpage_link: { route: '/', what: 'the home page' },
  catalog_link: { route: '/collections/all', what: 'the catalog (every product)' },
  collections_link: { route: '/collections', what: 'the list of collections' },
  search_link: { route: '/search', what: 'the search page' },
  collection_link: { field: 'collection', what: 'a collection, by handle' },
  product_link: { field: 'product', what: 'a product, by handle' },
  http_link: { field: 'url', what: 'a path on the shop or a web address' },
};

/** The fields that name a target; a link has the one its type needs and no other. */
export const TARGET_FIELDS = ['collection', 'product', 'url'] as const;

/** Shopify nests menus at most three levels deep (shopify.dev, the `linklist.levels` note). */
export const MAX_MENU_LEVELS = 3;
