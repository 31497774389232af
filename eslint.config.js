/**
 * ESLint for Encore's TypeScript and JavaScript: `npm run check` runs it (tools/lint/src/scripts.ts) and fails on
 * any message; `npx eslint FILE` shows the same. The recommended sets of ESLint and typescript-eslint, without
 * type information: typescript-eslint's type-aware rules need TypeScript's JavaScript API, which TypeScript 7 (the
 * native `tsc` of `npm run typecheck`) does not have. Layout is Prettier's (.prettierrc.json): no style rules here.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, globals, includeIgnoreFile, js, tseslint } from '@encore/lint/eslint-packages.js';

export default defineConfig([
  // What Prettier leaves alone ESLint does too: build output, installed packages, generated files.
  includeIgnoreFile(fileURLToPath(new URL('.gitignore', import.meta.url)), '.gitignore'),
  includeIgnoreFile(fileURLToPath(new URL('.prettierignore', import.meta.url)), '.prettierignore'),
  {
    files: ['**/*.{ts,tsx,mts,cts,js,mjs,cjs}'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    languageOptions: { globals: globals.node },
    rules: {
      // An unused name starting with `_` is deliberate: a parameter a callback's shape demands, a field left out of a rest.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // A `let` read in a callback before its one assignment (a server's handler set once it listens) stays a `let`.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // Escaping JSON and reading terminal colours means matching control characters on purpose.
      'no-control-regex': 'off',
      // The code's habits, none broken today: `==` only against null, type imports marked inline, Errors thrown.
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-import-type-side-effects': 'error',
      'no-throw-literal': 'error',
      'no-return-assign': 'error',
      'no-useless-rename': 'error',
      // Not no-useless-concat: Prettier joins a long string split with `+` onto one line once it fits, and the rule then fires.
    },
  },
  {
    // theme-check loads its checks with require().
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The theme's scripts run in the shopper's browser.
    files: ['theme/**/*.js'],
    languageOptions: { globals: globals.browser },
  },
  {
    // Tests read JSON answers and stub platform objects loosely; shipped and tooling code stays typed.
    files: ['test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
]);
