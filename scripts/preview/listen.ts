/**
 * Listening before loading: the studio binds its port and prints the URL first, then loads the theme engine,
 * the store and the backend (most of the start-up time is compiling those modules). Requests that arrive
 * meanwhile wait for the load. This module imports nothing heavy on purpose.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const DEFAULT_PORT = 3000;

/** `--port`, then `PORT`, then 3000; a RangeError for anything but a port number. */
export function studioPort(flag: string | undefined, env: string | undefined): number {
  const text = flag ?? env;
  if (text === undefined || text === '') return DEFAULT_PORT;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`port must be a number from 0 to 65535, not '${text}'`);
  return port;
}

export interface Listening {
  readonly server: http.Server;
  /** `http://HOST:PORT/` with the port actually bound. */
  readonly url: string;
  /** Settles when the handler has loaded (rejects with the load's error). */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

export async function listenFirst(port: number, host: string, load: () => Promise<http.RequestListener>): Promise<Listening> {
  let handler: Promise<http.RequestListener> | undefined;
  const server = http.createServer((request, response) => {
    handler!.then(
      (listener) => listener(request, response),
      (error: unknown) => {
        response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        response.end(`The studio could not start: ${(error as Error)?.message ?? String(error)}\n`);
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  handler = load();
  const { port: bound } = server.address() as AddressInfo;
  const close = () => new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
  return { server, url: `http://${host}:${bound}/`, ready: handler.then(() => undefined), close };
}
