import fs from 'node:fs';
import path from 'node:path';
import { themeCheckRun } from '@shopify/theme-check-node';
import { runThemeCommand } from './run.ts';
import { displayPath, formatTheme } from './format.ts';
import { foreignThemeCheck, offenseLines, type StepResult } from './foreign-theme-check.ts';
import { typecheck } from './typecheck.ts';
import { dependencyRules } from './dependency-rules.ts';
import {
  build,
  BUNDLE_BUDGET_BYTES,
  BUNDLE_BUDGETS_BY_HANDLE,
  bundleBudgetFor,
  extensionHandles,
  kilobytes,
  SHOPIFY_BUNDLE_LIMIT_BYTES,
  type BundleSize,
} from './build.ts';
import { besideModule } from '@encore/liquid/paths.ts';
import { findingLine, formatScripts, lintScripts } from '@encore/lint/scripts.ts';

const ROOT = besideModule(import.meta.url, '../../..');
/** Encore's own theme: the one held to the house rules. */
const OWN_THEME = path.join(ROOT, 'theme');

/** The issue's CSS budget: 12 KB (12,288 bytes) for each stylesheet the customer pages load. */
export const CSS_BUDGET_BYTES = 12 * 1024;

const USAGE = `Usage: npm run check [-- --theme DIR]

The TypeScript type check, the layer rules of .dependency-cruiser.cjs, Prettier
formatting and ESLint (eslint.config.js) of the TypeScript and JavaScript (one
file:line:column line each; fix the layout with: npm run format), then on Encore's theme (theme/, the default):
theme-check (recommended config plus Encore's checks in tools/theme-check/src/),
Prettier formatting of every Liquid file (fix with: npm run format), and the
CSS budget of ${CSS_BUDGET_BYTES.toLocaleString('en-US')} bytes per stylesheet; then builds the extensions
(npm run build) and holds each Preact extension to ${BUNDLE_BUDGET_BYTES / 1024} KB compressed, the thank-you
block to ${BUNDLE_BUDGETS_BY_HANDLE['encore-thank-you'] / 1024} KB (others to Shopify's ${SHOPIFY_BUNDLE_LIMIT_BYTES / 1024} KB); compressed is zlib deflate of
the built file, as Shopify counts its limit. Any type error, ESLint message, theme-check
error or warning, unformatted file, stylesheet or bundle over budget fails it.

Any other --theme DIR is held to its own rules, not Encore's: theme-check with
its .theme-check.yml (the recommended config when it has none), plus Encore's
CustomerOrdersPageSize where Encore's sections are in it (sections/encore-*);
theme-check errors fail, warnings are shown; no format check, no CSS budget.`;

export type { StepResult } from './foreign-theme-check.ts';

/** One step of the check: its name, and what it found (the lines it prints, and whether it passed). */
export interface Step {
  name: string;
  run: () => Promise<StepResult> | StepResult;
}

/** Encore's theme gets the house rules; any other theme its own theme-check config and nothing of Encore's style. */
export function checkSteps(folder: string): Step[] {
  // theme-check finds no files under a relative root: every step gets the absolute folder.
  const themeDir = path.resolve(folder);
  const theme: Step[] =
    themeDir === OWN_THEME
      ? [
          { name: 'theme-check', run: () => themeCheck(themeDir) },
          { name: 'format', run: () => formatCheck(themeDir) },
          { name: 'css budget', run: () => cssBudget(themeDir) },
        ]
      : [{ name: 'theme-check', run: () => foreignThemeCheck(themeDir) }];
  return [
    { name: 'typecheck', run: typecheck },
    { name: 'dependency rules', run: () => dependencyRules() },
    { name: 'lint', run: () => scriptCheck() },
    ...theme,
    { name: 'bundles', run: extensionBudget },
  ];
}

runThemeCommand(import.meta.url, USAGE, OWN_THEME, async (themeDir) => {
  let failures = 0;
  for (const step of checkSteps(themeDir)) {
    const { ok, lines } = await step.run();
    for (const line of lines) process.stdout.write(`${line}\n`);
    if (!ok) failures += 1;
  }
  process.stdout.write(failures ? `check: ${failures} step(s) failed\n` : 'check: all passed\n');
  if (failures) process.exitCode = 1;
});

/**
 * Every TypeScript and JavaScript file under dir (the repository by default) exactly as Prettier writes it, and
 * no ESLint message: one `file:line:column: message (rule)` line per finding, by file and line.
 */
export async function scriptCheck(dir = ROOT): Promise<StepResult> {
  const { files, unformatted, failed } = await formatScripts(dir);
  // A file Prettier cannot parse is one finding; ESLint's parser would only say it again.
  const unparsable = new Set(failed.map((finding) => finding.file));
  const messages = await lintScripts(
    dir,
    files.filter((file) => !unparsable.has(file)),
  );
  const findings = [...unformatted, ...failed, ...messages].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  const lines = findings.map((finding) => findingLine(finding, displayPath));
  const notParsed = failed.length ? `, ${failed.length} unparsable` : '';
  lines.push(`lint: ${files.length} TypeScript and JavaScript files, ${unformatted.length} not formatted${notParsed}, ${messages.length} ESLint messages`);
  return { ok: findings.length === 0, lines };
}

/**
 * Shopify's theme-check with the theme's own `.theme-check.yml` (found in themeDir), which extends the
 * recommended config and requires Encore's checks. Errors and warnings fail; infos are not shown.
 */
