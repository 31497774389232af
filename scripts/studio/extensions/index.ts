/**
 * Extension previews in the studio: `/extensions/HANDLE?order=ID&locale=CODE` runs an extension's real bundle
 * against a `shopify` global built from the store adapters for that scenario. The studio server asks this module
 * first for every request under `/extensions/` (and for the assets those pages load).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Storefront } from '../../storefront.ts';

/** Answers the request and returns true when it is an extension preview route; false to let the studio go on. */
export async function serveExtensionPreview(_storefront: Storefront, _request: IncomingMessage, _response: ServerResponse, _url: URL): Promise<boolean> {
  return false;
}
