import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { besideModule } from '@encore/liquid/paths.ts';

const APP = besideModule(import.meta.url, '../../app');
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );

describe('app/ runs on edge runtimes, but for its Node host', () => {
  it('imports nothing from Node and uses no Node-only globals outside app/node/', () => {
    const files = sources(APP).filter((file) => !file.startsWith(join(APP, 'node')));
    expect(files.length).toBeGreaterThanOrEqual(8);
    const offending = files.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return [/from ['"]node:/, /from ['"](fs|path|http|crypto|os|url)['"]/, /\bprocess\./, /\bBuffer\b/, /\brequire\(/]
        .filter((pattern) => pattern.test(text))
        .map((pattern) => `${file.slice(APP.length + 1)}: ${pattern}`);
    });
    expect(offending).toEqual([]);
  });
});
