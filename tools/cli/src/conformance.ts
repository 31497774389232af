import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultSpecsDir, loadSuites } from '@encore/liquid/liquid-spec/load.ts';
import { MISSING_FEATURES } from '@encore/liquid/liquid-spec/features.ts';
import { runSuite, SUITE_GOALS, meetsGoal, type SuiteReport } from '@encore/liquid/liquid-spec/suite-report.ts';
import { compareWithRuby } from '@encore/liquid/ruby-oracle/compare.ts';
import { corpus } from '@encore/liquid/ruby-oracle/corpus.ts';
import { DELIBERATE, PENDING } from '@encore/liquid/ruby-oracle/declared.ts';
import { startRubyOracle } from '@encore/liquid/ruby-oracle/oracle.ts';

/** Agreement with the gem over the generated corpus, outside the deliberate differences (issue 20). */
const ORACLE_GOAL = 99.5;

const { values } = parseArgs({
  options: {
    specs: { type: 'string' },
    verbose: { type: 'boolean', default: false },
    suite: { type: 'string' },
  },
});

const repoRoot = resolve(import.meta.dirname, '..', '..', '..');
const specsDir = values.specs ? resolve(values.specs) : defaultSpecsDir(repoRoot);
const suites = loadSuites(specsDir).filter((suite) => !values.suite || suite.id === values.suite);

console.log('missing features (cases needing them are skipped):');
for (const [feature, reason] of Object.entries(MISSING_FEATURES)) console.log(`  ${feature}: ${reason}`);
console.log('');

const reports: SuiteReport[] = [];
for (const suite of suites) {
  const report = await runSuite(suite);
  reports.push(report);
  if (values.verbose) printFailures(report);
  console.log(suiteLine(report));
}

const total = reports.reduce((sum, r) => ({ passed: sum.passed + r.passed, failed: sum.failed + r.failed, skipped: sum.skipped + r.skipped }), {
  passed: 0,
  failed: 0,
  skipped: 0,
});
console.log(`conformance: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
const oracleOk = await oracleLine();
process.exitCode = reports.every(meetsGoal) && oracleOk ? 0 : 1;

/** The generated corpus against the liquid gem: agreement outside the deliberate differences (goal ≥ 99.5%). */
async function oracleLine(): Promise<boolean> {
  const oracle = await startRubyOracle();
  if ('unavailable' in oracle) {
    console.log(`ruby oracle  skipped: ${oracle.unavailable}`);
    return true;
  }
  try {
    const comparisons = await compareWithRuby(oracle, corpus());
    const outside = comparisons.filter((comparison) => !DELIBERATE.some((difference) => difference.covers(comparison.case)));
    const agreeing = outside.filter((comparison) => comparison.agree).length;
    const pending = outside.filter((comparison) => !comparison.agree && PENDING.some((difference) => difference.covers(comparison.case))).length;
    const rate = (100 * agreeing) / Math.max(1, outside.length);
    const ok = rate >= ORACLE_GOAL;
    console.log(
      `ruby oracle  liquid ${oracle.liquid}, ActiveSupport ${oracle.activeSupport ?? 'not loaded'}: ${agreeing} of ${outside.length} corpus templates agree (${pct(rate)}) outside ${comparisons.length - outside.length} deliberate differences; ${pending} differ by causes still pending ${ok ? 'ok' : `BELOW GOAL (≥${ORACLE_GOAL}%)`}`,
    );
    return ok;
  } finally {
    oracle.close();
  }
}

function suiteLine(r: SuiteReport): string {
  const goal = SUITE_GOALS[r.suite];
  const wanted = goal ? `goal ≥ ${goal.minPassRate}% passing, ≤ ${goal.maxSkipRate}% skipped` : 'no goal';
  const verdict = goal ? `${meetsGoal(r) ? 'ok' : 'BELOW GOAL'} (${wanted})` : `(${wanted})`;
  return (
    `${r.suite.padEnd(12)} ${r.passed} passed (${pct(r.passRate)} of run), ${r.failed} failed, ` + `${r.skipped} skipped (${pct(r.skipRate)} of all) ${verdict}`
  );
}

function pct(n: number): string {
  return `${n.toFixed(1)}%`;
}

function printFailures(r: SuiteReport): void {
  for (const failure of r.failures) {
    console.log(`✗ ${r.suite}/${failure.spec.file} ${failure.spec.name}`);
    console.log(`  template: ${JSON.stringify(failure.spec.template)}`);
    console.log(`  expected: ${JSON.stringify(failure.outcome.wanted)}`);
    console.log(`  actual:   ${JSON.stringify(failure.outcome.actual)}`);
  }
}
