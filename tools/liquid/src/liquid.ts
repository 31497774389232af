import { Liquid, type FS, type LiquidOptions } from 'liquidjs';
import { installRubySemantics } from './ruby/index.ts';
import { registerShopifyFilters } from './filters/index.ts';
import { registerShopifyTags } from './tags/index.ts';
import { memoryFs } from './memory-fs.ts';
import { RENDER_BUDGET } from './render-budget.ts';
import { setParseMode, type ParseMode } from './ruby/parse-mode.ts';
import { enforceRubyArity } from './ruby/filter-arity.ts';
import { markRubyEngine } from './ruby/engines.ts';

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
  /**
   * Ruby Liquid's parse mode (ruby/parse-mode.ts): 'lax' (default) as Shopify's storefront parses themes,
   * 'strict' or 'strict2' to refuse what Ruby's strict parsers refuse, in Ruby's words.
   */
  parseMode?: ParseMode;
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
  setParseMode(liquid, options.parseMode ?? 'lax');
  registerShopifyFilters(liquid);
  registerShopifyTags(liquid);
  const filters = liquid.filters as unknown as Record<string, unknown>;
  for (const name of LIQUIDJS_ONLY_FILTERS) delete filters[name];
  enforceRubyArity(liquid);
  markRubyEngine(liquid);
  return liquid;
}

/**
 * liquidjs's own filters that neither Ruby Liquid nor Shopify has: gone, so a theme that uses one hears "unknown
 * filter" and the liquid-spec runner passes the value through, as the gem does (`list | push: 4` prints the list).
 * `squish` stays: liquid-spec specifies it.
 */
const LIQUIDJS_ONLY_FILTERS = [
  'xml_escape',
  'cgi_escape',
  'uri_escape',
  'slugify',
  'push',
  'unshift',
  'pop',
  'shift',
  'where_exp',
  'reject_exp',
  'group_by',
  'group_by_exp',
  'has_exp',
  'find_index_exp',
  'find_exp',
  'sample',
  'date_to_xmlschema',
  'date_to_rfc822',
  'date_to_string',
  'date_to_long_string',
  'normalize_whitespace',
  'number_of_words',
  'array_to_sentence_string',
  'raw',
  'jsonify',
  'to_integer',
  'inspect',
];
