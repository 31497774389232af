import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultSpecsDir, loadSuites } from '@encore/liquid/liquid-spec/load.ts';
import { MISSING_FEATURES } from '@encore/liquid/liquid-spec/features.ts';
import { runSuite, SUITE_GOALS, meetsGoal, type SuiteReport } from '@encore/liquid/liquid-spec/suite-report.ts';

const { values } = parseArgs({
  options: {
    specs: { type: 'string' },
    verbose: { type: 'boolean', default: false },
    suite: { type: 'string' },
  },
});

const repoRoot = resolve(import.meta.dirname, '..', '..');
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
process.exitCode = reports.every(meetsGoal) ? 0 : 1;

function suiteLine(r: SuiteReport): string {
  const goal = SUITE_GOALS[r.suite];
  const verdict = goal ? (meetsGoal(r) ? 'ok' : `BELOW GOAL (≥${goal.minPassRate}% passing, ≤${goal.maxSkipRate}% skipped)`) : '';
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
