import { createRequire } from 'node:module';
import type { Liquid } from 'liquidjs';
import type { FilterCatalog } from './errors.ts';
import { RubyLiquidError } from './ruby/errors.ts';

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

/** The stand-ins `deferNotEmulatedFilters` registers: coverage does not count them as emulated. */
const notEmulated = new WeakSet<object>();

export function isNotEmulated(filter: unknown): boolean {
  return typeof filter === 'function' && notEmulated.has(filter);
}

/**
 * Every filter Shopify documents that the engine does not emulate yet gets a stand-in that fails only when it
 * runs, as a storefront's error would: a theme whose header calls one in a branch that never runs still renders,
 * and one that runs prints an inline "Liquid error (…): filter 'x' is not emulated yet" where the page allows it.
 */
export function deferNotEmulatedFilters(liquid: Liquid): void {
  const registered = (liquid as unknown as { filters: Record<string, unknown> }).filters;
  for (const { name } of documentedFilters()) {
    if (Object.hasOwn(registered, name)) continue;
    const standIn = (): never => {
      throw new RubyLiquidError(`filter '${name}' is not emulated yet`, 'Liquid::ArgumentError');
    };
    notEmulated.add(standIn);
    liquid.registerFilter(name, standIn);
  }
}
