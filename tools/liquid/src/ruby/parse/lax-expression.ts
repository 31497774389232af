/**
 * Ruby Liquid's lax reading of markup (its regular expressions and `Liquid::Expression.parse`), giving back the
 * same meaning in the markup liquidjs reads. Lax mode rewrites only the markups Ruby's strict parser refuses
 * (lax-rewrite.ts), so what a valid template means never depends on this file.
 */
const QUOTED_STRING = String.raw`"[^"]*"|'[^']*'`;
/** Ruby's `QuotedFragment`: a quoted string, or a run of anything but whitespace, `,`, `|` and quotes, quotes allowed within. */
export const QUOTED_FRAGMENT = String.raw`(?:${QUOTED_STRING}|(?:[^\s,|'"]|${QUOTED_STRING})+)`;
/** Ruby's `TagAttributes`: `key: value`. */
export const TAG_ATTRIBUTES = new RegExp(String.raw`(\w[\w-]*)\s*:\s*(${QUOTED_FRAGMENT})`, 'g');
/** Ruby's `VariableSignature` run (assign's and capture's target). */
export const VARIABLE_SIGNATURE = String.raw`(?:\(?[\w\-.[\]]\)?)+`;
const SIGNATURE_CHARACTER = /[\w\-.[\]()]/;
const WHOLE_SIGNATURE = new RegExp(`^${VARIABLE_SIGNATURE}$`);

/**
 * `assign`'s markup as Ruby's `(VariableSignature+)\s*=\s*(.*)` splits it, found by hand: the regular expression,
 * unanchored, takes time growing with the square of a long markup that has no match.
 */
export function assignParts(markup: string): { target: string; value: string } | undefined {
  for (let equals = markup.indexOf('='); equals >= 0; equals = markup.indexOf('=', equals + 1)) {
    let end = equals;
    while (end > 0 && /\s/.test(markup[end - 1])) end -= 1;
    let start = end;
    while (start > 0 && SIGNATURE_CHARACTER.test(markup[start - 1])) start -= 1;
    // Parentheses only wrap a character (`(a)`): a run they break is matched from the first place it can be.
    for (let from = start; from < Math.min(end, start + 3); from++) {
      const target = markup.slice(from, end);
      if (WHOLE_SIGNATURE.test(target)) return { target, value: markup.slice(equals + 1).replace(/^\s+/, '') };
    }
  }
  return undefined;
}

/** Ruby's `(\w+)\s+in\s+(…)` of a loop, found by hand for the same reason: the word before the first ` in `. */
export function loopParts(markup: string): { variable: string; collection: string } | undefined {
  for (const match of markup.matchAll(/\sin\s/g)) {
    let end = match.index;
    while (end > 0 && /\s/.test(markup[end - 1])) end -= 1;
    let start = end;
    while (start > 0 && /\w/.test(markup[start - 1])) start -= 1;
    if (start < end) return { variable: markup.slice(start, end), collection: markup.slice(match.index + match[0].length).replace(/^\s+/, '') };
  }
  return undefined;
}

const MAX_DEPTH = 100;

const LITERALS: Record<string, string> = { nil: 'nil', null: 'nil', '': 'nil', true: 'true', false: 'false', blank: 'blank', empty: 'empty' };

/** `Liquid::Expression.parse`: a literal, a range, or a variable lookup, as liquidjs markup. */
export function laxExpression(markup: string | undefined, depth = 0): string {
  // Brackets nested past any real template's read as nil rather than exhaust the stack.
  if (markup === undefined || depth > MAX_DEPTH) return 'nil';
  // Ruby's strip: ASCII whitespace and NUL.
  const text = markup.replace(/^[\s\0]+|[\s\0]+$/g, '');
  const quote = text[0];
  if ((quote === '"' || quote === "'") && text.endsWith(quote)) return quoted(text.slice(1, -1));
  if (/^-?\d+$/.test(text)) return text;
  const range = rangeParts(text);
  if (range) return `(${rangeEnd(range[0])}..${rangeEnd(range[1])})`;
  if (/^-?\d[\d.]+$/.test(text)) return floatOf(text);
  if (Object.hasOwn(LITERALS, text)) return LITERALS[text];
  return variableLookup(text, depth);
}