export async function themeCheck(themeDir: string): Promise<StepResult> {
  // theme-check logs its attempts to download fresh docs; offline it uses its bundled copy, which is what we pin.
  const run = await themeCheckRun(themeDir, undefined, () => {});
  const { lines, errors, warnings } = offenseLines(run.offenses);
  const config = `theme-check config: ${displayPath(path.join(themeDir, '.theme-check.yml'))} (Encore's house rules: errors and warnings fail)`;
  return { ok: errors + warnings === 0, lines: [config, ...lines] };
}

/** Every Liquid file .prettierignore does not exclude must be exactly what `npm run format` would write. */
export async function formatCheck(themeDir: string): Promise<StepResult> {
  const { files, unformatted, failed } = await formatTheme(themeDir);
  const lines = [
    ...unformatted.map((file) => `${displayPath(file)}: not formatted (run npm run format)`),
    ...failed.map(({ file, message }) => `${displayPath(file)}: Prettier cannot parse it: ${message}`),
    `format: ${files.length} Liquid files, ${unformatted.length} not formatted${failed.length ? `, ${failed.length} unparsable` : ''}`,
  ];
  return { ok: unformatted.length === 0 && failed.length === 0, lines };
}

/**
 * The CSS budget. Each `assets/*.css` (and `*.css.liquid`) file is one stylesheet. The CSS inside
 * `{% stylesheet %}` tags of sections, snippets and blocks is another: Shopify serves it as one
 * `styles.css` per page, holding (since April 2026's subsetting) only the files that page renders, so
 * the sum over every file is the most any page can get and is what the budget holds. Each must stay
 * within CSS_BUDGET_BYTES (UTF-8 bytes as written). Prints every size, so growth shows before it fails.
 */
export function cssBudget(themeDir: string, budget = CSS_BUDGET_BYTES): StepResult {
  const lines: string[] = [];
  let over = 0;
  const judge = (label: string, bytes: number) => {
    const fits = bytes <= budget;
    if (!fits) over += 1;
    lines.push(`${label}: ${bytes.toLocaleString('en-US')} bytes${fits ? '' : `, over the budget by ${(bytes - budget).toLocaleString('en-US')}`}`);
  };

  for (const file of filesIn(path.join(themeDir, 'assets'), (name) => name.endsWith('.css') || name.endsWith('.css.liquid'))) {
    judge(`css: ${displayPath(file)}`, fs.statSync(file).size);
  }

  let bundle = 0;
  let tags = 0;
  for (const folder of ['sections', 'snippets', 'blocks']) {
    for (const file of filesIn(path.join(themeDir, folder), (name) => name.endsWith('.liquid'))) {
      const css = stylesheetTags(fs.readFileSync(file, 'utf8'));
      if (css.length === 0) continue;
      const bytes = css.reduce((sum, body) => sum + Buffer.byteLength(body, 'utf8'), 0);
      lines.push(`css: {% stylesheet %} in ${displayPath(file)}: ${bytes.toLocaleString('en-US')} bytes`);
      bundle += bytes;
      tags += css.length;
    }
  }
  if (tags > 0) judge("css: {% stylesheet %} total (the most one page's styles.css can hold)", bundle);

  lines.push(`css budget: ${budget.toLocaleString('en-US')} bytes per stylesheet, ${over === 0 ? 'all within' : `${over} over`}`);
  return { ok: over === 0, lines };
}

/** Builds every extension (npm run build, which writes build/bundle-report.json) and holds each to the bundle budget. */
export async function extensionBudget(): Promise<StepResult> {
  let sizes: BundleSize[];
  try {
    sizes = await build();
  } catch (error) {
    return { ok: false, lines: [(error as Error).message, 'bundles: build failed'] };
  }
  const types = new Map(extensionHandles().map((extension) => [extension.handle, extension.type]));
  return bundleBudget(sizes, (handle) => bundleBudgetFor(types.get(handle) ?? 'ui_extension', handle));
}

/** Each extension's compressed size against its budget (Encore's 20 KB for Preact extensions, 16 KB for the thank-you block, Shopify's 64 KB else). */
export function bundleBudget(sizes: BundleSize[], budgetOf: (handle: string) => number = () => BUNDLE_BUDGET_BYTES): StepResult {
  const over = sizes.filter((size) => size.compressed > budgetOf(size.handle));
  const lines = sizes.map(({ handle, raw, compressed }) => {
    const budget = budgetOf(handle);
    return `bundle: ${handle}: ${kilobytes(raw)} raw, ${kilobytes(compressed)} compressed of ${kilobytes(budget)}${compressed > budget ? `, over the budget by ${kilobytes(compressed - budget)}` : ''}`;
  });
  lines.push(`bundle budget: ${over.length ? `${over.length} over` : 'all within'}`);
  return { ok: over.length === 0, lines };
}

/** The bodies of every `{% stylesheet %}…{% endstylesheet %}` (whitespace-control dashes allowed). */
export function stylesheetTags(source: string): string[] {
  const bodies: string[] = [];
  for (const match of source.matchAll(/\{%-?\s*stylesheet\s*-?%\}([\s\S]*?)\{%-?\s*endstylesheet\s*-?%\}/g)) bodies.push(match[1]);
  return bodies;
}

function filesIn(dir: string, keep: (name: string) => boolean): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter(keep)
    .sort()
    .map((name) => path.join(dir, name));
}
