/**
 * Reading the JSON files a developer edits (store fixtures, offer configs): a
 * file that cannot be read or parsed fails with one line naming it, and every
 * later problem is listed at once, each `FILE: PATH: message`.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { lineAndColumn, withoutByteOrderMark } from './theme/json.ts';

/** A file's problems, one line each; the message lists them all. */
export class FileProblems extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
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
    throw fail(label, [oneLine(`${label}: cannot read: ${(error as Error).message}`)]);
  }
  // A byte-order mark (some Windows editors write one) is no part of the JSON: JSON.parse would call it an
  // unexpected token and quote a character nobody can see.
  text = withoutByteOrderMark(text);
  try {
    return { label, data: JSON.parse(text) };
  } catch (error) {
    throw fail(label, [invalidJsonLine(label, text, (error as Error).message)]);
  }
}

/**
 * `FILE:LINE:COLUMN: not valid JSON: reason`, the place an editor jumps to. Node's JSON.parse says where as
 * "at position N" at the end of its message (Node 22 and later add "(line L column C)"); the messages without it (`Unexpected end of JSON input`,
 * `Unexpected token '#', "# Notes"... is not valid JSON`) keep `FILE: not valid JSON: message`.
 */
export function invalidJsonLine(label: string, text: string, message: string): string {
  // Anchored at the end: the messages that quote the file's text could quote "at position 1" too. Newer V8 adds "(line L column C)".
  const position = / at position (\d+)(?: \(line \d+ column \d+\))?$/.exec(message);
  if (!position) return oneLine(`${label}: not valid JSON: ${message}`);
  const { line, column } = lineAndColumn(text, Number(position[1]));
  // "in JSON at position 350" is now the line and column; "after JSON" stays, it says what was unexpected.
  const reason = message.slice(0, position.index).replace(/ in JSON$/, '');
  return oneLine(`${label}:${line}:${column}: not valid JSON: ${reason}`);
}

const CONTROL_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Control characters escaped, so an error stays on one line and cannot steer the terminal: V8 quotes the
 * start of the text in some messages (raw newlines and all), and file names may hold anything.
 */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => CONTROL_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Paths inside the working directory print relative, like the examples in the docs. */
function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') || rel === '' ? file : rel;
}
