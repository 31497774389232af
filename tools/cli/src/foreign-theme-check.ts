/**
 * theme-check on a theme that is not Encore's own (`npm run check -- --theme DIR`): the theme is held to its
 * own `.theme-check.yml` (theme-check's recommended config when it has none), as `shopify theme check` would
 * hold it, never to Encore's house rules. Encore's `CustomerOrdersPageSize` joins only where Encore's sections
 * are in the theme (files named `encore-*` in its `sections/`), since it is about those sections' paginate.
 * Errors fail the step and warnings are shown, as with `shopify theme check`'s default fail level.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { themeCheckRun, type Offense } from '@shopify/theme-check-node';
import { besideModule } from '@encore/liquid/paths.ts';
import { displayPath } from './format.ts';

/** Encore's own checks, as `theme/.theme-check.yml` requires them. */
const ENCORE_CHECKS = besideModule(import.meta.url, '../../theme-check/src/index.cjs');
const SEVERITY = ['error', 'warning', 'info'] as const;

export interface StepResult {
  ok: boolean;
  lines: string[];
}

/** The `encore-*` files in the theme's `sections/`: where Encore's sections were added. */
export function encoreSectionsIn(themeDir: string): string[] {
  const dir = path.join(themeDir, 'sections');
  return fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((name) => name.startsWith('encore-'))
        .sort()
    : [];
}

/** The config theme-check runs with, and the line that says which it is. */
interface ChosenConfig {
  /** A config file for themeCheckRun; undefined lets theme-check find the theme's own or fall back to recommended. */
  file?: string;
  says: string;
  dispose(): void;
}

export function foreignConfig(themeDir: string): ChosenConfig {
  const own = path.join(themeDir, '.theme-check.yml');
  const hasOwn = fs.existsSync(own);
  const base = hasOwn ? `${displayPath(own)} (the theme's own)` : 'theme-check:recommended (the theme has no .theme-check.yml)';
  const sections = encoreSectionsIn(themeDir);
  if (sections.length === 0) {
    return { says: `theme-check config: ${base}; no Encore sections (sections/encore-*), so not Encore's CustomerOrdersPageSize`, dispose() {} };
  }
  // A config of Encore's that extends the theme's: the theme's settings stand, Encore's check is added. Only the
  // config theme-check is given extends the recommended one by default, so when the theme's own does not say what it
  // extends (Dawn's does not), this one names the recommended config first, as theme-check would have.
  const extendsOwn = hasOwn && /^extends\s*:/m.test(fs.readFileSync(own, 'utf8'));
  const bases = hasOwn ? (extendsOwn ? [own] : ['theme-check:recommended', own]) : ['theme-check:recommended'];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'encore-theme-check-'));
  const file = path.join(dir, '.theme-check.yml');
  fs.writeFileSync(
    file,
    [
      'extends:',
      ...bases.map((entry) => `  - ${JSON.stringify(entry)}`),
      'require:',
      `  - ${JSON.stringify(ENCORE_CHECKS)}`,
      'CustomerOrdersPageSize:',
      '  enabled: true',
      '',
    ].join('\n'),
  );
  return {
    file,
    says: `theme-check config: ${base}, plus Encore's CustomerOrdersPageSize for its sections (${sections.map((name) => `sections/${name}`).join(', ')})`,
    dispose: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** theme-check with the theme's own config; errors fail, warnings are shown, infos are not. */
export async function foreignThemeCheck(themeDir: string): Promise<StepResult> {
  const config = foreignConfig(themeDir);
  try {
    // theme-check logs its attempts to download fresh docs; offline it uses its bundled copy.
    const run = await themeCheckRun(themeDir, config.file, () => {});
    const { lines, errors } = offenseLines(run.offenses);
    return { ok: errors === 0, lines: [config.says, ...lines] };
  } finally {
    config.dispose();
  }
}

/** One line per error or warning (`file:line: severity [Check] message`), then the totals. */
export function offenseLines(offenses: Offense[]): { lines: string[]; errors: number; warnings: number } {
  const shown = offenses.filter((o) => o.severity < 2);
  const lines = shown.map((o) => `${displayPath(fileURLToPath(o.uri))}:${o.start.line + 1}: ${SEVERITY[o.severity]} [${o.check}] ${o.message}`);
  const errors = shown.filter((o) => o.severity === 0).length;
  lines.push(`theme-check: ${errors} errors, ${shown.length - errors} warnings`);
  return { lines, errors, warnings: shown.length - errors };
}
