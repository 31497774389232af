/**
 * The post-purchase host as the extension meets it: `self.shopify.extend(point, callback)`. Loading the
 * extension records each callback under its extension point, so a test can call ShouldRender and Render itself.
 */
export type Callback = (...args: any[]) => any;

export const registered = new Map<string, Callback>();

/** Installs the host and imports the extension once (call from `beforeAll`). */
export async function loadPostPurchaseExtension(): Promise<void> {
  const host = globalThis as { self?: unknown; shopify?: unknown };
  host.self ??= globalThis;
  host.shopify = { extend: (point: string, callback: Callback) => registered.set(point, callback), reload: () => {} };
  await import('../../../extensions/post-purchase-upsell/src/index.tsx');
}
