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

const LITERALS: Record<string, string> = { nil: 'nil', null: 'nil', '': 'nil', true: 'true', false: 'false', blank: 'blank', empty: 'empty' };

/** `Liquid::Expression.parse`: a literal, a range, or a variable lookup, as liquidjs markup. */
export function laxExpression(markup: string | undefined): string {
  if (markup === undefined) return 'nil';
  // Ruby's strip: ASCII whitespace and NUL.
  const text = markup.replace(/^[\s\0]+|[\s\0]+$/g, '');
  const quote = text[0];
  if ((quote === '"' || quote === "'") && text.endsWith(quote)) return quoted(text.slice(1, -1));
  if (/^-?\d+$/.test(text)) return text;
  const range = rangeParts(text);
  if (range) return `(${rangeEnd(range[0])}..${rangeEnd(range[1])})`;
  if (/^-?\d[\d.]+$/.test(text)) return floatOf(text);
  if (text in LITERALS) return LITERALS[text];
  return variableLookup(text);
}

/** A string literal liquidjs reads back unchanged (its literals are raw, ruby/index.ts): quoted by a quote it lacks. */
function quoted(value: string): string {
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
function variableLookup(text: string): string {
  const parts = scanLookups(text);
  if (parts.length === 0) return 'nil';
  const [name, ...lookups] = parts;
  let markup = name.startsWith('[') ? `[${laxExpression(name.slice(1, -1))}]` : isIdentifier(name) ? name : `[${quoted(name)}]`;
  for (const lookup of lookups) {
    if (lookup.startsWith('[')) markup += `[${laxExpression(lookup.slice(1, -1))}]`;
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
