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
  const options = await extractDepcruiseOptions(rulesFile);
  const tsConfigFile = path.join(root, 'tsconfig.json');
  const tsConfig = extractTSConfig(tsConfigFile);
  const folders = CRUISED.filter((folder) => fs.existsSync(path.join(root, folder)));
  // The rules and the reported paths are relative to the root (baseDir), whatever the working directory; the
  // rules file's own tsconfig name would be read from the working directory, so it is given absolute.
  const { output } = await cruise(folders, { ...options, baseDir: root, tsConfig: { fileName: tsConfigFile }, outputType: 'json' }, undefined, { tsConfig });
  const result = (typeof output === 'string' ? JSON.parse(output) : output) as ICruiseResult;
  const lines = result.summary.violations.map((violation) => `${violation.from} → ${violation.to}: ${violation.rule.name} (${violation.rule.severity})`);
  const { totalCruised, totalDependenciesCruised, error } = result.summary;
  lines.push(`dependency rules: ${totalCruised} modules, ${totalDependenciesCruised} imports, ${error} broken (rules: ${path.relative(root, rulesFile)})`);
  return { ok: error === 0, lines };
}
