/**
 * The HTML of a preview page: the scenario as inert JSON and the host script, which builds `shopify`, draws the
 * Polaris elements and runs the extension's bundle. The page stands in for checkout's or the customer
 * account's frame: one `<main>` with a studio heading (English, the studio's language) above the slot the
 * extension draws in (host/root.ts).
 */
import type { Store } from '@encore/fixtures/types.ts';
import { onStudioOrigin } from '@encore/fixtures/adapters/graphql-apis.ts';
import { EXTENSION_SLOT_ID } from './host/root.ts';
import type { Scenario } from './scenario.ts';

export const HOST_SCRIPT = '/__encore/ext/host.js';
export const bundleUrl = (handle: string) => `/__encore/ext/bundle/${encodeURIComponent(handle)}.js`;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** JSON safe inside a <script> element: no `</script>` or `<!--` can close it, whatever the customer typed. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * The page itself, shared with the post-purchase preview. `overflow-wrap` is inherited into the Polaris
 * elements' shadow roots, so a customer's 200-letter word wraps at 390 px instead of widening the page.
 */
export const BODY_STYLE =
  'body { font: 16px/1.5 system-ui, sans-serif; color: #1a1a1a; background: #f4f4f4; max-width: 44rem; margin: 2rem auto; padding: 0 1rem; overflow-wrap: anywhere; }';

const STYLE = `
${BODY_STYLE}
.studio-heading { font-size: .875rem; font-weight: 600; color: #5c5c5c; margin: 0 0 1rem; }
.studio-heading a { color: inherit; }
.studio-note { color: #5c5c5c; }
s-section { display: block; background: #fff; border-radius: 12px; padding: 1.25rem; margin-block-end: 1rem; }
`;

export interface PreviewTitle {
  /** What is previewed, e.g. `encore-thank-you · order 1003`. */
  subject: string;
  /** The request's origin: links and images into the shop point at the studio, which stands in for it. */
  origin: string;
}

export function previewPage(store: Store, scenario: Scenario, { subject, origin }: PreviewTitle): string {
  return `<!doctype html>
<html lang="${escapeHtml(scenario.locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(subject)} · Encore studio</title>
<link rel="icon" href="data:,">
<style>${STYLE}</style>
<script type="application/json" id="encore-scenario">${onStudioOrigin(store, scriptJson({ ...scenario, bundle: bundleUrl(scenario.handle) }), origin)}</script>
<script type="module" src="${HOST_SCRIPT}"></script>
</head>
<body>
<main>
<h1 class="studio-heading" lang="en"><a href="/">Encore studio</a> · ${escapeHtml(subject)}</h1>
<div id="${EXTENSION_SLOT_ID}"></div>
</main>
</body>
</html>
`;
}

export function messagePage(status: string, message: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><title>${escapeHtml(status)}</title><style>${STYLE}</style></head>
<body><main><h1>${escapeHtml(status)}</h1><p>${escapeHtml(message)}</p><p><a href="/">All scenarios</a></p></main></body>
</html>
`;
}
