/**
 * The backend's handler on node:http: an IncomingMessage becomes a web Request and the Response goes back. What
 * the handler cannot see is settled here:
 *
 * - Routing reads the request target's path only: an origin-form target (`/api/…`) or an absolute-form one
 *   (`http://host/api/…`) reach the same route, and the Host header never decides where a request goes.
 * - A Host that is not a host (`a b`, `%`, `[::1`, a port past 65535) is 400; an empty Host is only unusual.
 * - Methods the fetch standard forbids in a Request (CONNECT, TRACE, TRACK) are 405 before one is built.
 * - A body the handler answered without reading to its end (413, 415, 404) cannot be left on the connection: the
 *   next request would be read from the middle of it. Such an answer says `Connection: close` and the socket
 *   closes once it is sent.
 * - Any fault is a 500 that is logged by its error name, never its message, and the server serves on.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { Handler } from '../handler.ts';
import { apiError, errorResponse } from '../http/responses.ts';

/** Where the web Request says it was sent: fixed, so no header can change what the handler routes on. */
const ORIGIN = 'http://backend.invalid';
/** Methods no route answers (TRACE would echo the request back): 405 before any route sees them. */
export const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);
/** A host name or IPv4 address, or an IPv6 address in brackets, with an optional port of up to 65535. */
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.?|\[[0-9a-f:.]+\])(?::(\d{1,5}))?$/i;

export function validHost(host: string | undefined): boolean {
  if (host === undefined || host === '') return true;
  const match = HOST.exec(host);
  return match !== null && (match[1] === undefined || Number(match[1]) <= 65535);
}

/** The path and query of a request target, origin-form or absolute-form; null when it is neither. */
export function targetPath(target: string | undefined): string | null {
  if (!target) return null;
  if (target.startsWith('/')) return target.startsWith('//') ? null : target;
  if (!/^https?:\/\//i.test(target)) return null;
  try {
    const url = new URL(target);
    return `${url.pathname}${url.search}`;
  } catch {
    return null;
  }
}

/**
 * Writes a web Response. A request refused before it was read (`refused`), or whose body the handler left unread,
 * ends its connection: what is left of the body would be taken for the next request.
 */
async function send(request: IncomingMessage, response: ServerResponse, answer: Response, refused = false): Promise<void> {
  const body = new Uint8Array(await answer.arrayBuffer());
  const headers = Object.fromEntries(answer.headers);
  if (refused || !request.complete) headers.connection = 'close';
  response.writeHead(answer.status, headers);
  response.end(body);
}

const refuse = (status: number, code: string, message: string, headers: Record<string, string> = {}) => errorResponse(apiError(status, code, message), headers);

export function nodeListener(handler: Handler, log: (line: string) => void = (line) => console.log(line)) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    try {
      const path = targetPath(request.url);
      if (!validHost(request.headers.host)) return send(request, response, refuse(400, 'bad_host', 'The Host header is not a host name.'), true);
      if (path === null) return send(request, response, refuse(400, 'bad_target', 'The request target is not a path.'), true);
      if (FORBIDDEN_METHODS.has(request.method ?? '')) {
        return send(request, response, refuse(405, 'method_not_allowed', 'Use POST.', { allow: 'POST, OPTIONS' }), true);
      }
      const headers = new Headers();
      for (let i = 0; i < request.rawHeaders.length; i += 2) headers.append(request.rawHeaders[i]!, request.rawHeaders[i + 1]!);
      const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
      const webRequest = new Request(`${ORIGIN}${path}`, {
        method: request.method,
        headers,
        body: hasBody ? (Readable.toWeb(request) as ReadableStream<Uint8Array>) : undefined,
        duplex: 'half',
      } as RequestInit);
      await send(request, response, await handler(webRequest));
    } catch (error) {
      log(JSON.stringify({ route: 'listener', error: error instanceof Error ? error.name : typeof error }));
      if (response.headersSent) response.destroy();
      else await send(request, response, refuse(500, 'internal_error', 'Something went wrong; the buyer goes on to the thank-you page.'), true);
    }
  };
}
