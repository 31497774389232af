import { Liquid, type FS } from 'liquidjs';
import { installRubySemantics } from './ruby/index.ts';
import { registerShopifyFilters } from './filters/index.ts';
import { registerShopifyTags } from './tags/index.ts';
import { memoryFs } from './memory-fs.ts';

export interface LiquidFactoryOptions {
  /** Where `render`/`include`/`section` look up files; defaults to an empty in-memory tree. */
  fs?: FS;
  /** Root folders handed to liquidjs (with `fs`, resolved by it). */
  root?: string[];
  /** Cache parsed templates (the theme loader invalidates entries on change). */
  cache?: boolean;
}

/**
 * A liquidjs instance that behaves like Shopify's Liquid: Ruby Liquid value
 * semantics, Shopify's tags and filters, strict about unknown filters.
 */
export function createLiquid(options: LiquidFactoryOptions = {}): Liquid {
  const liquid = new Liquid({
    fs: options.fs ?? memoryFs({}),
    root: options.root ?? ['.'],
    extname: '.liquid',
    cache: options.cache ?? false,
    strictFilters: true,
    strictVariables: false,
    ownPropertyOnly: true,
    dynamicPartials: true,
    relativeReference: false,
    jsTruthy: false,
    lenientIf: true,
    orderedFilterParameters: true,
    greedy: false,
  });
  installRubySemantics(liquid);
  registerShopifyFilters(liquid);
  registerShopifyTags(liquid);
  return liquid;
}
