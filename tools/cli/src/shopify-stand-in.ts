/**
 * `npm run shopify-stand-in`: Shopify for the default store fixture as a server of its own, token exchange and the
 * Admin API (tools/fixtures/src/shopify-stand-in.ts) at `http://127.0.0.1:PORT/{shop}/…`, the path carrying what
 * the host name carries at Shopify. A backend in development mode sends the fixture shop's requests there when
 * ENCORE_SHOPIFY_STAND_IN names it: several `npm run serve -- --development` processes then meet one Shopify, and
 * the bench measures a backend whose Shopify is on the other side of a socket, as a deployed one's is.
 */
import { appSecrets } from '../../../app/secrets.ts';
import { nodeListener } from '../../../app/node/listener.ts';
import { fixtureShopify, servedStandIn } from '@encore/fixtures/shopify-stand-in.ts';
import { loadStore } from '@encore/fixtures/load.ts';
import { listenFirst, studioPort } from '@encore/studio/listen.ts';
import { parseOptions } from './run.ts';
import { runAsScript } from './script.ts';
import type { StartIo } from './start.ts';

const USAGE = `Usage: npm run shopify-stand-in [-- --port 0] [--store FILE]

Answers token exchange and the Admin API for the store fixture's shop at
http://127.0.0.1:PORT/SHOP/… (default store: tools/fixtures/stores/default-store.json).
The app it knows is SHOPIFY_API_KEY / SHOPIFY_API_SECRET, else the development
default. Point a backend in development mode at it:
  ENCORE_SHOPIFY_STAND_IN=http://127.0.0.1:PORT/ npm run serve -- --development`;

export async function shopifyStandInMain(argv: readonly string[], io: StartIo): Promise<number> {
  let values;
  let port: number;
  try {
    ({ values } = parseOptions({ port: { type: 'string' }, store: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, [...argv]));
    if (values.help) {
      io.stdout.write(`${USAGE}\n`);
      return 0;
    }
    port = studioPort(values.port, undefined);
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const store = loadStore(values.store);
  // One buyer at a time in development; throttling is tested with a clock the test moves.
  const standIn = fixtureShopify(appSecrets(io.env, { development: true }), [store], { bucket: null });
  const listening = await listenFirst(port, '127.0.0.1', async () => nodeListener(servedStandIn(standIn.fetch), () => {}));
  await listening.ready;
  io.stdout.write(`Shopify stand-in: ${listening.url} (${store.shop.permanent_domain})\n`);
  return new Promise<number>((resolve) => {
    io.signal?.addEventListener('abort', () => void listening.close().then(() => resolve(0)), { once: true });
  });
}

runAsScript(import.meta.url, shopifyStandInMain, { exit: true });
