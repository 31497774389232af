/**
 * The post-purchase preview page: the signed input as inert JSON, the host script, and the styles for the
 * HTML the host draws the extension's components as.
 */
import { BODY_STYLE, escapeHtml, scriptJson } from '../page.ts';

export const POST_PURCHASE_HOST = '/__encore/ext/post-purchase/host.js';
export const POST_PURCHASE_BUNDLE = '/__encore/ext/post-purchase/bundle.js';

const STYLE = `
${BODY_STYLE}
body { max-width: 62rem; }
main { background: #fff; border-radius: 12px; padding: 1.25rem; }
.pp-Layout { display: flex; flex-wrap: wrap; align-items: flex-start; row-gap: .5rem; margin-inline: auto; }
.pp-Layout > .pp-Image { width: 100%; }
.pp-BlockStack { display: flex; flex-direction: column; gap: 1rem; }
.pp-BlockStack[data-spacing="tight"], .pp-BlockStack[data-spacing="xtight"] { gap: .35rem; }
.pp-InlineStack { display: flex; flex-wrap: wrap; gap: .75rem; align-items: baseline; }
.pp-Bookend { display: flex; gap: .75rem; align-items: baseline; }
.pp-Bookend > * { flex: 1 1 auto; min-width: 0; }
.pp-Bookend.leading > :first-child, .pp-Bookend.trailing > :last-child { flex: 0 0 auto; }
.pp-Bookend.trailing > :last-child { margin-inline-start: auto; text-align: end; }
.pp-Heading { font-size: 1.5rem; margin: 0; }
.pp-Text[data-size="large"] { font-size: 1.2rem; }
.subdued { color: #595959; }
.emphasized { font-weight: 600; }
.pp-Image { max-width: 100%; height: auto; border-radius: 8px; }
.pp-Banner { border: 1px solid #b98900; background: #fff8e5; border-radius: 8px; padding: .75rem; }
.pp-Banner[data-status="critical"] { border-color: #d72c0d; background: #fff4f4; }
.pp-Button { font: inherit; padding: .75rem 1rem; border-radius: 8px; border: 0; background: #1a1a1a; color: #fff; cursor: pointer; }
.pp-Button.subdued { background: transparent; color: #1a1a1a; text-decoration: underline; }
.pp-Button:disabled { opacity: .6; cursor: default; }
.pp-Select { display: flex; flex-direction: column; gap: .25rem; }
.pp-Select select { font: inherit; padding: .5rem; }
.pp-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

export interface PostPurchasePage {
  title: string;
  locale: string;
  inputData: unknown;
  cdnPrefix: string;
  /** The same order's thank-you preview, where Shopify goes next. */
  thankYou: string;
  /** The order's taxes charged on top of prices, each rate by title; none when its prices include tax. */
  taxRates: { title: string; rate: number }[];
  /** Why Shopify would skip the page for this order (then the backend offers nothing); null when it shows it. */
  skipped: string | null;
}

export function postPurchasePage(page: PostPurchasePage): string {
  const config = {
    inputData: page.inputData,
    bundle: POST_PURCHASE_BUNDLE,
    cdnPrefix: page.cdnPrefix,
    thankYou: page.thankYou,
    taxRates: page.taxRates,
    skipped: page.skipped,
  };
  return `<!doctype html>
<html lang="${escapeHtml(page.locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)}</title>
<link rel="icon" href="data:,">
<style>${STYLE}</style>
<script type="application/json" id="encore-post-purchase">${scriptJson(config)}</script>
<script type="module" src="${POST_PURCHASE_HOST}"></script>
</head>
<body><main><p role="status">Loading the post-purchase page…</p></main></body>
</html>
`;
}
