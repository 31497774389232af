import type { Liquid } from 'liquidjs';
import { documentedFilters, documentedTags, isNotEmulated } from './reference.ts';

export interface Coverage {
  kind: 'filters' | 'tags';
  documented: number;
  emulated: string[];
  missing: string[];
  /** Of the missing ones, those Shopify marks deprecated. */
  deprecatedMissing: string[];
}

/** Which of the filters and tags in Shopify's Liquid reference this engine implements. */
export function coverage(liquid: Liquid): Coverage[] {
  const registry = liquid as unknown as { filters: Record<string, unknown>; tags: Record<string, unknown> };
  const measure = (kind: 'filters' | 'tags', entries: { name: string; deprecated?: boolean }[]): Coverage => {
    const unique = new Map(entries.map((e) => [e.name, e]));
    const names = [...unique.keys()].sort();
    const has = (name: string) =>
      (Object.hasOwn(registry[kind], name) && !isNotEmulated(registry[kind][name])) || (kind === 'tags' && isBranchOf(name, registry.tags));
    const missing = names.filter((n) => !has(n));
    return {
      kind,
      documented: names.length,
      emulated: names.filter(has),
      missing,
      deprecatedMissing: missing.filter((n) => unique.get(n)?.deprecated),
    };
  };
  return [measure('filters', documentedFilters()), measure('tags', documentedTags())];
}

/** `else` is documented as a tag but lives inside `if`, `unless`, `case` and `for`, which parse it. */
const BRANCH_TAGS: Record<string, string[]> = { else: ['if', 'unless', 'case', 'for'], elsif: ['if'], when: ['case'] };

function isBranchOf(name: string, tags: Record<string, unknown>): boolean {
  return BRANCH_TAGS[name]?.every((parent) => Object.hasOwn(tags, parent)) ?? false;
}
