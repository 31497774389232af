/**
 * Each corpus template rendered by the engine (as liquid-spec's runner renders: errors inline, the template's
 * parse mode) and by the gem, and whether the two printed the same: the output, or the error that stopped it.
 */
import { formatFailure } from '../ruby/errors.ts';
import { compileAndRender } from '../liquid-spec/run.ts';
import type { CorpusCase } from './corpus.ts';
import type { OracleAnswer, RubyOracle } from './oracle.ts';

export interface Comparison {
  case: CorpusCase;
  ruby: string;
  engine: string;
  agree: boolean;
}

export async function compareWithRuby(oracle: RubyOracle, cases: CorpusCase[]): Promise<Comparison[]> {
  const comparisons: Comparison[] = [];
  for (const item of cases) {
    const [ruby, engine] = await Promise.all([
      oracle.render({ template: item.template, environment: item.environment, partials: item.partials, error_mode: item.errorMode }).then(rubyText),
      engineText(item),
    ]);
    comparisons.push({ case: item, ruby, engine, agree: ruby === engine });
  }
  return comparisons;
}

function rubyText(answer: OracleAnswer): string {
  return 'output' in answer ? answer.output : `error: ${answer.error.message}`;
}

async function engineText(item: CorpusCase): Promise<string> {
  const result = await compileAndRender(item.template, item.partials ?? {}, item.errorMode, item.environment, true);
  if ('output' in result) return result.output;
  if ('failure' in result) return `error: ${formatFailure(result.failure)}`;
  return `error: internal: ${result.internal instanceof Error ? result.internal.message : String(result.internal)}`;
}
