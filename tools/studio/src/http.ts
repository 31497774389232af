import type { IncomingMessage, ServerResponse } from 'node:http';

export const HTML = 'text/html; charset=utf-8';
export const TEXT = 'text/plain; charset=utf-8';

export function send(response: ServerResponse, status: number, contentType: string, body: string | Uint8Array): void {
  response.writeHead(status, { 'content-type': contentType });
  response.end(body);
}

/**
 * A request's body, read up to `limit` bytes; undefined once it is larger. The rest is left unread, and the
 * request open: the answer about it closes the connection (front-door.ts), where destroying the request would
 * take the socket, and the answer, with it.
 */
export function readBody(request: IncomingMessage, limit: number): Promise<Buffer<ArrayBuffer> | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (body: Buffer<ArrayBuffer> | undefined) => {
      request.off('data', onData).off('end', onEnd).off('error', onError);
      resolve(body);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      request.pause();
      done(undefined);
    };
    const onEnd = () => done(Buffer.concat(chunks));
    const onError = (error: Error) => {
      request.off('data', onData).off('end', onEnd);
      reject(error);
    };
    request.on('data', onData).on('end', onEnd).on('error', onError);
  });
}
