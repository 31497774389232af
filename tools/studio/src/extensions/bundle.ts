/**
 * Browser bundles built at request time with esbuild's JS API and kept in memory. A bundle is rebuilt when
 * any file it was built from changed (esbuild's metafile lists them; a stat each is cheap next to a build),
 * so an edit to an extension's source shows on the next reload without a restart.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { besideModule } from '@encore/liquid/paths.ts';

const ROOT = besideModule(import.meta.url, '../../../..');

export interface Bundle {
  code: string;
  /** A strong HTTP validator for `code`. */
  etag: string;
  /** Absolute paths of the files it was built from, with their modification times then. */
  inputs: Map<string, number>;
}

export interface BundleOptions {
  entry: string;
  /** Preact for the UI extensions, React for the post-purchase page; the host is plain DOM code. */
  jsxImportSource?: string;
  /** Build-time constants besides NODE_ENV (e.g. what Shopify's CLI inlines from the environment). */
  define?: Record<string, string>;
}

const cache = new Map<string, Promise<Bundle>>();

function mtime(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}

function fresh(bundle: Bundle): boolean {
  for (const [file, time] of bundle.inputs) if (mtime(file) !== time) return false;
  return true;
}

async function compile(options: BundleOptions): Promise<Bundle> {
  const result = await build({
    entryPoints: [options.entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    minify: false,
    sourcemap: 'inline',
    absWorkingDir: ROOT,
    jsx: 'automatic',
    jsxImportSource: options.jsxImportSource ?? 'preact',
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"development"', ...options.define },
  });
  const inputs = new Map<string, number>();
  for (const input of Object.keys(result.metafile.inputs)) {
    const file = path.resolve(ROOT, input);
    inputs.set(file, mtime(file));
  }
  const code = result.outputFiles[0]!.text;
  return { code, etag: `"${createHash('sha256').update(code).digest('base64url').slice(0, 27)}"`, inputs };
}

/** The bundle of `entry`, built once and rebuilt after its sources change. A failed build is retried next time. */
export async function bundle(options: BundleOptions): Promise<Bundle> {
  const key = `${options.entry}\0${options.jsxImportSource ?? ''}\0${JSON.stringify(options.define ?? {})}`;
  const cached = cache.get(key);
  if (cached) {
    const done = await cached.catch(() => undefined);
    if (done && fresh(done)) return done;
    if (cache.get(key) !== cached) return bundle(options);
  }
  const building = compile(options);
  cache.set(key, building);
  building.catch(() => cache.delete(key));
  return building;
}
