import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CliIo, CliMain } from '@encore/cli/script.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * A CLI's main called in-process, as its script would run it: the arguments, stdout and stderr collected as text,
 * and `env` (PORT from the machine running the tests must not leak in: it starts empty).
 */
export async function runMain<Io extends CliIo>(main: CliMain<Io>, args: readonly string[], extra: Partial<Io> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: {},
    ...extra,
  } as Io;
  const status = await main(args, io);
  return { status, stdout, stderr };
}

/**
 * The script as npm runs it (`node --import tsx`), in a process of its own: only for what the process boundary
 * itself decides (the exit code node reports, output flushed before exit, stdio). Waits for the exit.
 */
export function runScript(script: string, args: readonly string[], options: { env?: Record<string, string>; input?: string } = {}): Promise<CliRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env: { ...process.env, PORT: '', ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  child.stdin.end(options.input ?? '');
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}
