/**
 * The layer rules `npm run check` enforces: the repository keeps them, and a wrong arrow in a copy of the layout
 * fails with the importing file, the imported one and the rule's name.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dependencyRules } from '@encore/cli/dependency-rules.ts';

describe('npm run check: dependency rules', () => {
  it('hold for the repository', async () => {
    const { ok, lines } = await dependencyRules();
    expect(lines.at(-1)).toMatch(/^dependency rules: \d+ modules, \d+ imports, 0 broken \(rules: \.dependency-cruiser\.cjs\)$/);
    expect(ok).toBe(true);
  });

  describe('in a small copy of the layout with wrong arrows', () => {
    let root: string;
    const write = (file: string, source: string) => {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), source);
    };
    beforeAll(() => {
      root = fs.mkdtempSync(path.join(os.tmpdir(), 'encore-layers-'));
      write(
        'tsconfig.json',
        JSON.stringify({ compilerOptions: { allowImportingTsExtensions: true, moduleResolution: 'bundler', module: 'preserve', noEmit: true } }),
      );
      write('packages/core/src/money.ts', "import { engine } from '../../../tools/liquid/src/engine.ts';\nexport const money = engine;\n");
      write('tools/liquid/src/engine.ts', "import { store } from '../../fixtures/src/load.ts';\nexport const engine = store;\n");
      write('tools/fixtures/src/load.ts', 'export const store = 1;\n');
      write('extensions/thank-you/src/block.ts', "import { handler } from '../../../app/handler.ts';\nexport const block = handler;\n");
      write('app/handler.ts', 'export const handler = 1;\n');
    });
    afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

    it('fails, naming each broken arrow and its rule', async () => {
      const { ok, lines } = await dependencyRules({ root });
      expect(ok).toBe(false);
      expect(lines.slice(0, -1).sort()).toEqual([
        'extensions/thank-you/src/block.ts → app/handler.ts: extensions-and-app-apart (error)',
        'packages/core/src/money.ts → tools/liquid/src/engine.ts: core-depends-on-nothing (error)',
        'packages/core/src/money.ts → tools/liquid/src/engine.ts: packages-by-name (error)',
        'packages/core/src/money.ts → tools/liquid/src/engine.ts: shipped-code-not-on-tooling (error)',
        'tools/liquid/src/engine.ts → tools/fixtures/src/load.ts: liquid-knows-no-store (error)',
        'tools/liquid/src/engine.ts → tools/fixtures/src/load.ts: packages-by-name (error)',
      ]);
      expect(lines.at(-1)).toMatch(/^dependency rules: 5 modules, 3 imports, 6 broken \(rules: .*\.dependency-cruiser\.cjs\)$/);
    });
  });
});
