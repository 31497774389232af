/**
 * `npm run serve` and `npm run shopify-stand-in` in processes of their own (node --import tsx), for what needs a
 * real process: two instances on one database and one Shopify, or a server measured apart from its load. Each
 * resolves once its URL line prints; after that its output is drained unread (a request log nobody reads must not
 * fill the pipe).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { besideModule } from '@encore/liquid/paths.ts';

const ROOT = besideModule(import.meta.url, '../../..');
const URL_LINE = /^Encore backend: (http:\/\/127\.0\.0\.1:(\d+)\/)/m;
const STAND_IN_LINE = /^Shopify stand-in: (http:\/\/127\.0\.0\.1:(\d+)\/)/m;
const STUDIO_LINE = /^Encore studio: (http:\/\/127\.0\.0\.1:(\d+)\/)/m;

/** Runs `script` with `args` and exactly `env` (and PATH) until its output matches `line`; rejects if it exits first. */
function startedScript(
  script: string,
  args: string[],
  env: Record<string, string>,
  line: RegExp,
): Promise<{ child: ChildProcess; base: string; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const seen = (chunk: Buffer) => {
      output += chunk.toString();
      const found = line.exec(output);
      if (!found) return;
      for (const stream of [child.stdout!, child.stderr!]) {
        stream.off('data', seen);
        stream.resume();
      }
      resolve({ child, base: found[1]!, port: Number(found[2]) });
    };
    child.stdout!.on('data', seen);
    child.stderr!.on('data', seen);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}: ${output}`)));
  });
}

/**
 * `npm run serve` on a free port. In development (the default here: nothing else can serve a shop offline) the
 * fixture's shop is installed with its offers, at the Shopify ENCORE_SHOPIFY_STAND_IN names if `env` has it.
 */
export function serveProcess(env: Record<string, string>, options: { development?: boolean } = {}) {
  return startedScript('tools/cli/src/serve.ts', ['--port', '0', ...(options.development === false ? [] : ['--development'])], env, URL_LINE);
}

/** `npm run shopify-stand-in` on a free port, for the app of `env`. */
export function standInProcess(env: Record<string, string>) {
  return startedScript('tools/cli/src/shopify-stand-in.ts', ['--port', '0'], env, STAND_IN_LINE);
}

/** `npm start` with `args` on a free port: the studio in a process of its own, measured apart from its load. */
export function studioProcess(args: string[], env: Record<string, string>) {
  return startedScript('tools/cli/src/start.ts', ['--port', '0', ...args], env, STUDIO_LINE);
}

/** A process's resident memory, MB (Linux's /proc), for the benches that measure a server apart from its load. */
export function residentMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}
