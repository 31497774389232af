/** A bare HTTP server answering only the extension previews, on a free port, for the node tests. */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll } from 'vitest';
import type { AddressInfo } from 'node:net';
import { Storefront } from '@encore/studio/storefront.ts';
import { serveExtensionPreview } from '@encore/studio/extensions/index.ts';

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

/** What a test reads back from one request: status, content type and body text. */
export interface Answer {
  status: number;
  type: string | null;
  body: string;
}

/**
 * The preview server for the tests of one file: started before them, closed after. `get` answers an
 * `Answer`, `post` a JSON answer; `server` is there once started.
 */
export function usePreviewServer() {
  const session = {} as { server: PreviewServer };
  beforeAll(async () => {
    session.server = await startPreviewServer();
  });
  afterAll(() => session.server.close());
  const read = async (response: Response): Promise<Answer> => ({
    status: response.status,
    type: response.headers.get('content-type'),
    body: await response.text(),
  });
  return {
    get server() {
      return session.server;
    },
    get: async (path: string) => read(await fetch(session.server.url(path))),
    /** A JSON POST, as the preview page's host sends GraphQL; answers its status and parsed JSON. */
    post: async (path: string, body: unknown) => {
      const response = await fetch(session.server.url(path), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      return { status: response.status, json: (await response.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] } };
    },
  };
}
