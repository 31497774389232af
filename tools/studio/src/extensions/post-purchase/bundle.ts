/**
 * The post-purchase extension's own source bundled for the browser (through ../bundle.ts, which keeps it in
 * memory and rebuilds it when one of its files changes). It differs from the Preact previews' bundles in two
 * ways: JSX is React 17's (remote-ui), and `process.env.ENCORE_APP_URL`, which Shopify's CLI inlines at build
 * time, becomes the page's origin, so the extension's backend is the studio itself.
 */
import path from 'node:path';
import { besideModule } from '@encore/liquid/paths.ts';
import { bundle, type Bundle } from '../bundle.ts';

export const POST_PURCHASE_ENTRY = path.join(besideModule(import.meta.url, '../../../../..'), 'extensions/post-purchase-upsell/src/index.tsx');

/** The bundle; a failed build is retried on the next request. */
export function postPurchaseBundle(): Promise<Bundle> {
  return bundle({ entry: POST_PURCHASE_ENTRY, jsxImportSource: 'react', define: { 'process.env.ENCORE_APP_URL': 'self.location.origin' } });
}
