/**
 * What `npm run theme:add` put into a theme, kept in the theme itself (`assets/encore-manifest.json`) so that
 * adding again updates only Encore's own files and keys, and `--remove` restores the theme byte for byte on any
 * machine: Encore's files, the locale keys it merged into each locale file, and the original text of each
 * template it pointed at Encore's sections. An asset, because Shopify uploads every file of `assets/` as it is.
 */
import fs from 'node:fs';
import path from 'node:path';

export const MANIFEST_FILE = 'assets/encore-manifest.json';

export interface Manifest {
  /** Says what the file is to a merchant who finds it in their theme's assets. */
  about: string;
  /** Theme-relative paths of the files Encore added. */
  files: string[];
  /** Per locale file, the JSON paths (dot-joined) of the keys Encore merged into it. */
  locales: Record<string, string[]>;
  /** Per template Encore replaced, its original text; null when the theme had no such file. */
  templates: Record<string, string | null>;
}

const ABOUT =
  "Encore's customer sections were added to this theme by `npm run theme:add`; `npm run theme:add -- --remove` takes them out and restores what this file keeps.";

export function emptyManifest(): Manifest {
  return { about: ABOUT, files: [], locales: {}, templates: {} };
}

/** The theme's manifest, or undefined when Encore was never added; a clear error when it is not one. */
export function readManifest(themeDir: string): Manifest | undefined {
  const file = path.join(themeDir, MANIFEST_FILE);
  if (!fs.existsSync(file)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${MANIFEST_FILE}: not valid JSON (${(error as Error).message}); it records what theme:add changed, so it cannot continue`, {
      cause: error,
    });
  }
  const manifest = value as Partial<Manifest>;
  const ok =
    manifest !== null &&
    typeof manifest === 'object' &&
    Array.isArray(manifest.files) &&
    manifest.files.every((f) => typeof f === 'string') &&
    isRecord(manifest.locales) &&
    Object.values(manifest.locales).every((keys) => Array.isArray(keys) && keys.every((k) => typeof k === 'string')) &&
    isRecord(manifest.templates) &&
    Object.values(manifest.templates).every((text) => text === null || typeof text === 'string');
  if (!ok) throw new Error(`${MANIFEST_FILE}: not a manifest theme:add wrote (it needs "files", "locales" and "templates")`);
  return { ...emptyManifest(), ...(manifest as Manifest) };
}

/** Written the same way every time, so adding twice leaves the theme unchanged. */
export function manifestText(manifest: Manifest): string {
  const sorted: Manifest = {
    about: ABOUT,
    files: [...manifest.files].sort(),
    locales: Object.fromEntries(
      Object.entries(manifest.locales)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([file, keys]) => [file, [...keys].sort()]),
    ),
    templates: Object.fromEntries(Object.entries(manifest.templates).sort(([a], [b]) => a.localeCompare(b))),
  };
  return `${JSON.stringify(sorted, null, 2)}\n`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
