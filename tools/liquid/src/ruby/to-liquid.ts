/**
 * Ruby's `to_liquid` and `to_number` as objects may answer them, for values that are not what they stand for:
 * liquid-spec's Ruby test objects (a drop counting its `to_liquid` calls, one that is the text "foobar" to
 * Liquid, one that is a number to the math filters). liquidjs's own `toLiquid` is called again on what it gives,
 * so an object giving itself back cannot use it; these are called once, where Ruby Liquid calls them: on each
 * value a variable path reads (properties.ts), on each filter's result (filter-arity.ts), on each item a list
 * filter walks (standard-filters.ts `inputList`), and, for `to_number`, where the math filters read a number.
 */
export const RUBY_TO_LIQUID = Symbol.for('encore.ruby.to_liquid');
export const RUBY_TO_NUMBER = Symbol.for('encore.ruby.to_number');

type RubyConvertible = { [RUBY_TO_LIQUID]?: () => unknown; [RUBY_TO_NUMBER]?: () => unknown };

export function rubyToLiquid(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  const convert = (value as RubyConvertible)[RUBY_TO_LIQUID];
  return typeof convert === 'function' ? convert.call(value) : value;
}

/** The number an object gives Ruby's math filters, or undefined when it has no `to_number`. */
export function rubyToNumber(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return undefined;
  const convert = (value as RubyConvertible)[RUBY_TO_NUMBER];
  return typeof convert === 'function' ? convert.call(value) : undefined;
}
