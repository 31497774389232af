/** /collections and /collections/HANDLE (`all` included): the store fixture's collections and their products. */
import { isPublished } from '@encore/core/catalog.ts';
import { escapeHtml } from '@encore/liquid/filters/html.ts';
import type { Collection, Product } from '@encore/fixtures/types.ts';
import { bdi, decodeSegment, htmlText, notFound, page, type Context, type ShopAnswer } from './page.ts';
import { priceRange } from './product.ts';

export function collectionAnswer(context: Context, encoded: string | undefined): ShopAnswer {
  if (encoded === undefined) return { status: 200, body: collectionsPage(context) };
  const handle = decodeSegment(encoded);
  if (handle === 'all') return { status: 200, body: productsPage(context, 'All products', '', context.store.products) };
  const collection = handle === undefined ? undefined : context.store.collections.find((candidate) => candidate.handle === handle);
  if (!collection) return notFound(context, `/collections/${encoded}`, [`no collection "${handle ?? encoded}" in the store`]);
  return {
    status: 200,
    body: productsPage(context, collection.title, collection.description, productsOf(context, collection)),
  };
}

function productsOf(context: Context, collection: Collection): Product[] {
  return collection.products.map((handle) => context.view.product(handle)).filter((product) => product !== undefined);
}

function collectionsPage(context: Context): string {
  const items = context.store.collections.map((collection) => {
    const href = `${context.localePath}/collections/${encodeURIComponent(collection.handle)}`;
    return `<li><a href="${escapeHtml(href)}">${bdi(collection.title)}</a></li>`;
  });
  const body =
    "<h1>Collections</h1><p>On Shopify this URL serves the list-collections template; the studio lists the store fixture's collections.</p>" +
    `<ul>${items.join('')}</ul>`;
  return page('Collections', body, context.store);
}

/** Only what the online store shows: a collection page on Shopify leaves unpublished products out. */
function productsPage(context: Context, title: string, description: string, products: readonly Product[]): string {
  const items = products
    .filter((product) => isPublished(product, context.now))
    .map((product) => {
      const href = `${context.localePath}/products/${encodeURIComponent(product.handle)}`;
      return `<li><a href="${escapeHtml(href)}">${bdi(product.title)}</a> — ${priceRange(context, product.variants)}</li>`;
    });
  const text = htmlText(description);
  const body =
    `<h1>${bdi(title)}</h1>${text ? `<p>${bdi(text)}</p>` : ''}` +
    "<p>On Shopify this URL serves the theme's collection template; the studio lists its products from the store fixture.</p>" +
    `<ul>${items.join('')}</ul>`;
  return page(title, body, context.store);
}
