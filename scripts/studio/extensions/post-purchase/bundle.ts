/**
 * The post-purchase extension's own source bundled for the browser. It differs from the Preact previews'
 * bundles (../bundle.ts) in two ways: JSX is React 17's (remote-ui), and `process.env.ENCORE_APP_URL`, which
 * Shopify's CLI inlines at build time, becomes the page's origin, so the extension's backend is the studio
 * itself. Kept in memory and rebuilt when one of its files changes, as the other bundles are.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { besideModule } from '../../../paths.ts';

const ROOT = besideModule(import.meta.url, '../../../..');
export const POST_PURCHASE_ENTRY = path.join(ROOT, 'extensions/post-purchase-upsell/src/index.tsx');

interface Built {
  code: string;
  inputs: Map<string, number>;
}

let cached: Promise<Built> | null = null;

function mtime(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}

async function compile(): Promise<Built> {
  const result = await build({
    entryPoints: [POST_PURCHASE_ENTRY],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    sourcemap: 'inline',
    absWorkingDir: ROOT,
    jsx: 'automatic',
    jsxImportSource: 'react',
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"development"', 'process.env.ENCORE_APP_URL': 'self.location.origin' },
  });
  const inputs = new Map<string, number>();
  for (const input of Object.keys(result.metafile.inputs)) {
    const file = path.resolve(ROOT, input);
    inputs.set(file, mtime(file));
  }
  return { code: result.outputFiles[0]!.text, inputs };
}

/** The bundle's code; a failed build is retried on the next request. */
export async function postPurchaseBundle(): Promise<string> {
  const previous = await cached?.catch(() => null);
  if (previous && [...previous.inputs].every(([file, time]) => mtime(file) === time)) return previous.code;
  cached = compile();
  cached.catch(() => (cached = null));
  return (await cached).code;
}
