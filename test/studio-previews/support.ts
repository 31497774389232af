/** A bare HTTP server answering only the extension previews, on a free port, for the node tests. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Storefront } from '../../scripts/storefront.ts';
import { serveExtensionPreview } from '../../scripts/studio/extensions/index.ts';

export interface PreviewServer {
  url: (path: string) => string;
  storefront: Storefront;
  close: () => Promise<void>;
}

export async function startPreviewServer(): Promise<PreviewServer> {
  const storefront = new Storefront();
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://studio.test');
    serveExtensionPreview(storefront, request, response, url)
      .then((answered) => {
        if (!answered) {
          response.writeHead(404);
          response.end('not an extension route');
        }
      })
      .catch((error: unknown) => {
        response.writeHead(500);
        response.end(String(error));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    storefront,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
