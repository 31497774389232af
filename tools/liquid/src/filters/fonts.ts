import { createHash } from 'node:crypto';
import type { Liquid } from 'liquidjs';
import { renderState } from '../state.ts';
import { FontDrop, relativeWeight, type FontStyle } from '../theme/fonts.ts';
import { filterError, namedValue, splitArgs, str, type FilterThis } from './html.ts';

/**
 * Shopify's font filters over `font` objects (tools/liquid/src/theme/fonts.ts), with the output shapes
 * shopify.dev documents:
 *
 *   font_url     //{domain}/cdn/fonts/assistant/assistant_n4.<40 hex>.woff2   ('woff' for the older format)
 *   font_face    @font-face { font-family: Assistant; font-weight: 400; font-style: normal; src: … }
 *   font_modify  the variant asked for, or nil when the family has none
 *
 * The hex part of a URL is a stable digest of the variant and format here, where Shopify's is the file's.
 */

const FORMATS = new Set(['woff2', 'woff']);
/** CSS `font-display` values; anything else would be written into the page's CSS as it stands. */
const DISPLAYS = new Set(['auto', 'block', 'swap', 'fallback', 'optional']);

/** The filters take font objects only, as Shopify's do: a handle string is no font. */
function fontOf(input: unknown): FontDrop | null {
  return input instanceof FontDrop ? input : null;
}

export function fontUrl(domain: string, font: FontDrop, format: string): string {
  if (font['system?']) return '';
  const digest = createHash('sha1').update(`${font.handle}.${format}`).digest('hex');
  return `//${domain}/cdn/fonts/${font.familyHandle}/${font.handle}.${digest}.${format}`;
}

/** `font_modify: property, value`: `style` normal/italic/oblique; `weight` 100–900, normal, bold, ±N00, bolder, lighter. */
export function modifyFont(font: FontDrop, property: string, value: string): FontDrop | null {
  let { weight, style } = font;
  if (property === 'style') {
    if (value !== 'normal' && value !== 'italic' && value !== 'oblique')
      throw filterError('font_modify', `style must be normal, italic or oblique, not "${value}"`);
    style = value as FontStyle;
  } else if (property === 'weight') {
    if (value === 'normal') weight = 400;
    else if (value === 'bold') weight = 700;
    else if (value === 'bolder' || value === 'lighter') weight = relativeWeight(weight, value);
    else if (/^[+-][1-9]00$/.test(value)) weight += Number(value);
    else if (/^[1-9]00$/.test(value)) weight = Number(value);
    else throw filterError('font_modify', `weight must be 100 to 900, normal, bold, bolder, lighter or ±100 to ±900, not "${value}"`);
  } else {
    throw filterError('font_modify', `the property must be "style" or "weight", not "${property}"`);
  }
  const modified = new FontDrop(font.familyHandle, weight, style);
  return modified.exists() ? modified : null;
}

export function registerFontFilters(liquid: Liquid): void {
  liquid.registerFilter('font_url', function (this: FilterThis, input: unknown, type?: unknown) {
    const font = fontOf(input);
    if (!font) return '';
    const format = type === undefined || type === null ? 'woff2' : str(type);
    if (!FORMATS.has(format)) throw filterError('font_url', `the format must be "woff2" or "woff", not "${format}"`);
    return fontUrl(renderState(this.context).shop.domain, font, format);
  });

  liquid.registerFilter('font_face', function (this: FilterThis, input: unknown, ...args: unknown[]) {
    const font = fontOf(input);
    if (!font || font['system?']) return '';
    const { named } = splitArgs(args);
    const display = namedValue(named, 'font_display');
    if (display !== undefined && display !== null && !DISPLAYS.has(str(display))) {
      throw filterError('font_face', `font_display must be auto, block, swap, fallback or optional, not "${str(display)}"`);
    }
    const domain = renderState(this.context).shop.domain;
    const lines = [
      `font-family: ${font.family};`,
      `font-weight: ${font.weight};`,
      `font-style: ${font.style};`,
      ...(display === undefined || display === null ? [] : [`font-display: ${str(display)};`]),
      `src: url("${fontUrl(domain, font, 'woff2')}") format("woff2"),\n       url("${fontUrl(domain, font, 'woff')}") format("woff");`,
    ];
    return `@font-face {\n  ${lines.join('\n  ')}\n}`;
  });

  liquid.registerFilter('font_modify', (input: unknown, property?: unknown, value?: unknown) => {
    const font = fontOf(input);
    return font ? modifyFont(font, str(property), str(value)) : null;
  });
}
