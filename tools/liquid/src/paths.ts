import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A path relative to the module at `moduleUrl` (pass `import.meta.url`). Not `new URL('./x', import.meta.url)`:
 * Vite rewrites that pattern into an http URL when a test runs in jsdom, and the extension tests load fixtures.
 */
export function besideModule(moduleUrl: string, ...parts: string[]): string {
  return path.resolve(path.dirname(fileURLToPath(moduleUrl)), ...parts);
}
