import { createRequire } from 'node:module';
import type { FilterCatalog } from './errors.ts';

/**
 * Shopify's machine-readable Liquid reference (objects, filters, tags), as
 * bundled with theme-check. It is the allow-list: a documented filter the
 * engine lacks is "not emulated yet", anything else is unknown.
 */
interface ReferenceEntry {
  name: string;
  deprecated?: boolean;
}

const require = createRequire(import.meta.url);
let filters: ReferenceEntry[] | undefined;
let tags: ReferenceEntry[] | undefined;

export function documentedFilters(): ReferenceEntry[] {
  filters ??= require('@shopify/theme-check-docs-updater/data/filters.json') as ReferenceEntry[];
  return filters;
}

export function documentedTags(): ReferenceEntry[] {
  tags ??= require('@shopify/theme-check-docs-updater/data/tags.json') as ReferenceEntry[];
  return tags;
}

let catalog: FilterCatalog | undefined;

export function filterCatalog(): FilterCatalog {
  if (!catalog) {
    const names = new Set(documentedFilters().map((f) => f.name));
    catalog = { isDocumented: (name) => names.has(name) };
  }
  return catalog;
}
