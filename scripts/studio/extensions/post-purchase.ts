/**
 * The post-purchase upsell preview. Not built yet: the route answers an honest page saying so, rather than
 * a blank one, until the remote-ui host lands.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Storefront } from '../../storefront.ts';
import { messagePage } from './page.ts';

export const POST_PURCHASE_HANDLE = 'encore-post-purchase-upsell';

export async function servePostPurchase(_storefront: Storefront, _request: IncomingMessage, response: ServerResponse, url: URL): Promise<boolean> {
  if (!url.pathname.startsWith('/extensions/')) return false;
  response.writeHead(501, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(
    messagePage(
      'Post-purchase preview: not yet',
      'The studio cannot show the post-purchase upsell in the browser yet. Its funnel runs against the real backend in the tests (test/extensions/post-purchase-backend.test.tsx).',
    ),
  );
  return true;
}
