/**
 * Reading a studio page's links as a browser would follow them. test/preview/shop-routes.test.ts has its own
 * copies of these two; they can move here.
 */

/** The same-origin links a page holds (href and src, stylesheets included), as path and query; fragments left out. */
export function linksOf(base: string, html: string): string[] {
  const origin = new URL(base).origin;
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)]
    .map((match) => match[1]!.replace(/&amp;/g, '&'))
    .filter((href) => !href.startsWith('#'))
    .map((href) => new URL(href, base))
    .filter((url) => url.origin === origin)
    .map((url) => `${url.pathname}${url.search}`);
}

/** What encore-recommendations.js fetches on an account page, built as the script builds it; none without a seed. */
export function recommendationsOf(html: string): string | undefined {
  const block = /<section[^>]*data-encore-recommendations[^>]*>/.exec(html)?.[0];
  if (!block) return undefined;
  const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(block)?.[1] ?? '';
  if (!attr('data-encore-url') || !attr('data-encore-product-id') || !attr('data-encore-section-id')) return undefined;
  return `${attr('data-encore-url')}?product_id=${attr('data-encore-product-id')}&limit=${attr('data-encore-limit')}&section_id=${attr('data-encore-section-id')}&intent=related`;
}
