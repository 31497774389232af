import type { Liquid } from 'liquidjs';
import { DocTag } from './doc.ts';
import { SchemaTag } from './schema.ts';
import { StylesheetTag, JavascriptTag } from './bundled-asset.ts';
import { StyleTag } from './style.ts';
import { FormTag } from './form.ts';
import { PaginateTag } from './paginate.ts';
import { SectionTag, SectionsTag, ContentForTag, LayoutTag } from './page-tags.ts';
import { ShopifyRenderTag } from './render-block.ts';

/** The one registration point for Shopify's theme tags. */
export function registerShopifyTags(liquid: Liquid): void {
  liquid.registerTag('doc', DocTag);
  liquid.registerTag('schema', SchemaTag);
  liquid.registerTag('stylesheet', StylesheetTag);
  liquid.registerTag('javascript', JavascriptTag);
  liquid.registerTag('style', StyleTag);
  liquid.registerTag('form', FormTag);
  liquid.registerTag('paginate', PaginateTag);
  liquid.registerTag('section', SectionTag);
  liquid.registerTag('sections', SectionsTag);
  liquid.registerTag('content_for', ContentForTag);
  liquid.registerTag('layout', LayoutTag);
  liquid.registerTag('render', ShopifyRenderTag);
}
