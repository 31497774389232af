/**
 * Where a preview draws the extension. On Shopify an extension's `document.body` is a remote root that checkout
 * mirrors into a slot of its own page, under checkout's landmarks and headings. The studio does the same: the
 * extension's bundle is built with `document.body` standing for a global the host points at a slot inside the
 * preview page's `<main>` (bundle.ts `define`), so the page keeps one main landmark and an `<h1>` above it.
 */
export const EXTENSION_SLOT_ID = 'encore-extension';
export const EXTENSION_ROOT_GLOBAL = 'encoreExtensionRoot';

/** The esbuild `define` that points an extension's `document.body` at the slot. */
export const EXTENSION_ROOT_DEFINE: Record<string, string> = { 'document.body': `globalThis.${EXTENSION_ROOT_GLOBAL}` };