/** A string literal liquidjs reads back unchanged (its literals are raw, ruby/index.ts): quoted by a quote it lacks. */
export function quoted(value: string): string {
  return value.includes("'") ? `"${value}"` : `'${value}'`;
}

/**
 * Ruby's `RANGES_REGEX`, `\A\(\s*(?>(\S+)\s*\.\.)\s*(\S+)\s*\)\z`: the start is the longest run of non-space
 * followed by `..`, taken once (the group is atomic); the end is what is left.
 */
function rangeParts(text: string): [string, string] | undefined {
  const open = /^\(\s*/.exec(text);
  if (!open) return undefined;
  const rest = text.slice(open[0].length);
  const run = /^\S+/.exec(rest)?.[0] ?? '';
  for (let length = run.length; length > 0; length--) {
    const after = /^\s*\.\./.exec(rest.slice(length));
    if (!after) continue;
    const end = /^\s*(\S+)\s*\)$/.exec(rest.slice(length + after[0].length));
    return end ? [rest.slice(0, length), end[1]] : undefined;
  }
  return undefined;
}

/** A literal range bound is an Integer (Ruby's `to_i`); a variable is read when the range is. */
function rangeEnd(markup: string): string {
  const value = laxExpression(markup);
  return /^-?\d+\.\d+$/.test(value) ? String(Math.trunc(Number(value))) : value;
}

/** Ruby's `String#to_f` of a digits-and-dots run: the longest number at its start (`0.....5` is 0.0). */
function floatOf(text: string): string {
  const [, whole, fraction] = /^(-?\d+)(?:\.(\d+))?/.exec(text)!;
  return `${whole}.${fraction ?? '0'}`;
}

/**
 * `Liquid::VariableLookup`: the name and lookups Ruby's `VariableParser` scans (`[…]` with nesting, or a word with
 * an optional `?`); anything else between them is skipped, as Ruby's scan skips it.
 */
function variableLookup(text: string, depth: number): string {
  const parts = scanLookups(text);
  if (parts.length === 0) return 'nil';
  const [name, ...lookups] = parts;
  let markup = name.startsWith('[') ? `[${laxExpression(name.slice(1, -1), depth + 1)}]` : isIdentifier(name) ? name : `[${quoted(name)}]`;
  for (const lookup of lookups) {
    if (lookup.startsWith('[')) markup += `[${laxExpression(lookup.slice(1, -1), depth + 1)}]`;
    else markup += isIdentifier(lookup) ? `.${lookup}` : `[${quoted(lookup)}]`;
  }
  return markup;
}

function isIdentifier(word: string): boolean {
  return /^[A-Za-z_][\w-]*$/.test(word);
}

function scanLookups(text: string): string[] {
  const parts: string[] = [];
  let at = 0;
  while (at < text.length) {
    if (text[at] === '[') {
      const close = balancedClose(text, at);
      if (close > 0) {
        parts.push(text.slice(at, close + 1));
        at = close + 1;
        continue;
      }
    }
    const word = /^[\w-]+\??/.exec(text.slice(at));
    if (word) {
      parts.push(word[0]);
      at += word[0].length;
    } else at += 1;
  }
  return parts;
}

/** Where the `]` closing the `[` at `open` is, nested brackets balanced, or -1. */
function balancedClose(text: string, open: number): number {
  let depth = 0;
  for (let at = open; at < text.length; at++) {
    if (text[at] === '[') depth += 1;
    else if (text[at] === ']' && --depth === 0) return at;
  }
  return -1;
}
