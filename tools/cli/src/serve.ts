/**
 * `npm run serve`: the backend alone, as `shopify app dev` starts it through app/shopify.web.toml, and as a host
 * runs it in production. It fails closed: no credentials, no start (outside development mode).
 */
import { backendFromEnvironment, backendState } from '@encore/studio/backend.ts';
import { nodeListener } from '../../../app/node/listener.ts';
import { listenFirst, studioPort } from '@encore/studio/listen.ts';
import { appSecrets, defaultSecretsWarning } from '../../../app/secrets.ts';
import type { NodeBackendState } from '../../../app/node/state.ts';
import { parseOptions } from './run.ts';
import { runAsScript } from './script.ts';
import type { StartIo } from './start.ts';

const USAGE = `Usage: npm run serve [-- --port 3000] [--host 127.0.0.1] [--development [--offers FILE]]

Serves Encore's backend alone (app/handler.ts) with node:http:
  GET  /                                  the app in the admin: installs the shop
  POST /api/post-purchase/offers          { token }
  POST /api/post-purchase/sign-changeset  { token, offerId, variantId, quantity }
  POST /api/post-purchase/events          { token, offerId, event }
  GET|PUT /api/admin/offers               the shop's offers (admin session token)
  GET  /api/admin/funnel                  the shop's funnel figures (the same)
  POST /webhooks/app|catalog|compliance   Shopify's webhooks
The port comes from --port, else PORT, else 3000 (0 picks a free one).
Credentials come from SHOPIFY_API_KEY and SHOPIFY_API_SECRET (shopify app dev
sets them); without them it refuses to start, unless --development, which uses
a development default that Shopify refuses (never with NODE_ENV=production).
State: DATABASE_URL (postgres://… a server, file:PATH an embedded database in
a file; unset: the embedded database in memory) and REDIS_URL (rate counts
shared by every instance; unset: counted in this process). Each installed
shop's catalog comes from its Admin API, its offers from its own import.
--development also makes the default store fixture a shop of Shopify's
stand-in: installed at start, with the offers of --offers FILE (default
app/offers.json), checked against it. The stand-in runs in this process, or
is the one ENCORE_SHOPIFY_STAND_IN names (npm run shopify-stand-in), which
several backends can share.`;

/** The messages of these say what to fix; a stack trace would only hide them. */
const KNOWN = new Set(['SecretsError', 'StorageError', 'ListenError', 'OffersError', 'StoreError']);

/**
 * `npm run serve` with `argv`. Resolves with the exit code: at once for help and for mistakes found at start;
 * else when `io.signal` aborts (0). The script has no signal: Ctrl-C or the host ends it.
 */
export async function serve(argv: readonly string[], io: StartIo): Promise<number> {
  const usageMistake = (message: string) => {
    io.stderr.write(`${message}\n\n${USAGE}\n`);
    return 2;
  };
  let values;
  let port: number;
  try {
    ({ values } = parseOptions(
      {
        port: { type: 'string' },
        host: { type: 'string' },
        offers: { type: 'string' },
        development: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      [...argv],
    ));
    if (values.help) {
      io.stdout.write(`${USAGE}\n`);
      return 0;
    }
    port = studioPort(values.port, io.env.PORT);
    if (values.offers !== undefined && values.development !== true) {
      throw new Error('--offers seeds the fixture shop in development (with --development); a real shop imports its offers from the admin.');
    }
  } catch (error) {
    return usageMistake((error as Error).message);
  }
  const development = values.development === true;
  let state: NodeBackendState | undefined;
  let listening: Awaited<ReturnType<typeof listenFirst>> | undefined;
  const close = async () => {
    await listening?.close();
    await state?.close();
  };
  try {
    // Before anything opens: without credentials there is nothing to serve.
    const warning = defaultSecretsWarning(appSecrets(io.env, { development }));
    if (warning) io.stderr.write(`${warning}\n`);
    state = await backendState(io.env);
    const opened = state;
    const log = (line: string) => io.stdout.write(`${line}\n`);
    listening = await listenFirst(port, values.host ?? '127.0.0.1', async () =>
      nodeListener(backendFromEnvironment({ env: io.env, offersFile: values.offers, state: opened, development, warn: () => {}, log }), log),
    );
    await listening.ready;
  } catch (error) {
    await close();
    if (!KNOWN.has((error as Error)?.name)) throw error;
    io.stderr.write(`${(error as Error).message}\n`);
    return 1;
  }
  io.stdout.write(`Encore backend: ${listening.url}api/post-purchase/offers\nstate: ${state.describe()}\n`);
  return new Promise<number>((resolve) => {
    io.signal?.addEventListener('abort', () => void close().then(() => resolve(0)), { once: true });
  });
}

// A server's main resolves only when it stops; a failure's exit code ends the process at once.
runAsScript(import.meta.url, serve, { exit: true });
