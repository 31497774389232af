import type { Context, Liquid } from 'liquidjs';
import { remember } from './bounded-cache.ts';
import { renderState, type RenderState } from '../state.ts';
import { imageSizeSuffix, withSuffix } from './assets.ts';
import { PLACEHOLDER_SVGS } from './data/placeholders.ts';
import { attributes, escapeHtml, filterError, hasNamed, isBlank, namedValue, num, plain, prop, splitArgs, str, type FilterThis } from './html.ts';

/**
 * Image filters: `image_url`, `image_tag`, the deprecated `img_url` family and
 * `placeholder_svg_tag`. Outputs follow shopify.dev's documented examples:
 *
 *   {{ product | image_url: width: 450 }}
 *     → //{domain}/cdn/shop/files/name.jpg?v=1683744744&width=450   (parameters sorted by name)
 *   {{ product | image_url: width: 200 | image_tag }}
 *     → <img src="…&amp;width=200" alt="Health potion" srcset="…&amp;width=200 200w" width="200" height="133">
 *
 * Images may be given as image objects (`src`, `width`, `height`, `alt`,
 * optional `version`/`updated_at`, `presentation.focal_point`), as resources
 * that have one (product, variant, collection, article, line item, media), or as
 * strings: a CDN path like `files/name.jpg` / `products/name.jpg`, a file name
 * (taken from the Files page) or an absolute URL.
 *
 * `image_url` returns a plain string, as Shopify's does; what `image_tag` needs
 * to know about the image behind that URL (dimensions, alt, focal point) is
 * remembered per render, keyed by the URL.
 */

export interface ResolvedImage {
  /** An absolute URL (`//host/path`, `https://…`) without its query, or a path under `/cdn/shop/`. */
  src: string;
  absolute: boolean;
  version?: string;
  width?: number;
  height?: number;
  alt: string;
  focalPoint?: { x: number; y: number };
}

/** Attributes that lead from a resource to its image, in the order Shopify looks at them. */
const IMAGE_KEYS = ['featured_image', 'image', 'preview_image', 'featured_media'];

function versionFrom(value: unknown): string | undefined {
  const v = plain(value);
  if (v === null || v === undefined || v === '') return undefined;
  if (v instanceof Date) return String(Math.floor(v.getTime() / 1000));
  if (typeof v === 'number') return String(Math.floor(v));
  const s = String(v);
  if (/^\d+$/.test(s)) return s;
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : String(Math.floor(t / 1000));
}

