/**
 * The app's page in the Shopify admin (shopify.app.toml's application_url): where Shopify-managed installation
 * lands with a session token. It installs the shop (admin/install.ts) and says where it stands. Embedded through
 * App Bridge, framed only by the shop's own admin.
 */
import type { Shopify } from '@shopify/shopify-api';
import { isApiError } from '../http/responses.ts';
import type { Sql } from '../storage/sql.ts';
import { installedShop } from './install.ts';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

function page(status: number, apiKey: string, shop: string | null, body: string): Response {
  // Only the shop's admin may frame the page; without a shop, nobody may.
  const ancestors = shop ? `https://${shop} https://admin.shopify.com` : "'none'";
  return new Response(
    `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="shopify-api-key" content="${escapeHtml(apiKey)}">
<script src="https://cdn.shopify.com/shopifycloud/app-bridge.js"></script>
<title>Encore</title>
</head>
<body>
<main>
<h1>Encore</h1>
${body}
</main>
</body>
</html>
`,
    {
      status,
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'content-security-policy': `frame-ancestors ${ancestors};`,
      },
    },
  );
}

export async function adminHome(request: Request, context: { shopify: Shopify; sql: Sql; apiKey: string; now: number }): Promise<Response> {
  const sessionToken = new URL(request.url).searchParams.get('id_token');
  if (!sessionToken) {
    return page(400, context.apiKey, null, '<p>Open Encore from your Shopify admin: Apps, then Encore.</p>');
  }
  const installed = await installedShop(context.shopify, context.sql, sessionToken, context.now);
  if (isApiError(installed)) return page(installed.status, context.apiKey, null, `<p>${escapeHtml(installed.message)}</p>`);
  return page(
    200,
    context.apiKey,
    installed.shop,
    `<p>Encore is installed on <strong>${escapeHtml(installed.shop)}</strong>. Its post-purchase offer page shows to buyers who qualify for an offer.</p>`,
  );
}
