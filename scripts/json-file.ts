/**
 * Reading the JSON files a developer edits (store fixtures, offer configs): a
 * file that cannot be read or parsed fails with one line naming it, and every
 * later problem is listed at once, each `FILE: PATH: message`.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

/** A file's problems, one line each; the message lists them all. */
export class FileProblems extends Error {
  constructor(readonly file: string, readonly problems: string[]) {
    super(problems.length === 1 ? problems[0] : `${file}: ${problems.length} problems\n${problems.map((line) => `  ${line}`).join('\n')}`);
  }
}

/**
 * The parsed JSON of `file` and the label its messages use (the path relative
 * to the working directory when inside it). `fail` makes the caller's error
 * from the label and the problem lines.
 */
export function readJsonFile(file: string, fail: (label: string, problems: string[]) => Error): { label: string; data: unknown } {
  const label = displayPath(file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw fail(label, [`${label}: cannot read: ${(error as Error).message}`]);
  }
  try {
    return { label, data: JSON.parse(text) };
  } catch (error) {
    throw fail(label, [`${label}: not valid JSON: ${(error as Error).message}`]);
  }
}

/** Paths inside the working directory print relative, like the examples in the docs. */
function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') || rel === '' ? file : rel;
}
