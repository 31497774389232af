import { createHash } from 'node:crypto';
import { remember } from './bounded-cache.ts';
import type { Context, Liquid } from 'liquidjs';
import { renderState } from '../state.ts';
import { attributes, escapeHtml, filterError, isBlank, namedValue, plain, splitArgs, str, type FilterThis } from './html.ts';

/**
 * Theme asset and file URLs and the tags that load them. URL shapes follow the
 * outputs documented on shopify.dev, on the shop's domain:
 *
 *   asset_url          //{domain}/cdn/shop/t/1/assets/cart.js?v=<hash of the file>
 *   asset_img_url      //{domain}/cdn/shop/t/1/assets/name_small.jpg?v=<hash>
 *   file_url           //{domain}/cdn/shop/files/disclaimer.pdf?v=<hash of the name>
 *   file_img_url       //{domain}/cdn/shop/files/name_small.png?v=<hash of the name>
 *   global_asset_url   //{domain}/cdn/s/global/lightbox.js
 *   shopify_asset_url  //{domain}/cdn/shopifycloud/storefront/assets/themes_support/option_selection-b017cd28.js
 *
 * Shopify's `v` values are content versions we cannot know offline; ours are
 * stable digests (of the asset's content, or of the file name for Files-page
 * files, which live outside the theme), so they change exactly when the file does.
 */

/** Theme id segment in asset URLs. Offline there is one theme. */
export const THEME_ID = 1;

/** A stable decimal version string, shaped like Shopify's numeric `v` values. */
const versions = new Map<string, string>();

export function versionOf(content: string): string {
  // The theme keeps one string per file until it changes, so the lookup is cheap
  // and hashing a stylesheet happens once per version of it, not once per page.
  return (
    versions.get(content) ?? remember(versions, content, BigInt('0x' + createHash('sha256').update(content).digest('hex').slice(0, 15)).toString(10), 1000)
  );
}

/** Eight hex digits, like the fingerprints in Shopify's own asset file names. */
export function fingerprint(name: string): string {
  return createHash('sha256').update(name).digest('hex').slice(0, 8);
}

/** Named `img_url` sizes (shopify.dev); `master`/`original` mean the untouched file. */
export const NAMED_IMAGE_SIZES: Readonly<Record<string, number>> = {
  pico: 16,
  icon: 32,
  thumb: 50,
  small: 100,
  compact: 160,
  medium: 240,
  large: 480,
  grande: 600,
  '1024x1024': 1024,
  '2048x2048': 2048,
  original: 0,
  master: 0,
};

/** Validates an `img_url` size (`'small'`, `'480x'`, `'x480'`, `'480x480'`, `'master'`) and returns its file-name suffix. */
export function imageSizeSuffix(filter: string, size: unknown): string {
  const s = isBlank(size) ? 'small' : str(size).trim().toLowerCase();
  if (s === 'master' || s === 'original') return '';
  if (s in NAMED_IMAGE_SIZES) return `_${s}`;
  const m = /^(\d*)x(\d*)$/.exec(s);
  if (m && (m[1] || m[2])) {
    const w = Number(m[1] || 0);
    const h = Number(m[2] || 0);
    if (w > 5760 || h > 5760) throw filterError(filter, `size "${s}" exceeds the 5760 x 5760 px maximum`);
    return `_${s}`;
  }
  throw filterError(filter, `invalid size "${str(size)}"; use a named size (small, large, …), WIDTHxHEIGHT, WIDTHx or xHEIGHT`);
}

/** `name.jpg` + `_small` → `name_small.jpg` (the suffix goes before the extension). */
export function withSuffix(fileName: string, suffix: string): string {
  if (!suffix) return fileName;
  const slash = fileName.lastIndexOf('/');
  const dot = fileName.lastIndexOf('.');
  return dot > slash ? fileName.slice(0, dot) + suffix + fileName.slice(dot) : fileName + suffix;
}

