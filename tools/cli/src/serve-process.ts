/**
 * `npm run serve` in a process of its own (node --import tsx), for what needs a real process: two instances on one
 * database, or a server measured apart from its load. Resolves once the URL line prints; after that its output is
 * drained unread (a request log nobody reads must not fill the pipe).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { besideModule } from '@encore/liquid/paths.ts';

const ROOT = besideModule(import.meta.url, '../../..');
const URL_LINE = /^Encore backend: (http:\/\/127\.0\.0\.1:(\d+)\/)/m;

/**
 * Starts it on a free port with exactly `env` (and PATH); rejects with its output if it exits first. In development
 * (the default here: nothing else can serve a shop offline) the fixture's shop is installed with its offers.
 */
export function serveProcess(
  env: Record<string, string>,
  options: { development?: boolean } = {},
): Promise<{ child: ChildProcess; base: string; port: number }> {
  const args = ['--import', 'tsx', 'tools/cli/src/serve.ts', '--port', '0', ...(options.development === false ? [] : ['--development'])];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const seen = (chunk: Buffer) => {
      output += chunk.toString();
      const found = URL_LINE.exec(output);
      if (!found) return;
      for (const stream of [child.stdout!, child.stderr!]) {
        stream.off('data', seen);
        stream.resume();
      }
      resolve({ child, base: found[1]!, port: Number(found[2]) });
    };
    child.stdout!.on('data', seen);
    child.stderr!.on('data', seen);
    child.once('exit', (code) => reject(new Error(`npm run serve exited with ${code}: ${output}`)));
  });
}
