/**
 * The engine against Shopify's reference Liquid (the liquid gem 5.4, with ActiveSupport, Debian's packages):
 * every corpus template (tools/liquid/src/ruby-oracle/corpus.ts) is rendered by both, and every difference must be
 * one declared in tools/liquid/src/ruby-oracle/declared.ts. Without Ruby or the gem this says so and skips.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { compareWithRuby, type Comparison } from '@encore/liquid/ruby-oracle/compare.ts';
import { corpus } from '@encore/liquid/ruby-oracle/corpus.ts';
import { DELIBERATE, PENDING } from '@encore/liquid/ruby-oracle/declared.ts';
import { startRubyOracle } from '@encore/liquid/ruby-oracle/oracle.ts';

const oracle = await startRubyOracle();
const unavailable = 'unavailable' in oracle ? oracle.unavailable : null;
if (unavailable) process.stderr.write(`Ruby Liquid oracle skipped: ${unavailable}\n`);
afterAll(() => {
  if (!('unavailable' in oracle)) oracle.close();
});

describe.skipIf(unavailable !== null)(`the engine against Ruby Liquid${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  let comparisons: Comparison[] = [];

  it('answers as the liquid gem 5.4 with ActiveSupport', async () => {
    if ('unavailable' in oracle) return;
    expect(oracle.liquid).toBe('5.4.0');
    expect(oracle.activeSupport).not.toBeNull();
    expect(await oracle.render({ template: '{{ 10 | divided_by: 4 }} {{ 10.0 | divided_by: 4 }} {{ "a b" | split: " " | size }}' })).toEqual({
      output: '2 2.5 2',
    });
  });

  it('prints what the gem prints for every corpus template, but for the differences declared', async () => {
    if ('unavailable' in oracle) return;
    comparisons = await compareWithRuby(oracle, corpus());
    const declared = [...DELIBERATE, ...PENDING];
    const undeclared = comparisons.filter((comparison) => !comparison.agree && !declared.some((difference) => difference.covers(comparison.case)));
    expect(undeclared.map(({ case: item, ruby, engine }) => ({ id: item.id, template: item.template, ruby, engine }))).toEqual([]);
    const agreeing = comparisons.filter((comparison) => comparison.agree).length;
    process.stdout.write(`Ruby Liquid oracle: ${agreeing} of ${comparisons.length} corpus templates print the same\n`);
  });

  it('every declared difference still happens (a fixed one leaves the list)', () => {
    if ('unavailable' in oracle) return;
    const stale = [...DELIBERATE, ...PENDING].filter(
      (difference) => !comparisons.some((comparison) => !comparison.agree && difference.covers(comparison.case)),
    );
    expect(stale.map((difference) => difference.cause)).toEqual([]);
  });
});
