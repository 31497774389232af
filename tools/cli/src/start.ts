/**
 * `npm start`: the studio. This file imports only node built-ins and light modules, so the URL prints about as
 * soon as Node is up; the engine, store and backend load right after (requests wait for them).
 *
 * Mistakes found before the URL prints (a port in use, an unknown host, a folder that is not a theme, a fixture
 * or offers file that is not JSON) are one line on stderr and exit 1, with no URL. Those checks take milliseconds
 * (reading and parsing the default 290 KB fixture: 2-5 ms); the fixture's and offers' schema and references need
 * the store modules (~0.35 s to load), so they are checked after the URL, and a failure there says the studio
 * stopped.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ThemeError } from '@encore/liquid/errors.ts';
import { FileProblems, readJsonFile } from '@encore/liquid/json-file.ts';
import { ListenError, listenFirst, studioPort } from '@encore/studio/listen.ts';
import { checkThemeDir } from '@encore/liquid/theme/theme-dir.ts';
import { runAsScript, type CliIo } from './script.ts';

const USAGE = `Usage: npm start [-- --port 3000] [--host 127.0.0.1] [--theme DIR] [--fixtures FILE] [--offers FILE]

The studio: every customer and order of the store fixture at http://HOST:PORT/,
offline: no store, account or network. Theme pages, extension previews, and the
backend (app/handler.ts) under /api/ and /webhooks/. Edits to the theme,
extension sources and the fixture reload the page.

  --port N       0 to 65535 in decimal (0 picks a free port); else PORT, else 3000
  --host ADDR    the address to listen on, default 127.0.0.1 (this machine only);
                 0.0.0.0 lets other machines in: the studio has no login
  --theme DIR    a theme folder with templates/customers/account and order
                 (.json or .liquid), default theme/
  --fixtures F   a store fixture, default tools/fixtures/stores/default-store.json
  --offers F     the backend's post-purchase offers; default NAME.offers.json
                 beside the fixture NAME.json when there is one (the bundled
                 stores have), else app/offers.json`;

/** A mistake in the command line, theme or fixture: its message is the whole story, a stack would only hide it. */
function isKnown(error: unknown): error is Error {
  return error instanceof ThemeError || error instanceof FileProblems || error instanceof ListenError;
}

export interface StartIo extends CliIo {
  /** Stops a running studio: `start` then resolves with 0 once it has closed. The script has none: Ctrl-C ends it. */
  signal?: AbortSignal;
}

/**
 * `npm start` with `argv`. Resolves with the exit code: at once for help and for mistakes found before the URL;
 * after the URL, only when the studio stops (its store or offers failed to load: 1; `io.signal` aborted: 0).
 */
export async function start(argv: readonly string[], io: StartIo): Promise<number> {
  const usageMistake = (message: string) => {
    io.stderr.write(`${message}\n\n${USAGE}\n`);
    return 2;
  };
  const stop = (message: string) => {
    io.stderr.write(`${message}\n`);
    return 1;
  };
  let values: { port?: string; host?: string; theme?: string; fixtures?: string; offers?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        theme: { type: 'string' },
        fixtures: { type: 'string' },
        offers: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return usageMistake((error as Error).message);
  }
  if (values.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let port: number;
  try {
    port = studioPort(values.port, io.env.PORT);
  } catch (error) {
    return usageMistake((error as Error).message);
  }
  const options = {
    themeDir: values.theme,
    storeFile: values.fixtures,
    offersFile: values.offers,
    warn: (line: string) => io.stderr.write(`${line}\n`),
    log: (line: string) => io.stdout.write(`${line}\n`),
  };
  let handler: { close(): void } | undefined;
  let listening: Awaited<ReturnType<typeof listenFirst>>;
  try {
    if (options.themeDir !== undefined) checkThemeDir(options.themeDir);
    // Parsed again when the store loads: 2 ms twice is cheaper than threading the data through the deferred load.
    for (const file of [options.storeFile, options.offersFile]) {
      if (file !== undefined) readJsonFile(path.resolve(file), (label, problems) => new FileProblems(label, problems));
    }
    listening = await listenFirst(port, values.host ?? '127.0.0.1', async () => {
      const studio = (await import('@encore/studio/studio.ts')).studioListener(options);
      handler = studio;
      return studio.listener;
    });
  } catch (error) {
    if (!isKnown(error)) throw error;
    return stop(error.message);
  }
  io.stdout.write(`Encore studio: ${listening.url}\n`);
  const close = async () => {
    await handler?.close();
    await listening.close();
  };
  return new Promise<number>((resolve) => {
    listening.ready.catch(async (error: unknown) => {
      // The URL is already printed and now dead: say so, or the developer keeps reloading it.
      const code = stop(`The studio stopped: ${isKnown(error) ? error.message : ((error as Error)?.stack ?? String(error))}`);
      await close();
      resolve(code);
    });
    io.signal?.addEventListener('abort', () => void close().then(() => resolve(0)), { once: true });
  });
}

// The studio's server and watchers would hold the process open after a failure: its exit code ends it at once.
runAsScript(import.meta.url, start, { exit: true });
