import { ThemeError } from '../errors.ts';

/** The text without the byte-order mark a UTF-8 file may start with (some Windows editors write one). */
export const withoutByteOrderMark = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/**
 * Parses a theme JSON file. Shopify allows a leading block comment in JSON
 * templates and settings (the admin writes one), so block comments outside
 * strings are blanked first; errors name the file, line and column.
 */
export function parseThemeJson(source: string, file: string): unknown {
  const text = blankComments(withoutByteOrderMark(source));
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const { line, column } = position ? lineAndColumn(text, Number(position[1])) : { line: undefined, column: undefined };
    const reason = message.replace(/ in JSON at position \d+.*$/s, '').replace(/^JSON\.parse: /, '');
    throw new ThemeError(file, line, `invalid JSON${column ? ` (column ${column})` : ''}: ${reason}`);
  }
}

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

function blankComments(source: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (inString) {
      out += c;
      if (c === '\\') out += source[++i] ?? '';
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (c === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? source.length : end + 2;
      out += source.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop - 1;
    } else {
      out += c;
    }
  }
  return out;
}
