/**
 * The lint step of `npm run check` (Prettier's layout and ESLint over the TypeScript and JavaScript) and the
 * script half of `npm run format`, on throwaway folders: each finding names its file, line and column.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scriptCheck } from '@encore/cli/check.ts';
import { formatScripts, lintScripts, scriptFiles } from '@encore/lint/scripts.ts';
import { tempThemes } from '../support/temp-theme.ts';

const temps = tempThemes('encore-lint-');
afterAll(temps.cleanup);

// Written as .prettierrc.json lays TypeScript out: single quotes, semicolons, trailing commas.
const TIDY = "export const greeting = (name: string) => `Hello, ${name}`;\n\nexport const names = ['Ada', 'Grace'];\n";
// Line 3 has double quotes and no semicolon; everything above it is already Prettier's.
const UNTIDY = 'export const one = 1;\n\nexport const two = "two"\n';
// A `let` never reassigned (prefer-const) on line 2, `any` (no-explicit-any) on line 3 at column 32.
const FLAWED =
  'export function total(prices: number[]): number {\n  let sum = 0;\n  const rate = 1 as unknown as any;\n  return prices.reduce((a, b) => a + b, sum) * rate;\n}\n';

describe('npm run check: the lint step', () => {
  it('names the unformatted file at its first line Prettier would change, and each ESLint message at its place', async () => {
    const dir = temps.make({ 'src/tidy.ts': TIDY, 'src/untidy.ts': UNTIDY, 'src/flawed.ts': FLAWED });
    const { ok, lines } = await scriptCheck(dir);
    expect(ok).toBe(false);
    expect(lines).toEqual([
      `${path.join(dir, 'src/flawed.ts')}:2:7: 'sum' is never reassigned. Use 'const' instead. (prefer-const)`,
      `${path.join(dir, 'src/flawed.ts')}:3:32: Unexpected any. Specify a different type. (@typescript-eslint/no-explicit-any)`,
      `${path.join(dir, 'src/untidy.ts')}:3:1: not formatted (run npm run format) (prettier)`,
      'lint: 3 TypeScript and JavaScript files, 1 not formatted, 2 ESLint messages',
    ]);
  });

  it('passes a folder whose scripts are formatted and clean', async () => {
    const dir = temps.make({ 'src/tidy.ts': TIDY, 'tools/run.cjs': "'use strict';\n\nconst fs = require('node:fs');\n\nmodule.exports = { fs };\n" });
    expect(await scriptCheck(dir)).toEqual({ ok: true, lines: ['lint: 2 TypeScript and JavaScript files, 0 not formatted, 0 ESLint messages'] });
  });

  it('reports a file Prettier cannot parse once, where the parse stops', async () => {
    const dir = temps.make({ 'broken.ts': 'export const x = {;\n', 'tidy.ts': TIDY });
    expect(await scriptCheck(dir)).toEqual({
      ok: false,
      lines: [
        `${path.join(dir, 'broken.ts')}:1:19: Prettier cannot parse it: Property assignment expected. (prettier)`,
        'lint: 2 TypeScript and JavaScript files, 0 not formatted, 1 unparsable, 0 ESLint messages',
      ],
    });
  });
});

describe('which files are scripts', () => {
  it('takes .ts, .tsx, .mts, .cts, .js, .mjs and .cjs, and skips node_modules and what .gitignore and .prettierignore list', async () => {
    const dir = temps.make({
      'a.ts': TIDY,
      'b.tsx': TIDY,
      'c.mts': TIDY,
      'd.cts': TIDY,
      'e.js': '',
      'f.mjs': '',
      'g.cjs': '',
      'notes.md': '# Notes\n',
      'data.json': '{}\n',
      'node_modules/pkg/index.js': '',
      '.gitignore': 'build/\n',
      'build/out.js': '',
      '.prettierignore': 'src/generated.ts\n',
      'src/generated.ts': UNTIDY,
      'src/kept.ts': TIDY,
    });
    expect((await scriptFiles(dir)).map((file) => path.relative(dir, file))).toEqual([
      'a.ts',
      'b.tsx',
      'c.mts',
      'd.cts',
      'e.js',
      'f.mjs',
      'g.cjs',
      path.join('src', 'kept.ts'),
    ]);
  });
});

describe('npm run format: the scripts', () => {
  it("rewrites an unformatted file in .prettierrc.json's layout and leaves a formatted one as it was", async () => {
    const dir = temps.make({ 'tidy.ts': TIDY, 'untidy.ts': UNTIDY });
    const before = fs.statSync(path.join(dir, 'tidy.ts')).mtimeMs;
    const { unformatted } = await formatScripts(dir, { write: true });
    expect(unformatted.map((finding) => path.basename(finding.file))).toEqual(['untidy.ts']);
    expect(fs.readFileSync(path.join(dir, 'untidy.ts'), 'utf8')).toBe("export const one = 1;\n\nexport const two = 'two';\n");
    expect(fs.statSync(path.join(dir, 'tidy.ts')).mtimeMs).toBe(before);
    expect((await formatScripts(dir)).unformatted).toEqual([]);
  });

  it('keeps a 160-character line whole and breaks a 161-character one', async () => {
    // `export const s = ['x…x'];`: 22 characters around the x's.
    const line = (width: number) => `export const s = ['${'x'.repeat(width - 22)}'];\n`;
    const dir = temps.make({ 'fits.ts': line(160), 'over.ts': line(161) });
    const { unformatted } = await formatScripts(dir, { write: true });
    expect(unformatted.map((finding) => path.basename(finding.file))).toEqual(['over.ts']);
    expect(fs.readFileSync(path.join(dir, 'fits.ts'), 'utf8')).toBe(line(160));
    expect(fs.readFileSync(path.join(dir, 'over.ts'), 'utf8')).toBe(`export const s = [\n  '${'x'.repeat(139)}',\n];\n`);
  });
});

describe('ESLint alone', () => {
  it("knows the browser in the theme's scripts and Node elsewhere", async () => {
    const dir = temps.make({
      'theme/assets/cart.js': 'window.addEventListener("load", function () {});\n',
      'tools/cart.js': 'window.addEventListener("load", function () {});\n',
    });
    const findings = await lintScripts(dir);
    expect(findings.map((finding) => `${path.relative(dir, finding.file)}:${finding.line}:${finding.column} ${finding.rule}`)).toEqual([
      `${path.join('tools', 'cart.js')}:1:1 no-undef`,
    ]);
  });
});
