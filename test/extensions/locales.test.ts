import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extensionHandles } from '@encore/cli/build.ts';
import { differences, readLocale } from '../support/locale-tree.ts';
import { EXTENSION_LOCALES } from './support/i18n.ts';

const withLocales = extensionHandles().filter(({ dir }) => existsSync(`${dir}/locales`));

describe.each(withLocales.map(({ handle, dir }) => [handle, dir] as const))('%s', (_handle, dir) => {
  it('ships English (default), Danish, Norwegian, Dutch and Thai', () => {
    expect(readdirSync(`${dir}/locales`).sort()).toEqual(['da.json', 'en.default.json', 'nb.json', 'nl.json', 'th.json']);
  });

  it.each(EXTENSION_LOCALES.filter((code) => code !== 'en'))('%s has every key, the same placeholders and its own plural forms', (code) => {
    expect(differences(readLocale(`${dir}/locales/en.default.json`), readLocale(`${dir}/locales/${code}.json`), code, code)).toEqual([]);
  });
});
