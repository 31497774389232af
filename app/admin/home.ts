/**
 * The app's page in the Shopify admin (shopify.app.toml's application_url): where Shopify-managed installation
 * lands with a session token. It installs the shop (admin/install.ts) and says where it stands. Embedded through
 * App Bridge, framed only by the shop's own admin.
 */
import type { Shopify } from '@shopify/shopify-api';
import { isApiError } from '../http/responses.ts';
import type { Sql } from '../storage/sql.ts';
import type { InstalledShop } from '../storage/shops.ts';
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
  return page(200, context.apiKey, installed.shop, installedBody(installed));
}

/**
 * The shop's offers, to read and replace: the JSON of app/offers.json's format in a text area, saved with
 * PUT /api/admin/offers (App Bridge adds the session token to the page's own fetches). Problems come back at their
 * JSON paths; the page writes every text with textContent, never as markup.
 */
function installedBody(installed: InstalledShop): string {
  const config = installed.offers ? JSON.stringify(JSON.parse(installed.offers.json), null, 2) : '{\n  "offers": []\n}';
  const count = installed.offers ? (JSON.parse(installed.offers.json) as { offers: unknown[] }).offers.length : 0;
  return `<p>Encore is installed on <strong>${escapeHtml(installed.shop)}</strong>. Its post-purchase offer page shows to buyers who qualify for an offer.</p>
<section aria-labelledby="encore-offers-heading">
<h2 id="encore-offers-heading">Post-purchase offers</h2>
<p id="encore-offers-count">${count === 0 ? 'No offers yet: buyers see no offer page.' : `${count} ${count === 1 ? 'offer' : 'offers'} stored.`}</p>
<form id="encore-offers-form">
<label for="encore-offers-json">Offers, as app/offers.json writes them (variant ids and handles from this shop)</label>
<textarea id="encore-offers-json" name="offers" rows="24" cols="80" spellcheck="false">${escapeHtml(config)}</textarea>
<button type="submit">Save offers</button>
</form>
<div id="encore-offers-result" role="status"></div>
</section>
<script>
(() => {
  const result = document.getElementById('encore-offers-result');
  const show = (lines) => {
    const list = document.createElement('ul');
    for (const line of lines) list.append(Object.assign(document.createElement('li'), { textContent: line }));
    result.replaceChildren(list);
  };
  const problems = (body) => (body.problems ?? body.error?.problems ?? []).map((problem) => problem.path + ': ' + problem.message);
  fetch('/api/admin/offers').then((response) => response.json()).then((body) => {
    const found = problems(body);
    if (found.length > 0) show(['The shop no longer has what these offers name; they are not served:', ...found]);
  }, () => {});
  document.getElementById('encore-offers-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const response = await fetch('/api/admin/offers', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: document.getElementById('encore-offers-json').value,
    });
    const body = await response.json();
    if (response.ok) {
      document.getElementById('encore-offers-count').textContent = body.offers + (body.offers === 1 ? ' offer' : ' offers') + ' stored.';
      show(['Saved.']);
    } else show(['Not saved:', ...(problems(body).length > 0 ? problems(body) : [body.error?.message ?? 'HTTP ' + response.status])]);
  });
})();
</script>`;
}