function assetName(filter: string, input: unknown): string {
  const name = str(input)
    .trim()
    .replace(/^\/+/, '')
    .replace(/^assets\//, '');
  if (name.includes('..')) throw filterError(filter, `invalid asset name "${name}"`);
  return name;
}

function encodePath(name: string): string {
  return name.split('/').map(encodeURIComponent).join('/');
}

export function assetUrl(ctx: Context, input: unknown, suffix = '', filter = 'asset_url'): string {
  if (isBlank(input)) return '';
  const state = renderState(ctx);
  const name = assetName(filter, input);
  const content = state.theme?.readAsset(name);
  const url = `//${state.shop.domain}/cdn/shop/t/${THEME_ID}/assets/${encodePath(withSuffix(name, suffix))}`;
  return content === undefined ? url : `${url}?v=${versionOf(content)}`;
}

export function fileUrl(ctx: Context, input: unknown, suffix = ''): string {
  if (isBlank(input)) return '';
  const name = str(input).trim().replace(/^\/+/, '');
  return `//${renderState(ctx).shop.domain}/cdn/shop/files/${encodePath(withSuffix(name, suffix))}?v=${versionOf(`files/${name}`)}`;
}

/** The Shopify-hosted assets `shopify_asset_url` serves, with the fingerprint documented for `option_selection.js`. */
const SHOPIFY_ASSETS: Readonly<Record<string, string>> = {
  'option_selection.js': 'b017cd28',
  'api.jquery.js': fingerprint('api.jquery.js'),
  'shopify_common.js': fingerprint('shopify_common.js'),
  'customer_area.js': fingerprint('customer_area.js'),
  'currencies.js': fingerprint('currencies.js'),
  'customer.css': fingerprint('customer.css'),
};

export function shopifyAssetUrl(ctx: Context, input: unknown): string {
  if (isBlank(input)) return '';
  const name = str(input).trim();
  const hash = SHOPIFY_ASSETS[name] ?? fingerprint(name);
  return `//${renderState(ctx).shop.domain}/cdn/shopifycloud/storefront/assets/themes_support/${encodePath(withSuffix(name, `-${hash}`))}`;
}

/** Assets `inline_asset_content` accepts, and Shopify's size limit for inlining. */
const INLINE_EXTENSIONS = ['.svg', '.js', '.css'];
const INLINE_MAX_BYTES = 15 * 1024;

export function inlineAssetContent(ctx: Context, input: unknown): string {
  const name = assetName('inline_asset_content', input);
  if (!name) throw filterError('inline_asset_content', 'an asset name is required');
  if (!INLINE_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext))) {
    throw filterError('inline_asset_content', `asset "${name}" must be an SVG, JS or CSS file`);
  }
  const theme = renderState(ctx).theme;
  const content = theme?.readAsset(name);
  if (content === undefined) throw filterError('inline_asset_content', `asset "assets/${name}" not found`);
  if (Buffer.byteLength(content, 'utf8') >= INLINE_MAX_BYTES) {
    throw filterError('inline_asset_content', `asset "assets/${name}" is too large to inline (the limit is 15KB)`);
  }
  return content;
}

export function stylesheetTag(url: unknown, args: unknown[]): string {
  if (isBlank(url)) return '';
  const { named } = splitArgs(args);
  const media = namedValue(named, 'media');
  return `<link href="${escapeHtml(url)}" rel="stylesheet" type="text/css" media="${escapeHtml(isBlank(media) ? 'all' : media)}" />`;
}

export function scriptTag(url: unknown): string {
  if (isBlank(url)) return '';
  return `<script src="${escapeHtml(url)}" type="text/javascript"></script>`;
}

export function preloadTag(url: unknown, args: unknown[]): string {
  const { named } = splitArgs(args);
  if (isBlank(namedValue(named, 'as'))) throw filterError('preload_tag', 'the "as" parameter is required');
  if (isBlank(url)) return '';
  const attrs: Array<[string, unknown]> = [['href', str(url)], ...named.filter(([k]) => k !== 'href' && k !== 'rel')];
  attrs.push(['rel', 'preload']);
  return `<link${attributes(attrs)}>`;
}

export function registerAssetFilters(liquid: Liquid): void {
  liquid.registerFilter('asset_url', function (this: FilterThis, input: unknown) {
    return assetUrl(this.context, input);
  });
  liquid.registerFilter('asset_img_url', function (this: FilterThis, input: unknown, size?: unknown) {
    if (isBlank(input)) return '';
    return assetUrl(this.context, input, imageSizeSuffix('asset_img_url', plain(size)), 'asset_img_url');
  });
  liquid.registerFilter('file_url', function (this: FilterThis, input: unknown) {
    return fileUrl(this.context, input);
  });
  liquid.registerFilter('file_img_url', function (this: FilterThis, input: unknown, size?: unknown) {
    if (isBlank(input)) return '';
    return fileUrl(this.context, input, imageSizeSuffix('file_img_url', plain(size)));
  });
  liquid.registerFilter('global_asset_url', function (this: FilterThis, input: unknown) {
    if (isBlank(input)) return '';
    return `//${renderState(this.context).shop.domain}/cdn/s/global/${encodePath(str(input).trim().replace(/^\/+/, ''))}`;
  });
  liquid.registerFilter('shopify_asset_url', function (this: FilterThis, input: unknown) {
    return shopifyAssetUrl(this.context, input);
  });
  liquid.registerFilter('inline_asset_content', function (this: FilterThis, input: unknown) {
    return inlineAssetContent(this.context, input);
  });
  liquid.registerFilter('stylesheet_tag', (url: unknown, ...args: unknown[]) => stylesheetTag(url, args));
  liquid.registerFilter('script_tag', (url: unknown) => scriptTag(url));
  liquid.registerFilter('preload_tag', (url: unknown, ...args: unknown[]) => preloadTag(url, args));
}
