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

function usageMistake(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(2);
}

function stop(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/** A mistake in the command line, theme or fixture: its message is the whole story, a stack would only hide it. */
function isKnown(error: unknown): error is Error {
  return error instanceof ThemeError || error instanceof FileProblems || error instanceof ListenError;
}

let values: { port?: string; host?: string; theme?: string; fixtures?: string; offers?: string; help?: boolean };
try {
  ({ values } = parseArgs({
    options: { port: { type: 'string' }, host: { type: 'string' }, theme: { type: 'string' }, fixtures: { type: 'string' }, offers: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
    allowPositionals: false,
  }));
} catch (error) {
  usageMistake((error as Error).message);
}

if (values.help) {
  process.stdout.write(`${USAGE}\n`);
} else {
  let port = 0;
  try {
    port = studioPort(values.port, process.env.PORT);
  } catch (error) {
    usageMistake((error as Error).message);
  }
  const options = { themeDir: values.theme, storeFile: values.fixtures, offersFile: values.offers };
  let listening: Awaited<ReturnType<typeof listenFirst>>;
  try {
    if (options.themeDir !== undefined) checkThemeDir(options.themeDir);
    // Parsed again when the store loads: 2 ms twice is cheaper than threading the data through the deferred load.
    for (const file of [options.storeFile, options.offersFile]) {
      if (file !== undefined) readJsonFile(path.resolve(file), (label, problems) => new FileProblems(label, problems));
    }
    listening = await listenFirst(port, values.host ?? '127.0.0.1', async () => (await import('@encore/studio/studio.ts')).studioListener(options).listener);
  } catch (error) {
    if (!isKnown(error)) throw error;
    stop(error.message);
  }
  process.stdout.write(`Encore studio: ${listening.url}\n`);
  listening.ready.catch((error: unknown) => {
    // The URL is already printed and now dead: say so, or the developer keeps reloading it.
    stop(`The studio stopped: ${isKnown(error) ? error.message : ((error as Error)?.stack ?? String(error))}`);
  });
}
