import { Liquid, type FS, type LiquidOptions } from 'liquidjs';
import { installRubySemantics } from './ruby/index.ts';
import { registerShopifyFilters } from './filters/index.ts';
import { registerShopifyTags } from './tags/index.ts';
import { memoryFs } from './memory-fs.ts';
import { RENDER_BUDGET } from './render-budget.ts';

export interface LiquidFactoryOptions {
  /** Where files are read from; defaults to an empty in-memory tree unless `root` names real folders. */
  fs?: FS;
  /** Folders `parseFile` looks in (a theme's own directory). */
  root?: string[];
  /** Folders `render` and `include` look in (a theme's `snippets/`). */
  partials?: string[];
  /** Cache of parsed templates; the theme loader clears it when a file changes. */
  cache?: LiquidOptions['cache'];
  /**
   * 'error' (default): an unknown filter is a parse error, so a theme developer
   * hears about a typo. 'ignore': Ruby Liquid's default, the value passes
   * through unchanged (used by the liquid-spec runner).
   */
  unknownFilters?: 'error' | 'ignore';
  /**
   * Allow renders to print errors inline like Shopify's storefront
   * (`Liquid error (line 3): …`) when their globals ask for it. Off by default:
   * theme renders raise so the CLIs can name the file and line.
   */
  inlineErrors?: boolean;
}

/**
 * A liquidjs instance that behaves like Shopify's Liquid: Ruby Liquid value
 * semantics, Shopify's tags and filters, strict about unknown filters.
 */
export function createLiquid(options: LiquidFactoryOptions = {}): Liquid {
  const settings: LiquidOptions = {
    fs: options.fs ?? (options.root ? undefined : memoryFs({})),
    root: options.root ?? ['.'],
    partials: options.partials ?? options.root ?? ['.'],
    extname: '.liquid',
    cache: options.cache ?? false,
    strictFilters: (options.unknownFilters ?? 'error') === 'error',
    strictVariables: false,
    ownPropertyOnly: true,
    dynamicPartials: true,
    relativeReference: false,
    jsTruthy: false,
    lenientIf: true,
    orderedFilterParameters: true,
    greedy: true,
    // Ranges and string filters count what they make; past the budget the render stops (ruby/budget.ts).
    memoryLimit: RENDER_BUDGET.allocations,
  };
  // liquidjs treats an explicit `fs: undefined` as "no file system": leave the key out instead.
  if (settings.fs === undefined) delete settings.fs;
  const liquid = new Liquid(settings);
  installRubySemantics(liquid, { inlineErrors: options.inlineErrors });
  registerShopifyFilters(liquid);
  registerShopifyTags(liquid);
  return liquid;
}
