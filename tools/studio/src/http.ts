import type { IncomingMessage, ServerResponse } from 'node:http';

export const HTML = 'text/html; charset=utf-8';
export const TEXT = 'text/plain; charset=utf-8';

export function send(response: ServerResponse, status: number, contentType: string, body: string | Uint8Array): void {
  response.writeHead(status, { 'content-type': contentType });
  response.end(body);
}

/** Past the limit, this much more is read and dropped before the answer, so the answer is not lost to a reset. */
const DRAINED_BYTES = 8 * 1024 * 1024;

/**
 * A request's body, read up to `limit` bytes; undefined once it is larger. A larger body is still read to its
 * end, and dropped, when it ends within 8 MB past the limit: the answer then goes out on a connection that can
 * be kept. Past that the reading stops with the request left open, and the answer closes the connection
 * (front-door.ts), which may reset it. Destroying the request here would take the socket, and the answer, with it.
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
      chunks.length = 0;
      if (size > limit + DRAINED_BYTES) {
        request.pause();
        done(undefined);
      }
    };
    const onEnd = () => done(size <= limit ? Buffer.concat(chunks) : undefined);
    const onError = (error: Error) => {
      request.off('data', onData).off('end', onEnd);
      reject(error);
    };
    request.on('data', onData).on('end', onEnd).on('error', onError);
  });
}
