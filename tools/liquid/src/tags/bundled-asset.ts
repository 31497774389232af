import { Tag, type TagToken, type TopLevelToken, type Liquid, type Context } from 'liquidjs';
import { readRawBody } from './raw-body.ts';
import { renderState } from '../state.ts';

/**
 * `{% stylesheet %}` and `{% javascript %}`: Shopify takes their bodies verbatim
 * (no Liquid), concatenates them once per file across the theme, and serves them
 * from `content_for_header`. Nothing renders where the tag stands.
 */
function bundledAssetTag(kind: 'stylesheet' | 'javascript') {
  return class BundledAssetTag extends Tag {
    readonly source: string;
    readonly file: string;
    constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
      super(token, remainTokens, liquid);
      this.source = readRawBody(token, remainTokens);
      this.file = token.file ?? '';
    }
    // eslint-disable-next-line require-yield -- liquidjs runs a tag's render as a generator; this one only records.
    *render(ctx: Context): Generator<unknown, void, unknown> {
      renderState(ctx).page?.addBundledAsset(kind, this.file, this.source);
    }
  };
}

export const StylesheetTag = bundledAssetTag('stylesheet');
export const JavascriptTag = bundledAssetTag('javascript');
