/**
 * The studio's in-memory bundles (tools/studio/src/extensions/bundle.ts): an edit to any file a bundle was built
 * from shows on the next request, without a restart; an unchanged bundle is not built again and keeps its ETag.
 */
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundle } from '@encore/studio/extensions/bundle.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'encore-bundle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a file and moves its modification time on, as a save in an editor does (some file systems keep whole seconds). */
function save(file: string, text: string, secondsLater: number): void {
  writeFileSync(file, text);
  const when = new Date(Date.now() + secondsLater * 1000);
  utimesSync(file, when, when);
}

describe('studio bundles', () => {
  it('rebuilds after an imported file changes, and only then', async () => {
    const entry = path.join(dir, 'entry.ts');
    const words = path.join(dir, 'words.ts');
    save(entry, "import { greeting } from './words.ts';\nexport default () => greeting;\n", 0);
    save(words, "export const greeting = 'Partly shipped';\n", 0);

    const first = await bundle({ entry });
    expect(first.code).toContain('"Partly shipped"');
    expect(first.etag).toMatch(/^"[\w-]{27}"$/);
    // Nothing changed: the same build, not a second one.
    expect(await bundle({ entry })).toBe(first);

    save(words, "export const greeting = 'Delvist afsendt';\n", 2);
    const second = await bundle({ entry });
    expect(second.code).toContain('"Delvist afsendt"');
    expect(second.code).not.toContain('Partly shipped');
    expect(second.etag).not.toBe(first.etag);
  });

  it("answers a build error with esbuild's file and line, and builds again once the file is fixed", async () => {
    const entry = path.join(dir, 'broken.ts');
    save(entry, 'export default () => {\n  return 1 +;\n};\n', 0);
    await expect(bundle({ entry })).rejects.toThrow(/broken\.ts:2:/);
    save(entry, 'export default () => 2;\n', 2);
    expect((await bundle({ entry })).code).toMatch(/=>\s*2/);
  });
});
