import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fast from '../../vitest.fast.config.ts';
import whole from '../../vitest.config.ts';
import { ROOT } from '../support/cli.ts';

/** A vitest glob (`**`, `*`) as a regular expression over paths from the root. */
const globPattern = (glob: string) =>
  new RegExp(
    `^${glob
      .split(/(\*\*\/|\*)/)
      .map((part) => (part === '**/' ? '(?:.*/)?' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
      .join('')}$`,
  );

const TEST_FILES = (fs.readdirSync(path.join(ROOT, 'test'), { recursive: true }) as string[]).map((file) => `test/${file.split(path.sep).join('/')}`);

const filesOf = (include: string[], exclude: string[] = []) => {
  const matches = (patterns: string[]) => (file: string) => patterns.some((glob) => globPattern(glob).test(file));
  return TEST_FILES.filter(matches(include))
    .filter((file) => !matches(exclude)(file))
    .sort();
};

/** What makes a test slow or machine-bound: a process, a browser, Dawn, an extension bundle. */
const SLOW_IMPORTS = [
  'node:child_process',
  'support/cli.ts',
  'browser/support.ts',
  'playwright-core',
  'support/dawn.ts',
  'esbuild',
  'studio-previews/support.ts',
];

describe('npm run test:fast', () => {
  const files = filesOf(fast.test!.include!, fast.test!.exclude);

  it('is the engine, core, backend, theme and store tests, all of them also in npm test', () => {
    expect([...new Set(files.map((file) => file.split('/').slice(0, 2).join('/')))]).toEqual([
      'test/app',
      'test/core',
      'test/engine',
      'test/store',
      'test/theme',
    ]);
    const everything = new Set(filesOf(whole.test!.include!));
    expect(files.filter((file) => !everything.has(file))).toEqual([]);
  });

  it('starts no process and opens no browser (only the theme test reads Dawn 15.4.1, when it is there)', () => {
    const slow = files.flatMap((file) => {
      const source = fs.readFileSync(path.join(ROOT, file), 'utf8');
      return SLOW_IMPORTS.filter((name) => source.includes(`'${name}'`) || source.includes(`/${name}'`)).map((name) => `${file}: ${name}`);
    });
    expect(slow).toEqual(['test/theme/host-theme.test.ts: support/dawn.ts']);
  });
});
