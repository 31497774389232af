import http from 'node:http';
import { runCli, parseOptions, storefrontFrom, STOREFRONT_OPTIONS } from './run.ts';
import { serveStorefront } from '../preview/server.ts';
import { backendFromEnvironment, isBackendPath, nodeListener } from '../offers/backend.ts';

const USAGE = `Usage: npm start [-- --port 9292] [--theme DIR] [--fixtures FILE]

Serves the theme's customer pages for every customer and order of the store
fixture at http://127.0.0.1:PORT/, offline: no store, account or network.
The backend (app/handler.ts) answers beside it under /api/ and /webhooks/
(see \`npm run serve -- --help\`), where the post-purchase extension finds it.`;

runCli(async () => {
  const { values } = parseOptions({
    port: { type: 'string' },
    host: { type: 'string' },
    ...STOREFRONT_OPTIONS,
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const storefront = storefrontFrom(values, { watch: true });
  const port = Number(values.port ?? process.env.PORT ?? 9292);
  const host = values.host ?? '127.0.0.1';
  const preview = serveStorefront(storefront);
  const backend = nodeListener(backendFromEnvironment());
  const server = http.createServer((request, response) => (isBackendPath(request.url) ? backend(request, response) : preview(request, response)));
  server.listen(port, host, () => {
    process.stdout.write(`Encore preview of ${storefront.store.shop.name}: http://${host}:${port}/ (backend under /api/ and /webhooks/)\n`);
  });
}, USAGE);
