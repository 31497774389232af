/**
 * What every request to the studio passes first, whatever route it is for: a Host that is a host name, a target
 * that is a path, a method the studio serves; and whatever fault a route meets answers 500 and is logged, while
 * the process serves on. The checks are the backend's own (app/node/listener.ts), so both answer alike.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { FORBIDDEN_METHODS, targetPath, validHost } from '../../../app/node/listener.ts';

function refuse(response: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', connection: 'close', ...headers });
  response.end(`${message}\n`);
}

/**
 * `listener` behind the checks. An answer that goes out before its request's body was read to the end closes the
 * connection (`Connection: close`): the unread rest would otherwise be read as the next request on it.
 */
export function frontDoor(listener: (request: IncomingMessage, response: ServerResponse) => unknown, log: (line: string) => void): RequestListener {
  return (request, response) => {
    const writeHead = response.writeHead;
    response.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse['writeHead']>) {
      if (!request.complete && !this.headersSent) this.setHeader('connection', 'close');
      return writeHead.apply(this, args);
    } as ServerResponse['writeHead'];
    if (!validHost(request.headers.host)) return refuse(response, 400, 'Bad request: the Host header is not a host name.');
    const path = targetPath(request.url);
    if (path === null) return refuse(response, 400, 'Bad request: the request target is not a path.');
    if (FORBIDDEN_METHODS.has(request.method ?? ''))
      return refuse(response, 405, `The studio does not answer ${request.method}.`, { allow: 'GET, HEAD, POST' });
    // The routes read the path as given here: an absolute-form target (`http://host/path`) is its path.
    request.url = path;
    let answered: unknown;
    try {
      answered = listener(request, response);
    } catch (error) {
      return fault(error, request, response, log);
    }
    if (answered instanceof Promise) answered.catch((error: unknown) => fault(error, request, response, log));
  };
}

/** A fault no route answered: one log line naming it (no body, no query), and a 500 if nothing was sent yet. */
function fault(error: unknown, request: IncomingMessage, response: ServerResponse, log: (line: string) => void): void {
  const name = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  log(`${request.method} ${(request.url ?? '').split('?')[0]}: ${name}`);
  if (response.headersSent) response.destroy();
  else refuse(response, 500, 'The studio met an error it did not expect; it is in the terminal, and the studio serves on.');
}
