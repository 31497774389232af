/**
 * Whether a folder can serve the customer pages, checked when `--theme` is read: a wrong folder then fails at
 * start with one line, instead of the studio starting and every page answering 500. Imports nothing heavy, so
 * `npm start` runs it before printing its URL.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ThemeError } from '../errors.ts';

/** The templates the studio and `npm run render` render; each may be JSON or Liquid, as on Shopify. */
const CUSTOMER_TEMPLATES = ['customers/account', 'customers/order'];

/** A ThemeError `DIR: not a theme: …` naming what is missing; `dir` is shown as the user typed it. */
export function checkThemeDir(dir: string): void {
  const problem = themeDirProblem(path.resolve(dir));
  if (problem) throw new ThemeError(dir, undefined, `not a theme: ${problem}`);
}

function themeDirProblem(dir: string): string | undefined {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'no such folder' : `cannot read: ${(error as Error).message}`;
  }
  if (!stat.isDirectory()) return 'a file, not a folder';
  const missing = CUSTOMER_TEMPLATES.filter((name) => !['json', 'liquid'].some((ext) => fs.existsSync(path.join(dir, 'templates', `${name}.${ext}`))));
  return missing.length ? missing.map((name) => `no templates/${name}.json or .liquid`).join(', ') : undefined;
}
