import { parseArgs, type ParseArgsConfig } from 'node:util';
import path from 'node:path';
import { ThemeError } from '@encore/liquid/errors.ts';
import { Storefront } from '@encore/studio/storefront.ts';
import { findBundledStore } from '@encore/fixtures/bundled.ts';
import { isEntryPoint, processIo, type CliIo, type CliMain } from './script.ts';

export { runAsScript, type CliIo, type CliMain, type Writer } from './script.ts';

/** A usage mistake: the message, a blank line and the usage on stderr, exit 2. */
export class UsageError extends Error {}

/**
 * A CLI's main from its body: template and fixture mistakes print as one clear message (file and line, no stack
 * trace) and exit 1; usage mistakes exit 2. The body returns its exit code, or nothing for 0.
 */
export function cliMain(usage: string, body: (argv: string[], io: CliIo) => Promise<number | void> | number | void): CliMain {
  return async (argv, io) => {
    try {
      return (await body([...argv], io)) ?? 0;
    } catch (error) {
      if (error instanceof UsageError) {
        io.stderr.write(`${error.message}\n\n${usage}\n`);
        return 2;
      }
      if (error instanceof ThemeError || (error as Error)?.name === 'StoreError') {
        io.stderr.write(`${(error as Error).message}\n`);
        return 1;
      }
      io.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
      return 1;
    }
  };
}

/**
 * Runs a CLI's main function over the process's arguments and streams (see `cliMain`), once the module has
 * finished loading (its constants below the call are defined by then).
 */
export function runCli(main: () => Promise<void> | void, usage: string): void {
  void Promise.resolve()
    .then(() => cliMain(usage, () => main())(process.argv.slice(2), processIo()))
    .then((code) => {
      if (code !== 0) process.exitCode = code;
    });
}

/** node's parseArgs, with unknown or malformed options reported as usage mistakes. */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(options: T, args = process.argv.slice(2)) {
  try {
    return parseArgs({ options, args, strict: true, allowPositionals: false });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** The `--theme DIR` and `--fixtures FILE` options every storefront CLI takes. */
export const STOREFRONT_OPTIONS = {
  theme: { type: 'string' },
  fixtures: { type: 'string' },
} as const;

/**
 * The storefront for `--theme` and `--fixtures`. Without `--fixtures`, a
 * `customer` handle or `order` reference picks the bundled store that holds it
 * (the default store when none does, so its "not found" message lists what it has).
 */
export function storefrontFrom(
  values: { theme?: string; fixtures?: string; customer?: string; order?: string },
  options: { watch?: boolean } = {},
): Storefront {
  const found = values.fixtures || (values.customer === undefined && values.order === undefined) ? undefined : findBundledStore(values);
  return new Storefront({
    themeDir: values.theme ? path.resolve(values.theme) : undefined,
    storeFile: values.fixtures ? path.resolve(values.fixtures) : undefined,
    store: found?.store,
    watch: options.watch,
  });
}

/**
 * A command over one theme folder: `--theme DIR` (default: the repository's `theme/`) and `--help`.
 * Runs `main` with the resolved folder when the module is the process's entry point.
 */
export function runThemeCommand(entry: string, usage: string, defaultTheme: string, main: (themeDir: string) => Promise<void> | void): void {
  if (!isEntryPoint(entry)) return;
  runCli(async () => {
    const { values } = parseOptions({ theme: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
    if (values.help) {
      process.stdout.write(`${usage}\n`);
      return;
    }
    await main(path.resolve(values.theme ?? defaultTheme));
  }, usage);
}
