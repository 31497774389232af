import type { Liquid } from 'liquidjs';
import { RubyLiquidError } from './errors.ts';
import { rubyToLiquid } from './to-liquid.ts';

/**
 * How many arguments each of Ruby Liquid's standard filters takes, the input counted (the gem 5.4's
 * `StandardFilters` method parameters: required, then optional). A filter given a number outside its range
 * fails as Ruby's method call does: `{{ "a-b-c" | split }}` prints
 * `Liquid error (line 1): wrong number of arguments (given 1, expected 2)`; liquidjs would ignore the count.
 * `date` is Shopify's own (its format is optional), and `sum`, absent from the gem 5.4, is not held to it.
 */
const RUBY_ARITY: Record<string, [number, number]> = {
  abs: [1, 1],
  append: [2, 2],
  at_least: [2, 2],
  at_most: [2, 2],
  base64_decode: [1, 1],
  base64_encode: [1, 1],
  base64_url_safe_decode: [1, 1],
  base64_url_safe_encode: [1, 1],
  capitalize: [1, 1],
  ceil: [1, 1],
  compact: [1, 2],
  concat: [2, 2],
  default: [1, 3],
  divided_by: [2, 2],
  downcase: [1, 1],
  escape: [1, 1],
  escape_once: [1, 1],
  first: [1, 1],
  floor: [1, 1],
  h: [1, 1],
  join: [1, 2],
  last: [1, 1],
  lstrip: [1, 1],
  map: [2, 2],
  minus: [2, 2],
  modulo: [2, 2],
  newline_to_br: [1, 1],
  plus: [2, 2],
  prepend: [2, 2],
  remove: [2, 2],
  remove_first: [2, 2],
  remove_last: [2, 2],
  replace: [2, 3],
  replace_first: [2, 3],
  replace_last: [3, 3],
  reverse: [1, 1],
  round: [1, 2],
  rstrip: [1, 1],
  size: [1, 1],
  slice: [2, 3],
  sort: [1, 2],
  sort_natural: [1, 2],
  split: [2, 2],
  strip: [1, 1],
  strip_html: [1, 1],
  strip_newlines: [1, 1],
  times: [2, 2],
  truncate: [1, 3],
  truncatewords: [1, 3],
  uniq: [1, 2],
  upcase: [1, 1],
  url_decode: [1, 1],
  url_encode: [1, 1],
  where: [2, 3],
};

type FilterArg = unknown;
type FilterFn = (this: { token?: { args?: FilterArg[] } }, ...argv: unknown[]) => unknown;

/** Wraps each standard filter of the instance with Ruby's count; call once every filter is registered. */
export function enforceRubyArity(liquid: Liquid): void {
  const filters = liquid.filters as unknown as Record<string, FilterFn>;
  for (const [name, [least, most]] of Object.entries(RUBY_ARITY)) {
    const filter = filters[name];
    if (typeof filter !== 'function') continue;
    filters[name] = function (...argv: unknown[]) {
      // Counted from the markup (liquidjs gives a keyword argument as a [key, value] pair, like a two-item list):
      // the input, each positional argument, and the keyword arguments together as Ruby's one options hash.
      const args = this?.token?.args;
      if (args) {
        let keywords = 0;
        for (const arg of args) if (isKeyword(arg)) keywords += 1;
        const given = 1 + args.length - keywords + (keywords > 0 ? 1 : 0);
        if (given < least || given > most) {
          throw new RubyLiquidError(`wrong number of arguments (given ${given}, expected ${least === most ? least : `${least}..${most}`})`);
        }
      }
      // Ruby converts each filter's result (`to_liquid`) before the next filter or the output takes it.
      return rubyToLiquid(filter.apply(this, argv));
    };
  }
}

function isKeyword(arg: FilterArg): boolean {
  return Array.isArray(arg) && typeof arg[0] === 'string';
}
