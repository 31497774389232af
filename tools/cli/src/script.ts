/**
 * What every CLI shares to run either as a script or in-process from a test. Light on purpose: `npm start`
 * imports it before printing its URL.
 */
import { pathToFileURL } from 'node:url';

/** Where a CLI writes: the process's stdout or stderr when it runs as a script, a string in a test. */
export interface Writer {
  write(text: string): unknown;
}

/** What a CLI's main reads and writes besides its arguments. */
export interface CliIo {
  stdout: Writer;
  stderr: Writer;
  env: Readonly<Record<string, string | undefined>>;
}

/** A CLI's main: the arguments after the script's name in, the exit code out. Tests call it in-process. */
export type CliMain<Io extends CliIo = CliIo> = (argv: readonly string[], io: Io) => Promise<number>;

/** The process's own streams and environment. */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env };
}

/** Whether the module at `entry` (its import.meta.url) is the script node was started with. */
export function isEntryPoint(entry: string): boolean {
  return process.argv[1] !== undefined && entry === pathToFileURL(process.argv[1]).href;
}

/**
 * Runs `main` as the process when the module at `entry` is the script node was started with: the process's
 * arguments, streams and environment. Main's exit code becomes the process's: set, so output flushes and the
 * process ends when its work does; or, with `exit`, ended at once (a server main resolves only when it stops, and
 * must not wait for a straggling connection or watcher).
 */
export function runAsScript(entry: string, main: CliMain, options: { exit?: boolean } = {}): void {
  if (!isEntryPoint(entry)) return;
  void main(process.argv.slice(2), processIo()).then((code) => {
    if (options.exit) process.exit(code);
    if (code !== 0) process.exitCode = code;
  });
}
