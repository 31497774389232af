/**
 * The extensions the studio previews: where each one's source lives, its target, and what its URL names
 * (an order, or a customer for the order index). Read from each `shopify.extension.toml`, so the bundle's
 * entry is the module Shopify's CLI would build.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'smol-toml';
import { besideModule } from '@encore/liquid/paths.ts';

export const EXTENSIONS_DIR = besideModule(import.meta.url, '../../../../extensions');

export type Subject = 'order' | 'customer';

export interface PreviewedExtension {
  handle: string;
  /** Folder under extensions/. */
  dir: string;
  target: string;
  /** Absolute path of the target's module. */
  entry: string;
  /** What the page's URL names: `?order=` or `?customer=`. */
  subject: Subject;
  /** Each setting's key, with its default when the toml gives one (Shopify leaves the rest unset). */
  settings: Record<string, unknown>;
}

/** The Preact UI extensions, by handle. */
const DIRS: Record<string, { dir: string; subject: Subject }> = {
  'encore-thank-you': { dir: 'thank-you', subject: 'order' },
  'encore-order-status': { dir: 'order-status', subject: 'order' },
  'encore-order-index': { dir: 'order-index', subject: 'customer' },
};

interface Toml {
  extensions: { handle: string; targeting?: { target: string; module: string }[]; settings?: { fields?: { key: string; default?: unknown }[] } }[];
}

export function previewedExtension(handle: string): PreviewedExtension | undefined {
  const known = DIRS[handle];
  if (!known) return undefined;
  const dir = path.join(EXTENSIONS_DIR, known.dir);
  // Read on every call: an edited toml (a new setting) shows without a restart.
  const toml = parse(readFileSync(path.join(dir, 'shopify.extension.toml'), 'utf8')) as unknown as Toml;
  const config = toml.extensions.find((candidate) => candidate.handle === handle);
  const targeting = config?.targeting?.[0];
  if (!config || !targeting) throw new Error(`${known.dir}/shopify.extension.toml has no extension "${handle}" with a target`);
  const settings = Object.fromEntries(
    (config.settings?.fields ?? []).filter((field) => field.default !== undefined).map((field) => [field.key, field.default]),
  );
  return { handle, dir, target: targeting.target, entry: path.join(dir, targeting.module), subject: known.subject, settings };
}

export const PREVIEWED_HANDLES = Object.keys(DIRS);
