/**
 * The layer rules of `.dependency-cruiser.cjs`, as a step of `npm run check`: every import of the shipped code,
 * the tools and the tests is resolved and held to the arrows the folders show.
 */
import fs from 'node:fs';
import path from 'node:path';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { besideModule } from '@encore/liquid/paths.ts';
import type { StepResult } from './foreign-theme-check.ts';

const ROOT = besideModule(import.meta.url, '../../..');
export const RULES_FILE = path.join(ROOT, '.dependency-cruiser.cjs');
const CRUISED = ['packages', 'tools', 'app', 'extensions', 'test'];

/**
 * Cruises the folders of `root` (the repository by default) under the rules file; one line per broken rule,
 * naming the importing file, the imported one and the rule.
 */
export async function dependencyRules({ root = ROOT, rulesFile = RULES_FILE } = {}): Promise<StepResult> {
  const cwd = process.cwd();
  // dependency-cruiser reports paths relative to the working directory, and the rules are written from the root.
  process.chdir(root);
  try {
    const options = await extractDepcruiseOptions(rulesFile);
    const tsConfig = extractTSConfig(path.join(root, 'tsconfig.json'));
    const folders = CRUISED.filter((folder) => fs.existsSync(path.join(root, folder)));
    const { output } = await cruise(folders, { ...options, outputType: 'json' }, undefined, { tsConfig });
    const result = (typeof output === 'string' ? JSON.parse(output) : output) as ICruiseResult;
    const lines = result.summary.violations.map((violation) => `${violation.from} → ${violation.to}: ${violation.rule.name} (${violation.rule.severity})`);
    const { totalCruised, totalDependenciesCruised, error } = result.summary;
    lines.push(`dependency rules: ${totalCruised} modules, ${totalDependenciesCruised} imports, ${error} broken (rules: ${path.relative(root, rulesFile)})`);
    return { ok: error === 0, lines };
  } finally {
    process.chdir(cwd);
  }
}
