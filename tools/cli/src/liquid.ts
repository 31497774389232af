import { runCli, UsageError } from './run.ts';
import { createLiquid } from '@encore/liquid/liquid.ts';
import { coverage } from '@encore/liquid/coverage.ts';

const USAGE = `Usage: npm run liquid -- coverage

coverage  how many of the filters and tags in Shopify's Liquid reference the engine emulates, and which not yet`;

runCli(() => {
  const [command] = process.argv.slice(2);
  if (command !== 'coverage') throw new UsageError(command ? `unknown command '${command}'` : 'a command is required');
  for (const report of coverage(createLiquid())) {
    const percent = ((100 * report.emulated.length) / report.documented).toFixed(1);
    process.stdout.write(`${report.kind}: ${report.emulated.length} of ${report.documented} documented ${report.kind} work (${percent}%)\n`);
    if (report.missing.length) {
      const marked = report.missing.map((n) => (report.deprecatedMissing.includes(n) ? `${n} (deprecated)` : n));
      process.stdout.write(`  not emulated yet: ${marked.join(', ')}\n`);
    }
  }
}, USAGE);
