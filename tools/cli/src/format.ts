import fs from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';
import { runThemeCommand } from './run.ts';
import { besideModule } from '@encore/liquid/paths.ts';
import { findingLine, formatScripts } from '@encore/lint/scripts.ts';

const ROOT = besideModule(import.meta.url, '../../..');
/** The repository's Prettier config and ignore files apply to any theme folder, ours or one given with --theme. */
const CONFIG_FILE = path.join(ROOT, '.prettierrc.json');
const IGNORE_FILES = [path.join(ROOT, '.gitignore'), path.join(ROOT, '.prettierignore')];

const USAGE = `Usage: npm run format [-- --theme DIR]

Formats every Liquid file of the theme (theme/ by default) with Prettier and
@shopify/prettier-plugin-liquid, and the repository's TypeScript and JavaScript
with Prettier, using .prettierrc.json and skipping what .gitignore and
.prettierignore list. Prints each file it rewrites.`;

export interface FormatResult {
  /** Every Liquid file Prettier is responsible for (absolute paths, sorted). */
  files: string[];
  /** Files whose text differs from Prettier's. */
  unformatted: string[];
  /** Files Prettier could not parse, with its message. */
  failed: { file: string; message: string }[];
}

/** Every `*.liquid` file under themeDir that .prettierignore does not exclude. */
export async function liquidFiles(themeDir: string): Promise<string[]> {
  const all = (fs.readdirSync(themeDir, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((name) => name.endsWith('.liquid') && !name.split(path.sep).includes('node_modules'))
    .map((name) => path.join(themeDir, name))
    .sort();
  const kept: string[] = [];
  for (const file of all) {
    const info = await prettier.getFileInfo(file, { ignorePath: IGNORE_FILES });
    if (!info.ignored) kept.push(file);
  }
  return kept;
}

/**
 * Compares (or, with write, rewrites) every Liquid file of themeDir against Prettier's output.
 * A file Prettier cannot parse lands in `failed`; theme-check names its syntax error.
 */
export async function formatTheme(themeDir: string, { write = false } = {}): Promise<FormatResult> {
  const result: FormatResult = { files: await liquidFiles(themeDir), unformatted: [], failed: [] };
  for (const file of result.files) {
    const options = { ...(await prettier.resolveConfig(file, { config: CONFIG_FILE })), filepath: file };
    const source = fs.readFileSync(file, 'utf8');
    let formatted: string;
    try {
      formatted = await prettier.format(source, options);
    } catch (error) {
      result.failed.push({ file, message: String((error as Error).message).split('\n')[0] });
      continue;
    }
    if (formatted === source) continue;
    result.unformatted.push(file);
    if (write) fs.writeFileSync(file, formatted);
  }
  return result;
}

/** A path as people see it in this repository's output: relative to the root when inside it. */
export function displayPath(file: string): string {
  const relative = path.relative(ROOT, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

runThemeCommand(import.meta.url, USAGE, path.join(ROOT, 'theme'), async (themeDir) => {
  const { files, unformatted, failed } = await formatTheme(themeDir, { write: true });
  for (const file of unformatted) process.stdout.write(`${displayPath(file)}: formatted\n`);
  for (const { file, message } of failed) process.stdout.write(`${displayPath(file)}: cannot format: ${message}\n`);
  process.stdout.write(`format: ${files.length} Liquid files, ${unformatted.length} rewritten, ${failed.length} failed\n`);
  const scripts = await formatScripts(ROOT, { write: true });
  for (const { file } of scripts.unformatted) process.stdout.write(`${displayPath(file)}: formatted\n`);
  for (const finding of scripts.failed) process.stdout.write(`${findingLine(finding, displayPath)}\n`);
  process.stdout.write(
    `format: ${scripts.files.length} TypeScript and JavaScript files, ${scripts.unformatted.length} rewritten, ${scripts.failed.length} failed\n`,
  );
  if (failed.length || scripts.failed.length) process.exitCode = 1;
});
