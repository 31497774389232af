/**
 * Font files offline. Shopify's font library is not reachable, but many of its families are open fonts that the
 * npm registry carries as Fontsource packages (`@fontsource/assistant` holds Assistant, Dawn's default). When the
 * family's package is installed, its variants are the ones the package has (Assistant: weights 200–800, no
 * italic, as in Shopify's library) and the studio serves its Latin files at the font's `/cdn/fonts/…` URL; without
 * it the family is assumed (theme/fonts.ts) and its files answer 404.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

export interface FontFamilyFiles {
  /** `400-normal`, `700-italic`… of the package's Latin files. */
  variants: Set<string>;
  /** The folder of the package's files. */
  dir: string;
  /** The package's file prefix: `assistant` of `assistant-latin-400-normal.woff2`. */
  prefix: string;
}

const families = new Map<string, FontFamilyFiles | null>();

/** The installed Fontsource package of a library family (`open_sans` → `@fontsource/open-sans`), or null. */
export function fontFamilyFiles(familyHandle: string): FontFamilyFiles | null {
  if (families.has(familyHandle)) return families.get(familyHandle)!;
  const prefix = familyHandle.replace(/_/g, '-');
  let found: FontFamilyFiles | null = null;
  if (/^[a-z0-9-]+$/.test(prefix)) {
    try {
      const dir = path.join(path.dirname(require.resolve(`@fontsource/${prefix}/package.json`)), 'files');
      const variants = new Set<string>();
      const latin = new RegExp(`^${prefix}-latin-(\\d00)-(normal|italic)\\.woff2$`);
      for (const name of fs.readdirSync(dir)) {
        const match = latin.exec(name);
        if (match) variants.add(`${match[1]}-${match[2]}`);
      }
      if (variants.size) found = { variants, dir, prefix };
    } catch {
      found = null;
    }
  }
  families.set(familyHandle, found);
  return found;
}

/** The file for a font URL's variant handle (`assistant_n4`) and format, when its family's package is installed. */
export function fontFile(familyHandle: string, variantHandle: string, format: string): string | undefined {
  const files = fontFamilyFiles(familyHandle);
  const variant = /_([ni])([1-9])$/.exec(variantHandle);
  if (!files || !variant || (format !== 'woff2' && format !== 'woff')) return undefined;
  const key = `${Number(variant[2]) * 100}-${variant[1] === 'i' ? 'italic' : 'normal'}`;
  if (!files.variants.has(key)) return undefined;
  const file = path.join(files.dir, `${files.prefix}-latin-${key}.${format}`);
  return fs.existsSync(file) ? file : undefined;
}
