/**
 * The reference checks of the store's menus: handles unique, each item naming exactly the target its type
 * needs (a collection or product the store has, or a URL), and no deeper nesting than Shopify allows.
 * Problems name the JSON pointer of the offending value, like the other reference checks.
 */
import { MAX_MENU_LEVELS, MENU_LINK_TYPES, TARGET_FIELDS } from './menu-links.ts';
import type { Problem } from './references.ts';
import type { MenuLink, Store } from './types.ts';

export function checkMenus(store: Store, problems: Problem[]): void {
  const collections = new Set(store.collections.map((collection) => collection.handle));
  const products = new Set(store.products.map((product) => product.handle));
  const known = { collection: collections, product: products };
  const handles = new Map<string, string>();
  (store.menus ?? []).forEach((menu, m) => {
    const at = `/menus/${m}`;
    const first = handles.get(menu.handle);
    if (first !== undefined) problems.push({ path: `${at}/handle`, message: `duplicate menu handle ${JSON.stringify(menu.handle)}, already used at ${first}` });
    else handles.set(menu.handle, `${at}/handle`);
    const checkLinks = (links: MenuLink[], level: number, parent: string): void =>
      links.forEach((link, l) => {
        const linkAt = `${parent}/links/${l}`;
        checkTarget(link, linkAt, known, problems);
        if (!link.links?.length) return;
        if (level === MAX_MENU_LEVELS) {
          problems.push({ path: `${linkAt}/links`, message: `Shopify menus nest at most ${MAX_MENU_LEVELS} levels deep; this item is on level ${level} and cannot have child items` });
        } else checkLinks(link.links, level + 1, linkAt);
      });
    checkLinks(menu.links, 1, at);
  });
}

function checkTarget(link: MenuLink, at: string, known: Record<'collection' | 'product', Set<string>>, problems: Problem[]): void {
  const target = MENU_LINK_TYPES[link.type];
  const needed = 'field' in target ? target.field : undefined;
  for (const field of TARGET_FIELDS) {
    if (field !== needed && link[field] !== undefined) {
      const owner = field === 'url' ? 'http_link' : `${field}_link`;
      problems.push({ path: `${at}/${field}`, message: `only ${owner} items name a ${field}; this ${link.type} points at ${target.what}` });
    }
  }
  if (needed === undefined) return;
  const value = link[needed];
  if (value === undefined) problems.push({ path: `${at}/${needed}`, message: `is missing; ${link.type} items point at ${target.what}` });
  else if (needed !== 'url' && !known[needed].has(value)) problems.push({ path: `${at}/${needed}`, message: `unknown ${needed} handle ${JSON.stringify(value)}` });
}
