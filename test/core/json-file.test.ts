import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { invalidJsonLine, oneLine } from '@encore/liquid/json-file.ts';
import { loadOffers, type OffersError } from '@encore/fixtures/offers/load.ts';
import { loadStore, type StoreError } from '@encore/fixtures/load.ts';

/** What Node's JSON.parse says about `text`. */
function parseMessage(text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('parsed');
}

const lineOf = (text: string) => invalidJsonLine('store.json', text, parseMessage(text));

describe('a JSON file that does not parse', () => {
  it('is FILE:LINE:COLUMN from the position Node reports, counted from 1', () => {
    // Position 7 is the `}` after the trailing comma: line 1, column 8. Node 22 and later add the line and column.
    expect(parseMessage('{"a":1,}')).toMatch(/^Expected double-quoted property name in JSON at position 7( \(line 1 column 8\))?$/);
    expect(lineOf('{"a":1,}')).toBe('store.json:1:8: not valid JSON: Expected double-quoted property name');
    expect(lineOf('{\n  "shop": {\n    "name": "Ember",\n  }\n}\n')).toBe('store.json:4:3: not valid JSON: Expected double-quoted property name');
    // Line 3 is `  "b": 2` after `"a": 1` without its comma; the `"` of "b" is column 3.
    expect(lineOf('{\n  "a": 1\n  "b": 2\n}')).toBe("store.json:3:3: not valid JSON: Expected ',' or '}' after property value");
    expect(lineOf('[1]\nx')).toBe('store.json:2:1: not valid JSON: Unexpected non-whitespace character after JSON');
  });

  it('keeps the message when it has no position, on one line', () => {
    expect(lineOf('{ "shop": ')).toBe('store.json: not valid JSON: Unexpected end of JSON input');
    expect(lineOf('# Notes\n\nline')).toBe(`store.json: not valid JSON: Unexpected token '#', "# Notes\\n\\nline" is not valid JSON`);
  });

  it('takes the position only from the end of the message, not from the text it quotes', () => {
    expect(invalidJsonLine('a.json', '{}', `Unexpected token 'x', "x at position 1" is not valid JSON`)).toBe(
      `a.json: not valid JSON: Unexpected token 'x', "x at position 1" is not valid JSON`,
    );
    // Newer V8 adds the line and column itself; the position is still read and the addition dropped.
    expect(invalidJsonLine('a.json', '{\n,}', 'Expected double-quoted property name in JSON at position 2 (line 2 column 1)')).toBe(
      'a.json:2:1: not valid JSON: Expected double-quoted property name',
    );
  });

  it('names the line for store fixtures and offer configs alike', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'encore-json-file-'));
    const file = path.join(dir, 'broken.json');
    fs.writeFileSync(file, '{\n  "offers": [\n    { "id": "a", },\n  ]\n}\n');
    // `}` after `"a", ` on line 3: column 18.
    const line = `${file}:3:18: not valid JSON: Expected double-quoted property name`;
    expect(errorOf<OffersError>(() => loadOffers(file)).problems).toEqual([line]);
    expect(errorOf<StoreError>(() => loadStore(file)).problems).toEqual([line]);
  });
});

describe('oneLine', () => {
  it('escapes newlines, tabs and other control characters, leaving the rest as it is', () => {
    expect(oneLine('a\nb\r\n\tc')).toBe('a\\nb\\r\\n\\tc');
    expect(oneLine('\u001b[31mred\u0007')).toBe('\\u001b[31mred\\u0007');
    expect(oneLine('Ember & Wick — café ☕')).toBe('Ember & Wick — café ☕');
  });
});

function errorOf<T>(run: () => unknown): T {
  try {
    run();
  } catch (error) {
    return error as T;
  }
  throw new Error('did not throw');
}
