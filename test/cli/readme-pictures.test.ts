import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A fresh clone shows the README's pictures: every image it links is a file git tracks (not test-results/). */
describe("the README's pictures", () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((match) => match[1]!);

  it('are committed PNGs of the width their name says, none in the git-ignored test-results/', () => {
    expect(images.length).toBeGreaterThanOrEqual(2);
    for (const image of images) {
      expect(image.startsWith('test-results/'), image).toBe(false);
      const png = fs.readFileSync(path.join(ROOT, image));
      expect(png.subarray(1, 4).toString('latin1'), image).toBe('PNG');
      const width = /-(\d+)\.png$/.exec(image)?.[1];
      if (width) expect(png.readUInt32BE(16), image).toBe(Number(width));
    }
  });
});
