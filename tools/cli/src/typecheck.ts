import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StepResult } from './check.ts';
import { besideModule } from '@encore/liquid/paths.ts';

const ROOT = besideModule(import.meta.url, '../../..');

/**
 * The TypeScript projects: the tooling and core (tsconfig.json), each UI extension (its own JSX runtime,
 * DOM types and `shopify` global) and the extension tests. One tsconfig cannot hold Preact and React JSX.
 */
export function typescriptProjects(): string[] {
  const extensions = fs
    .readdirSync(path.join(ROOT, 'extensions'))
    .filter((name) => fs.existsSync(path.join(ROOT, 'extensions', name, 'tsconfig.json')))
    .sort()
    .map((name) => `extensions/${name}/tsconfig.json`);
  return ['tsconfig.json', ...extensions, 'test/extensions/tsconfig.json'].filter((project) => fs.existsSync(path.join(ROOT, project)));
}

export async function typecheck(): Promise<StepResult> {
  const tsc = path.join(ROOT, 'node_modules', '.bin', 'tsc');
  const results = await Promise.all(
    typescriptProjects().map(
      (project) =>
        new Promise<{ project: string; ok: boolean; output: string }>((resolve) => {
          execFile(tsc, ['-p', path.join(ROOT, project)], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
            resolve({ project, ok: !error, output: `${stdout}${stderr}`.trim() });
          });
        }),
    ),
  );
  const failed = results.filter((r) => !r.ok);
  const lines = failed.flatMap((r) => [`${r.project}:`, r.output || '(tsc failed without output)']);
  lines.push(`typecheck: ${failed.length ? `${failed.length} of ${results.length} projects failed` : `no errors (${results.length} projects)`}`);
  return { ok: failed.length === 0, lines };
}

// `npm run typecheck`: this step alone.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { ok, lines } = await typecheck();
  for (const line of lines) process.stdout.write(`${line}\n`);
  if (!ok) process.exitCode = 1;
}
