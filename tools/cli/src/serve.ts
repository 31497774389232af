import http from 'node:http';
import { runCli, parseOptions } from './run.ts';
import { backendFromEnvironment, nodeListener } from '@encore/studio/backend.ts';

const USAGE = `Usage: npm run serve [-- --port 3000] [--host 127.0.0.1] [--offers FILE]

Serves Encore's backend alone (app/handler.ts) with node:http:
  POST /api/post-purchase/offers          { token }
  POST /api/post-purchase/sign-changeset  { token, offerId, variantId, quantity }
  POST /webhooks/compliance               Shopify's privacy webhooks
The port comes from --port, else PORT, else 3000. Secrets come from
SHOPIFY_API_KEY and SHOPIFY_API_SECRET (a development default, with a warning,
when unset). The offer config (app/offers.json by default) is checked at start;
the default store fixture stands in for the shop's catalog and customers.`;

runCli(async () => {
  const { values } = parseOptions({
    port: { type: 'string' },
    host: { type: 'string' },
    offers: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const handler = backendFromEnvironment({ offersFile: values.offers });
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  const host = values.host ?? '127.0.0.1';
  const server = http.createServer(nodeListener(handler));
  server.listen(port, host, () => {
    process.stdout.write(`Encore backend: http://${host}:${port}/api/post-purchase/offers\n`);
  });
}, USAGE);
