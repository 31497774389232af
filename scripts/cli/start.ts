/**
 * `npm start`: the studio. This file imports only node built-ins and the light listen module, so the URL prints
 * about as soon as Node is up; the engine, store and backend load right after (requests wait for them).
 */
import { parseArgs } from 'node:util';
import { listenFirst, studioPort } from '../preview/listen.ts';

const USAGE = `Usage: npm start [-- --port 3000] [--theme DIR] [--fixtures FILE]

The studio: every customer and order of the store fixture at http://127.0.0.1:PORT/
(port from --port, then PORT, default 3000), offline: no store, account or network.
Theme pages, extension previews, and the backend (app/handler.ts) under /api/ and
/webhooks/. Edits to the theme, extension sources and the fixture reload the page.`;

function usageMistake(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(2);
}

let values: { port?: string; host?: string; theme?: string; fixtures?: string; help?: boolean };
try {
  ({ values } = parseArgs({
    options: { port: { type: 'string' }, host: { type: 'string' }, theme: { type: 'string' }, fixtures: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
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
  const options = { themeDir: values.theme, storeFile: values.fixtures };
  const listening = await listenFirst(port, values.host ?? '127.0.0.1', async () => (await import('../preview/studio.ts')).studioListener(options).listener);
  process.stdout.write(`Encore studio: ${listening.url}\n`);
  listening.ready.catch((error: unknown) => {
    // Theme and fixture mistakes are one line naming the file (and line or JSON path); anything else keeps its stack.
    const name = (error as Error)?.name;
    const known = name === 'ThemeError' || name === 'StoreError' || name === 'OffersError';
    process.stderr.write(`${known ? (error as Error).message : ((error as Error)?.stack ?? String(error))}\n`);
    process.exit(1);
  });
}
