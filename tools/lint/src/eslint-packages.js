/**
 * The packages the root eslint.config.js builds on, resolved from this folder. typescript-eslint parses with
 * TypeScript's JavaScript API, which TypeScript 7 (the native `tsc` that type-checks the repository) no longer
 * ships, so this package pins TypeScript 6 for it and npm installs it here, apart from the root's TypeScript 7.
 */
export { default as js } from '@eslint/js';
export { defineConfig, includeIgnoreFile } from 'eslint/config';
export { default as globals } from 'globals';
export { default as tseslint } from 'typescript-eslint';
