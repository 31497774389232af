/**
 * `getExtension` from @shopify/ui-extensions-tester for extensions on API 2026-10.
 *
 * The newest tester on the registry is 2026.7.0, and it refuses a shopify.extension.toml whose
 * `api_version` is not its own ("2026-07"). Its mocks and renderer come from @shopify/ui-extensions,
 * which the root package.json overrides to the 2026.10 release the extensions build against, so the
 * components and target APIs under test are 2026-10's; only that version check is the tester's.
 * Until a 2026.10 tester is published, the tester reads a copy of the extension's toml that names
 * the version it knows, with each target's module made absolute so it still loads the extension's
 * own source. The copy lives only while the tester reads it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getExtension as testerGetExtension } from '@shopify/ui-extensions-tester';

/** The only `api_version` @shopify/ui-extensions-tester 2026.7.0 accepts. */
export const TESTER_API_VERSION = '2026-07';

/** The toml the tester is given: the extension's own, at the tester's version, modules absolute. */
export function testerToml(toml: string, extensionDir: string): string {
  return toml
    .replace(/^(\s*api_version\s*=\s*)"[^"]*"/m, `$1"${TESTER_API_VERSION}"`)
    .replace(/^(\s*module\s*=\s*)"([^"]+)"/gm, (_, lead: string, module: string) => `${lead}${JSON.stringify(path.resolve(extensionDir, module))}`);
}

type Target = Parameters<typeof testerGetExtension>[0];

export function getExtension<T extends Target>(target: T, options: { configSearchDir: string }): ReturnType<typeof testerGetExtension<T>> {
  const dir = path.resolve(options.configSearchDir);
  const toml = fs.readFileSync(path.join(dir, 'shopify.extension.toml'), 'utf8');
  const copyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'encore-tester-'));
  try {
    fs.writeFileSync(path.join(copyDir, 'shopify.extension.toml'), testerToml(toml, dir));
    return testerGetExtension(target, { configSearchDir: copyDir });
  } finally {
    fs.rmSync(copyDir, { recursive: true, force: true });
  }
}