function fromString(value: string, alt = ''): ResolvedImage {
  let s = value.trim();
  let version: string | undefined;
  const q = s.indexOf('?');
  if (q >= 0) {
    version = new URLSearchParams(s.slice(q + 1)).get('v') ?? undefined;
    s = s.slice(0, q);
  }
  const absolute = /^(https?:)?\/\//i.test(s);
  let src = s;
  if (!absolute) {
    src = s.replace(/^\/+/, '').replace(/^cdn\/shop\//, '');
    if (!src.includes('/')) src = `files/${src}`;
  }
  return { src, absolute, version, alt };
}

function focalPointOf(image: unknown, ctx: Context): { x: number; y: number } | undefined {
  const presentation = prop(image, 'presentation', ctx);
  const fp = prop(presentation, 'focal_point', ctx) ?? prop(image, 'focal_point', ctx);
  const x = num(prop(fp, 'x', ctx));
  const y = num(prop(fp, 'y', ctx));
  return x === undefined || y === undefined ? undefined : { x, y };
}

/** Finds the image behind a Liquid value; undefined when there is none (nil, or a resource without image). */
export function resolveImage(value: unknown, ctx: Context, depth = 0): ResolvedImage | undefined {
  const v = plain(value);
  if (v === null || v === undefined || v === false || depth > 3) return undefined;
  if (typeof v === 'string') return v.trim() ? fromString(v) : undefined;
  if (typeof v !== 'object') return undefined;
  const src = plain(prop(v, 'src', ctx));
  if (typeof src === 'string' && src.trim()) {
    const image = fromString(src, str(prop(v, 'alt', ctx)));
    image.version = versionFrom(prop(v, 'version', ctx)) ?? image.version ?? versionFrom(prop(v, 'updated_at', ctx));
    image.width = num(prop(v, 'width', ctx));
    image.height = num(prop(v, 'height', ctx));
    image.focalPoint = focalPointOf(v, ctx);
    return image;
  }
  if (src !== undefined && src !== null && typeof src === 'object') return resolveImage(src, ctx, depth + 1);
  for (const key of IMAGE_KEYS) {
    const inner = prop(v, key, ctx);
    if (isBlank(inner)) continue;
    const image = resolveImage(inner, ctx, depth + 1);
    if (image) {
      // Product, variant, collection, article and line item images fall back to the resource's title.
      if (!image.alt) image.alt = str(prop(v, 'title', ctx));
      return image;
    }
  }
  return undefined;
}

function baseUrl(state: RenderState, image: ResolvedImage, fileSuffix = ''): string {
  const path = withSuffix(image.src, fileSuffix);
  return image.absolute ? path : `//${state.shop.domain}/cdn/shop/${path}`;
}

function buildUrl(base: string, params: Map<string, string>): string {
  const keys = [...params.keys()].sort();
  if (!keys.length) return base;
  return `${base}?${keys.map((k) => `${k}=${encodeURIComponent(params.get(k)!)}`).join('&')}`;
}

interface ImageMeta {
  width?: number;
  height?: number;
  alt: string;
  focalPoint?: { x: number; y: number };
}

/** What `image_tag` needs to know about URLs made by `image_url` in this render. */
const urlMeta = new WeakMap<RenderState, Map<string, ImageMeta>>();

function rememberUrl(state: RenderState, url: string, meta: ImageMeta): void {
  let map = urlMeta.get(state);
  if (!map) urlMeta.set(state, (map = new Map()));
  remember(map, url, meta, 5000);
}

const IMAGE_URL_PARAMS = ['width', 'height', 'crop', 'crop_left', 'crop_top', 'crop_width', 'crop_height', 'format', 'pad_color', 'quality'];
const CROPS = ['top', 'center', 'bottom', 'left', 'right', 'region'];
const MAX_DIMENSION = 5760;

function dimension(name: string, value: unknown): string | undefined {
  if (isBlank(value)) return undefined;
  const n = num(value);
  if (n === undefined || n <= 0 || !Number.isInteger(n)) throw filterError('image_url', `${name} must be a positive whole number, got "${str(value)}"`);
  if (n > MAX_DIMENSION) throw filterError('image_url', `${name} must be at most ${MAX_DIMENSION}px, got ${n}`);
  return String(n);
}

export function imageUrl(ctx: Context, input: unknown, args: unknown[]): string {
  const image = resolveImage(input, ctx);
  if (!image) return '';
  const state = renderState(ctx);
  const { named } = splitArgs(args);
  const params = new Map<string, string>();
  if (image.version) params.set('v', image.version);
  for (const [key, raw] of named) {
    if (!IMAGE_URL_PARAMS.includes(key) || isBlank(raw)) continue;
    if (key === 'width' || key === 'height' || key.startsWith('crop_')) {
      const d = key.startsWith('crop_') ? String(num(raw) ?? '') : dimension(key, raw);
      if (d) params.set(key, d);
    } else if (key === 'crop') {
      const crop = str(raw);
      if (!CROPS.includes(crop)) throw filterError('image_url', `crop must be one of ${CROPS.join(', ')}, got "${crop}"`);
      params.set('crop', crop);
    } else if (key === 'format') {
      const format = str(raw);
      if (format !== 'jpg' && format !== 'pjpg') throw filterError('image_url', `format must be jpg or pjpg, got "${format}"`);
      params.set('format', format);
    } else if (key === 'pad_color') {
      const color = str(raw).replace(/^#/, '');
      if (!/^([0-9a-f]{3}|[0-9a-f]{6})$/i.test(color)) throw filterError('image_url', `pad_color must be a hex3 or hex6 color, got "${str(raw)}"`);
      params.set('pad_color', color);
    } else if (key === 'quality') {
      const q = num(raw);
      if (q === undefined || q < 10 || q > 90) throw filterError('image_url', `quality must be between 10 and 90, got "${str(raw)}"`);
      params.set('quality', String(Math.round(q)));
    }
  }
  const url = buildUrl(baseUrl(state, image), params);
  rememberUrl(state, url, { width: image.width, height: image.height, alt: image.alt, focalPoint: image.focalPoint });
  return url;
}

/** `image_tag`'s default `srcset` widths (shopify.dev examples: 352w appears below a 400px URL). */
export const DEFAULT_SRCSET_WIDTHS = [352, 832, 1200, 1920, 2560, 3840];

function splitUrl(url: string): { base: string; params: Map<string, string> } {
  const q = url.indexOf('?');
  if (q < 0) return { base: url, params: new Map() };
  const params = new Map<string, string>();
  for (const [k, v] of new URLSearchParams(url.slice(q + 1))) params.set(k, v);
  return { base: url.slice(0, q), params };
}

function formatPercent(n: number): string {
  return String(Math.round(n * 10000) / 10000);
}

export function imageTag(ctx: Context, input: unknown, args: unknown[]): string {
  if (isBlank(input)) return '';
  const state = renderState(ctx);
  let url: string;
  let meta: ImageMeta | undefined;
  const value = plain(input);
  if (typeof value === 'string') {
    url = value;
    meta = urlMeta.get(state)?.get(url);
  } else {
    // Not an image_url: use the image at its own size.
    url = imageUrl(ctx, value, []);
    if (!url) return '';
    meta = urlMeta.get(state)?.get(url);
  }
  const { base, params } = splitUrl(url);
  const { named } = splitArgs(args);

  const original = meta?.width && meta?.height ? { w: meta.width, h: meta.height } : undefined;
  const urlW = num(params.get('width'));
  const urlH = num(params.get('height'));
  let aspect: number | undefined;
  if (urlW && urlH) aspect = urlW / urlH;
  else if (original) aspect = original.w / original.h;

  let width = urlW ?? (urlH && aspect ? Math.round(urlH * aspect) : original?.w);
  if (width !== undefined && original && !(urlW && urlH) && width > original.w) width = original.w;
  let height: number | undefined;
  if (urlW && urlH) height = urlH;
  else if (width !== undefined && aspect) height = Math.round(width / aspect);

  // srcset
  let srcset: string | undefined;
  if (hasNamed(named, 'srcset')) {
    const given = namedValue(named, 'srcset');
    srcset = isBlank(given) ? undefined : str(given);
  } else if (width !== undefined) {
    let widths: number[];
    const custom = namedValue(named, 'widths');
    if (!isBlank(custom)) {
      widths = str(custom)
        .split(',')
        .map((w) => Number(w.trim()))
        .filter((w) => Number.isInteger(w) && w > 0);
    } else {
      widths = DEFAULT_SRCSET_WIDTHS.filter((w) => w <= width!);
      if (!widths.length) widths = [width];
      const tagWidth = num(namedValue(named, 'width'));
      if (tagWidth !== undefined && Number.isInteger(tagWidth) && tagWidth <= width && !widths.includes(tagWidth)) widths.push(tagWidth);
    }
    widths = [...new Set(widths)].sort((a, b) => a - b);
    srcset = widths
      .map((w) => {
        const p = new Map(params);
        p.set('width', String(w));
        if (urlW && urlH) p.set('height', String(Math.round((w * urlH) / urlW)));
        return `${buildUrl(base, p)} ${w}w`;
      })
      .join(', ');
  }

  // width/height: by default from the URL; if either is given, only the given ones.
  let widthAttr: unknown = width;
  let heightAttr: unknown = height;
  if (hasNamed(named, 'width') || hasNamed(named, 'height')) {
    widthAttr = namedValue(named, 'width');
    heightAttr = namedValue(named, 'height');
  }

  const alt = hasNamed(named, 'alt') ? str(namedValue(named, 'alt')) : (meta?.alt ?? '');
  const style = meta?.focalPoint ? `object-position:${formatPercent(meta.focalPoint.x)}% ${formatPercent(meta.focalPoint.y)}%;` : undefined;

  const reserved = ['src', 'alt', 'srcset', 'widths', 'width', 'height', 'sizes', 'loading', 'preload', 'style'];
  const pairs: Array<[string, unknown]> = [
    ['src', url],
    ['alt', alt],
    ['srcset', srcset],
    ['width', isBlank(widthAttr) ? undefined : str(widthAttr)],
    ['height', isBlank(heightAttr) ? undefined : str(heightAttr)],
    ['sizes', isBlank(namedValue(named, 'sizes')) ? undefined : str(namedValue(named, 'sizes'))],
    ['loading', isBlank(namedValue(named, 'loading')) ? undefined : str(namedValue(named, 'loading'))],
    ['style', hasNamed(named, 'style') ? namedValue(named, 'style') : style],
    ...named.filter(([k]) => !reserved.includes(k)),
  ];
  return `<img${attributes(pairs)}>`;
}

/** The deprecated size-suffix URLs: `name_small.jpg?v=…`, `name_480x480_crop_center@2x.jpg?v=…`. */
export function imgUrl(ctx: Context, filter: string, input: unknown, args: unknown[]): string {
  const image = resolveImage(input, ctx);
  if (!image) return '';
  const { positional, named } = splitArgs(args);
  const size = positional[0];
  let suffix = imageSizeSuffix(filter, plain(size));
  // crop, scale and format only apply to an explicit size (shopify.dev: `img_url: crop: 'bottom'` stays `_small`).
  let progressive = false;
  if (!isBlank(size) && suffix) {
    const crop = namedValue(named, 'crop');
    if (!isBlank(crop)) {
      const c = str(crop);
      if (!CROPS.includes(c) || c === 'region') throw filterError(filter, `crop must be one of top, center, bottom, left, right, got "${c}"`);
      suffix += `_crop_${c}`;
    }
    const scale = num(namedValue(named, 'scale'));
    if (scale === 2 || scale === 3) suffix += `@${scale}x`;
    progressive = str(namedValue(named, 'format')) === 'pjpg';
  }
  let url = baseUrl(renderState(ctx), image, suffix);
  if (progressive) url = url.replace(/(\.[A-Za-z0-9]+)$/, '.progressive.jpg');
  return image.version ? `${url}?v=${image.version}` : url;
}

function placeholderSvg(name: unknown, args: unknown[]): string {
  const key = str(name).trim();
  const svg = PLACEHOLDER_SVGS[key];
  if (!svg) return escapeHtml(key);
  const { positional, named } = splitArgs(args);
  const cls = positional[0] ?? namedValue(named, 'class');
  const classAttr = isBlank(cls) ? '' : ` class="${escapeHtml(cls)}"`;
  return `<svg${classAttr} xmlns="http://www.w3.org/2000/svg" viewBox="0 0 525.5 525.5">${svg}</svg>`;
}

export function registerMediaFilters(liquid: Liquid): void {
  liquid.registerFilter('image_url', function (this: FilterThis, input: unknown, ...args: unknown[]) {
    return imageUrl(this.context, input, args);
  });
  liquid.registerFilter('image_tag', function (this: FilterThis, input: unknown, ...args: unknown[]) {
    return imageTag(this.context, input, args);
  });
  for (const filter of ['img_url', 'product_img_url', 'collection_img_url', 'article_img_url']) {
    liquid.registerFilter(filter, function (this: FilterThis, input: unknown, ...args: unknown[]) {
      return imgUrl(this.context, filter, input, args);
    });
  }
  liquid.registerFilter('img_tag', function (this: FilterThis, input: unknown, alt?: unknown, cls?: unknown, size?: unknown) {
    if (isBlank(input)) return '';
    const value = plain(input);
    const src = typeof value === 'string' && /^(https?:)?\/\//.test(value) ? value : imgUrl(this.context, 'img_tag', value, [size]);
    const pairs: Array<[string, unknown]> = [
      ['src', src],
      ['alt', alt === undefined || alt === null ? '' : str(alt)],
    ];
    if (cls !== undefined && cls !== null) pairs.push(['class', str(cls)]);
    return `<img${attributes(pairs)} />`;
  });
  liquid.registerFilter('placeholder_svg_tag', (name: unknown, ...args: unknown[]) => placeholderSvg(name, args));
}
