/**
 * Where the engine and the reference gem print differently over the corpus (corpus.ts), in one place.
 *
 * DELIBERATE: differences the engine keeps on purpose, each with its reason (behaviour newer than the gem's 5.4
 * that liquid-spec specifies, Shopify-only behaviour). PENDING: causes issue 20 lists and has not fixed yet; the
 * oracle test checks both ways, so a case fixed must leave this list, and a new difference must be one of these
 * or fail. PENDING is to be empty when issue 20 is done.
 */
import type { CorpusCase } from './corpus.ts';

export interface DeclaredDifference {
  cause: string;
  /** Why it stays (DELIBERATE), or where issue 20 lists it (PENDING). */
  reason: string;
  covers: (item: CorpusCase) => boolean;
}

const id =
  (...ids: string[]) =>
  (item: CorpusCase) =>
    ids.includes(item.id);
const filter = (prefix: string) => (item: CorpusCase) => item.id.startsWith(`filter/${prefix}`);

export const DELIBERATE: DeclaredDifference[] = [
  {
    cause: 'a missing partial prints without a line number',
    reason: 'liquid-spec (which follows Liquid after 5.4) prints "Liquid error: Could not find asset …" without one',
    covers: id('partial/render-missing'),
  },
  {
    cause: '`sum` adds up a list',
    reason: 'the gem 5.4 has no `sum` (its unknown filter passes the input through); Shopify documents it and liquid-spec specifies it',
    covers: filter('sum/'),
  },
  {
    cause: '`{%- raw -%}` takes whitespace control',
    reason:
      "the gem 5.4 says 'raw' tag was never closed; liquid-spec (Liquid after 5.4) trims outside the tag and keeps the content: `> {%- raw -%} inner {%- endraw -%} <` is `> inner <`",
    covers: id('tag/raw-trimmed'),
  },
  {
    cause: "strict mode takes commas between a `for` loop's attributes",
    reason:
      'the gem 5.4 says "Expected end_of_string but found comma"; liquid-spec (Liquid after 5.4) loops: ForTagTest#test_limiting renders `for i in array, limit: 4, offset: 2` in strict mode',
    covers: id('broken/strict/2'),
  },
  {
    cause: '`json` prints its input as JSON',
    reason: "a Shopify filter (shopify.dev documents it) the gem 5.4 does not have; Shopify's storefront runs it",
    covers: id('tag/shopify-json'),
  },
];

export const PENDING: DeclaredDifference[] = [];
