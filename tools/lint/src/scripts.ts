/**
 * Prettier and ESLint over a folder's TypeScript and JavaScript, with the repository's .prettierrc.json and
 * eslint.config.js: `npm run format` writes Prettier's layout, `npm run check` fails on any file Prettier would
 * change and on any ESLint message. Files the folder's .gitignore or .prettierignore exclude are left alone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import * as prettier from 'prettier';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const PRETTIER_CONFIG = path.join(ROOT, '.prettierrc.json');
const ESLINT_CONFIG = path.join(ROOT, 'eslint.config.js');
/** ESLint's cache of results by file content and config: a second `npm run check` lints only what changed. */
const ESLINT_CACHE = path.join(ROOT, 'node_modules', '.cache', 'eslint', 'results.json');

export const SCRIPT_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs'];
/** Never walked: installed packages and git's own store. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/** One thing to fix, at a place in a file: `file:line:column: message (rule)`. */
export interface Finding {
  file: string;
  line: number;
  column: number;
  message: string;
  rule: string;
}

export interface ScriptFormatResult {
  /** Every script file Prettier is responsible for (absolute paths, sorted). */
  files: string[];
  /** Files whose text differs from Prettier's, at the first line that differs. */
  unformatted: Finding[];
  /** Files Prettier could not parse, where it stopped. */
  failed: Finding[];
}

/** The ignore files that apply in dir (its own .gitignore and .prettierignore; paths in them are relative to it). */
function ignoreFiles(dir: string): string[] {
  return ['.gitignore', '.prettierignore'].map((name) => path.join(dir, name)).filter((file) => fs.existsSync(file));
}

/** Every script file under dir that neither ignore file excludes, sorted. Ignored folders are not walked. */
export async function scriptFiles(dir: string): Promise<string[]> {
  const ignorePath = ignoreFiles(dir);
  const ignored = async (file: string) => (await prettier.getFileInfo(file, { ignorePath })).ignored;
  const found: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        // A folder pattern (`build/`) ignores every file in it: asking about a file inside tells whether to walk it.
        if (!SKIPPED_FOLDERS.has(entry.name) && !(await ignored(path.join(full, 'index.ts')))) await walk(full);
      } else if (entry.isFile() && SCRIPT_EXTENSIONS.includes(path.extname(entry.name)) && !(await ignored(full))) {
        found.push(full);
      }
    }
  };
  await walk(dir);
  return found.sort();
}

/** The 1-based number of the first line where two texts differ. */
function firstDifferentLine(a: string, b: string): number {
  const left = a.split('\n');
  const right = b.split('\n');
  let index = 0;
  while (index < left.length && index < right.length && left[index] === right[index]) index += 1;
  return index + 1;
}

/** Compares (or, with write, rewrites) every script file under dir against Prettier's output. */
export async function formatScripts(dir: string, { write = false } = {}): Promise<ScriptFormatResult> {
  const result: ScriptFormatResult = { files: await scriptFiles(dir), unformatted: [], failed: [] };
  for (const file of result.files) {
    const options = { ...(await prettier.resolveConfig(file, { config: PRETTIER_CONFIG })), filepath: file };
    const source = fs.readFileSync(file, 'utf8');
    let formatted: string;
    try {
      formatted = await prettier.format(source, options);
    } catch (error) {
      const start = (error as { loc?: { start?: { line?: number; column?: number } } }).loc?.start;
      const message = String((error as Error).message)
        .split('\n')[0]
        .replace(/ \(\d+:\d+\)$/, '');
      result.failed.push({ file, line: start?.line ?? 1, column: start?.column ?? 1, message: `Prettier cannot parse it: ${message}`, rule: 'prettier' });
      continue;
    }
    if (formatted === source) continue;
    result.unformatted.push({ file, line: firstDifferentLine(source, formatted), column: 1, message: 'not formatted (run npm run format)', rule: 'prettier' });
    if (write) fs.writeFileSync(file, formatted);
  }
  return result;
}

/**
 * ESLint with the repository's eslint.config.js over the given files (by default every script file under dir).
 * Every message counts, warnings and unused `eslint-disable` comments too; a file ESLint cannot parse is one finding.
 */
export async function lintScripts(dir: string, files?: string[]): Promise<Finding[]> {
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: ESLINT_CONFIG,
    warnIgnored: false,
    errorOnUnmatchedPattern: false,
    cache: true,
    cacheLocation: ESLINT_CACHE,
    cacheStrategy: 'content',
  });
  const results = await eslint.lintFiles(files ?? (await scriptFiles(dir)));
  return results
    .flatMap((result) =>
      result.messages.map((message) => ({
        file: result.filePath,
        line: message.line ?? 1,
        column: message.column ?? 1,
        message: message.message.replace(/\s*\n\s*/g, ' '),
        rule: message.ruleId ?? (message.fatal ? 'parse error' : 'eslint'),
      })),
    )
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

/** A finding as `npm run check` prints it, the file shown by `show` (relative to the repository, say). */
export function findingLine(finding: Finding, show: (file: string) => string = (file) => file): string {
  return `${show(finding.file)}:${finding.line}:${finding.column}: ${finding.message} (${finding.rule})`;
}
