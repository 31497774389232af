/**
 * Listening before loading: the studio binds its port and prints the URL first, then loads the theme engine,
 * the store and the backend (most of the start-up time is compiling those modules). Requests that arrive
 * meanwhile wait for the load. This module imports nothing heavy on purpose.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const DEFAULT_PORT = 3000;

/**
 * `--port`, then `PORT`, then 3000; 0 picks a free port. A RangeError naming where a bad value came from
 * (`--port 0x10: …`, `PORT=abc: …`). An empty `PORT` counts as unset, as `PORT= npm start` means.
 */
export function studioPort(flag: string | undefined, env: string | undefined): number {
  if (flag !== undefined) return portNumber(flag, `--port ${shown(flag)}`);
  if (env !== undefined && env !== '') return portNumber(env, `PORT=${shown(env)}`);
  return DEFAULT_PORT;
}

function portNumber(text: string, source: string): number {
  // Number() also takes 0x10, 1e3, 0b1 and ' 80 ': a port is written in decimal digits, nothing else.
  const port = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(port <= 65535)) throw new RangeError(`${source}: not a port; use a whole number from 0 to 65535 (0 picks a free port)`);
  return port;
}

/** The value as typed when it is plain, else quoted with its spaces and control characters visible. */
function shown(text: string): string {
  return /^[\x21-\x7e]+$/.test(text) ? text : JSON.stringify(text);
}

/** The studio could not bind its address: the message says why and what to try, in one line. */
export class ListenError extends Error {
  override name = 'ListenError';
}

function listenError(error: NodeJS.ErrnoException, port: number, host: string): Error {
  switch (error.code) {
    case 'EADDRINUSE':
      return new ListenError(`port ${port} is in use (another studio?); try --port N or PORT=N`);
    case 'EACCES':
      return new ListenError(`port ${port} needs more privileges than this user has (ports below 1024 usually do); try --port N or PORT=N`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new ListenError(`host ${shown(host)} not found; try --host 127.0.0.1 (this machine) or 0.0.0.0 (every network interface)`);
    case 'EADDRNOTAVAIL':
      return new ListenError(`host ${shown(host)} is not an address of this machine; try --host 127.0.0.1 or 0.0.0.0`);
    default:
      return error;
  }
}

export interface Listening {
  readonly server: http.Server;
  /** `http://HOST:PORT/` with the port actually bound. */
  readonly url: string;
  /** Settles when the handler has loaded (rejects with the load's error). */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

/** Rejects with a ListenError when the address cannot be bound (port in use, unknown host). */
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
    server.once('error', (error: NodeJS.ErrnoException) => reject(listenError(error, port, host)));
    server.listen(port, host, () => resolve());
  });
  handler = load();
  const { port: bound } = server.address() as AddressInfo;
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return { server, url: `http://${urlHost(host)}:${bound}/`, ready: handler.then(() => undefined), close };
}

/** An IPv6 address goes in brackets in a URL (`--host ::1` serves `http://[::1]:3000/`). */
function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}
