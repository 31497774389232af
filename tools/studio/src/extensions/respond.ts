/**
 * How the preview routes answer: every answer uncached (`no-store`) except bundles, which a browser may keep
 * and revalidate: their ETag is a hash of the code, so a rebuilt bundle is fetched at once, and an unchanged
 * one answers 304 and is not downloaded and compiled again (a post-purchase bundle with its source map is
 * megabytes; every preview page loads one).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Bundle } from './bundle.ts';

export const HTML = 'text/html; charset=utf-8';
export const JAVASCRIPT = 'text/javascript; charset=utf-8';
export const JSON_TYPE = 'application/json';

export function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  response.end(body);
}

export async function sendBundle(request: IncomingMessage, response: ServerResponse, build: () => Promise<Bundle>): Promise<void> {
  let built: Bundle;
  try {
    built = await build();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // A build error shows in the console of the page that loads it, with esbuild's file and line.
    return send(response, 500, JAVASCRIPT, `console.error(${JSON.stringify(`Encore studio: the bundle failed to build\n${message}`)});`);
  }
  const headers = { 'Content-Type': JAVASCRIPT, 'Cache-Control': 'no-cache', ETag: built.etag, 'X-Content-Type-Options': 'nosniff' };
  if (request.headers['if-none-match'] === built.etag) {
    response.writeHead(304, headers);
    return void response.end();
  }
  response.writeHead(200, headers);
  response.end(built.code);
}
