import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { parse as parseToml } from 'smol-toml';
import { parseOptions, runCli } from './run.ts';
import { besideModule } from '@encore/liquid/paths.ts';

const ROOT = besideModule(import.meta.url, '../../..');
export const BUNDLE_REPORT = path.join(ROOT, 'build', 'bundle-report.json');

/** Encore's budget for each Preact UI extension (type `ui_extension`): 20 KB compressed. */
export const BUNDLE_BUDGET_BYTES = 20 * 1024;

/** Shopify's own limit, which holds the React post-purchase extension (no Encore budget of its own). */
export const SHOPIFY_BUNDLE_LIMIT_BYTES = 64 * 1024;

/**
 * Tighter budgets for single extensions, by handle. The thank-you block: 16 KB compressed, so the
 * next feature has room; README "Bundle size" says how it got there.
 */
export const BUNDLE_BUDGETS_BY_HANDLE: Readonly<Record<string, number>> = { 'encore-thank-you': 16 * 1024 };

/** The budget an extension of this `[[extensions]] type` (and handle, when it has its own) is held to. */
export function bundleBudgetFor(type: string, handle = ''): number {
  if (Object.hasOwn(BUNDLE_BUDGETS_BY_HANDLE, handle)) return BUNDLE_BUDGETS_BY_HANDLE[handle];
  return type === 'ui_extension' ? BUNDLE_BUDGET_BYTES : SHOPIFY_BUNDLE_LIMIT_BYTES;
}

/** A stuck bundler (esbuild errors can loop forever in the CLI's pinned version) must not hang CI. */
const BUILD_TIMEOUT_MS = 5 * 60 * 1000;

const USAGE = `Usage: npm run build

Runs \`shopify app build\` offline for every extension in extensions/, then
writes ${path.relative(ROOT, BUNDLE_REPORT)}: one { handle, raw, compressed } entry (bytes)
per extension, compressed measured as Shopify does (zlib deflate of the built file).`;

export interface BundleSize {
  handle: string;
  raw: number;
  compressed: number;
}

export interface ExtensionFolder {
  dir: string;
  handle: string;
  /** `[[extensions]] type`: `ui_extension`, `checkout_post_purchase` … */
  type: string;
}

/** Folder, handle and type of every extension: the folders of extensions/ with a shopify.extension.toml. */
export function extensionHandles(): ExtensionFolder[] {
  const base = path.join(ROOT, 'extensions');
  return fs
    .readdirSync(base)
    .sort()
    .filter((name) => fs.existsSync(path.join(base, name, 'shopify.extension.toml')))
    .flatMap((name) => {
      const file = path.join(base, name, 'shopify.extension.toml');
      const config = parseToml(fs.readFileSync(file, 'utf8')) as { extensions?: { handle?: string; type?: string }[] };
      return (config.extensions ?? []).map((extension) => {
        if (!extension.handle) throw new Error(`${path.relative(ROOT, file)}: [[extensions]] has no handle`);
        return { dir: path.join(base, name), handle: extension.handle, type: extension.type ?? 'ui_extension' };
      });
    });
}

/** `shopify app build` with analytics off; rejects with the CLI's own output when it fails. */
export function shopifyAppBuild(): Promise<string> {
  const cli = path.join(ROOT, 'node_modules', '.bin', 'shopify');
  return new Promise((resolve, reject) => {
    execFile(
      cli,
      ['app', 'build', '--path', ROOT, '--skip-dependencies-installation'],
      { cwd: ROOT, encoding: 'utf8', timeout: BUILD_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, SHOPIFY_CLI_NO_ANALYTICS: '1', CI: '1' } },
      (error, stdout, stderr) => {
        const output = `${stdout}${stderr}`.trim();
        if (error) reject(new Error(`shopify app build failed${error.killed ? ` (stopped after ${BUILD_TIMEOUT_MS / 60000} minutes)` : ''}:\n${output}`));
        else resolve(output);
      },
    );
  });
}

/** Sizes of the built bundles, read from each extension's dist/<handle>.js. */
export function measureBundles(): BundleSize[] {
  return extensionHandles().map(({ dir, handle }) => {
    const file = path.join(dir, 'dist', `${handle}.js`);
    if (!fs.existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing: the build did not produce it`);
    const code = fs.readFileSync(file);
    return { handle, raw: code.length, compressed: deflateSync(code).length };
  });
}

/** Builds every extension and writes the bundle report; returns the sizes. */
export async function build(): Promise<BundleSize[]> {
  await shopifyAppBuild();
  const sizes = measureBundles();
  fs.mkdirSync(path.dirname(BUNDLE_REPORT), { recursive: true });
  fs.writeFileSync(BUNDLE_REPORT, `${JSON.stringify(sizes, null, 2)}\n`);
  return sizes;
}

export const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runCli(async () => {
    const { values } = parseOptions({ help: { type: 'boolean', short: 'h' } });
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      return;
    }
    for (const { handle, raw, compressed } of await build()) {
      process.stdout.write(`${handle}: ${kilobytes(raw)} raw, ${kilobytes(compressed)} compressed\n`);
    }
    process.stdout.write(`wrote ${path.relative(ROOT, BUNDLE_REPORT)}\n`);
  }, USAGE);
}
