import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Throwaway theme folders holding exactly the given files (path → text), each removed by `cleanup`
 * (call it from afterAll).
 */
export function tempThemes(prefix: string): { make: (files: Record<string, string>) => string; cleanup: () => void } {
  const dirs: string[] = [];
  return {
    make(files) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
      dirs.push(dir);
      for (const [name, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), text);
      }
      return dir;
    },
    cleanup() {
      for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
