import type { ServerResponse } from 'node:http';
import path from 'node:path';
import type { Storefront } from './storefront.ts';
import { escapeHtml } from '@encore/liquid/filters/html.ts';
import { send, TEXT } from './http.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
};

/** `/cdn/shop/t/1/assets/NAME`: the theme's `assets/NAME`, never a path outside the folder. */
export function serveAsset(storefront: Storefront, pathname: string, response: ServerResponse): void {
  const name = decodeURIComponent(pathname.slice(pathname.indexOf('/assets/') + '/assets/'.length));
  const source = name.includes('..') ? undefined : storefront.theme.read(`assets/${name}`);
  if (source === undefined) return send(response, 404, TEXT, `No asset ${name}\n`);
  send(response, 200, CONTENT_TYPES[path.extname(name)] ?? 'application/octet-stream', source);
}

/** Fixture images are not shipped; a neutral placeholder keeps the layout honest. */
export function servePlaceholderImage(pathname: string, response: ServerResponse): void {
  const label = escapeHtml(decodeURIComponent(path.basename(pathname)).replace(/\.[a-z]+$/i, ''));
  send(
    response,
    200,
    'image/svg+xml',
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400" width="400" height="400">` +
      `<rect width="400" height="400" fill="#e9e7e2"/><text x="200" y="205" font-family="sans-serif" font-size="20" text-anchor="middle" fill="#6b6862">${label}</text></svg>`,
  );
}
