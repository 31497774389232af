import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { themeCheckRun } from '@shopify/theme-check-node';
import { runCli } from './run.ts';

const ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const SEVERITY = ['error', 'warning', 'info'] as const;

/**
 * `npm run check`: the TypeScript type check and Shopify's theme-check on theme/
 * (recommended config). Any type error, theme-check error or warning fails it.
 */
runCli(async () => {
  const failures = [typecheck(), await themeCheck()].filter((ok) => !ok).length;
  process.stdout.write(failures ? `check: ${failures} step(s) failed\n` : 'check: all passed\n');
  if (failures) process.exitCode = 1;
}, 'Usage: npm run check');

function typecheck(): boolean {
  const tsc = path.join(ROOT, 'node_modules', '.bin', 'tsc');
  const result = spawnSync(tsc, ['-p', path.join(ROOT, 'tsconfig.json')], { encoding: 'utf8' });
  const output = `${result.stdout}${result.stderr}`.trim();
  if (output) process.stdout.write(`${output}\n`);
  const ok = result.status === 0;
  process.stdout.write(`typecheck: ${ok ? 'no errors' : 'failed'}\n`);
  return ok;
}

async function themeCheck(): Promise<boolean> {
  const themeDir = path.join(ROOT, 'theme');
  // theme-check logs its attempts to download fresh docs; offline it uses its bundled copy, which is what we pin.
  const run = await themeCheckRun(themeDir, undefined, () => {});
  const offenses = run.offenses.filter((o) => o.severity < 2);
  for (const offense of offenses) {
    const file = path.relative(ROOT, fileURLToPath(offense.uri));
    process.stdout.write(`${file}:${offense.start.line + 1}: ${SEVERITY[offense.severity]} [${offense.check}] ${offense.message}\n`);
  }
  const errors = offenses.filter((o) => o.severity === 0).length;
  const warnings = offenses.length - errors;
  process.stdout.write(`theme-check: ${errors} errors, ${warnings} warnings\n`);
  return offenses.length === 0;
}
