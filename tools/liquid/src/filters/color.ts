import type { Liquid } from 'liquidjs';
import { filterError, isBlank, num, str } from './html.ts';
import { ColorDrop } from './color-object.ts';

/**
 * Shopify's color filters, as documented on shopify.dev (values checked against
 * its examples: `'#EA5AB9' | color_lighten: 30` → `#fbe2f3`,
 * `'#E800B0' | color_mix: '#00936F', 50` → `#744a90`, …).
 *
 * Colors are parsed from hex (3, 4, 6, 8 digits), `rgb()`/`rgba()` and
 * `hsl()`/`hsla()`. A result keeps the input's notation, except that a hex
 * color that gains transparency is written as `rgba()`. Input that is not a
 * color is returned unchanged; nil gives an empty string.
 */

type Notation = 'hex' | 'rgb' | 'hsl';

export interface Color {
  r: number;
  g: number;
  b: number;
  /** 0..1 */
  a: number;
  notation: Notation;
}

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));
const round2 = (n: number) => Math.round(n * 100) / 100;

function channel(token: string): number {
  const t = token.trim();
  if (t.endsWith('%')) return clamp((parseFloat(t) / 100) * 255, 0, 255);
  return clamp(parseFloat(t), 0, 255);
}

function alphaOf(token: string | undefined): number {
  if (token === undefined) return 1;
  const t = token.trim();
  return clamp(t.endsWith('%') ? parseFloat(t) / 100 : parseFloat(t), 0, 1);
}

export function parseColor(input: string): Color | undefined {
  const s = input.trim().toLowerCase();
  let m = /^#?([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(s);
  if (m) {
    let hex = m[1];
    if (hex.length <= 4) hex = [...hex].map((c) => c + c).join('');
    return {
      r: parseInt(hex.slice(0, 2), 16),
      g: parseInt(hex.slice(2, 4), 16),
      b: parseInt(hex.slice(4, 6), 16),
      a: hex.length === 8 ? parseInt(hex.slice(6, 8), 16) / 255 : 1,
      notation: 'hex',
    };
  }
  m = /^(rgba?|hsla?)\(\s*([^)]*)\)$/.exec(s);
  if (!m) return undefined;
  const parts = m[2].split(/\s*[,/]\s*|\s+/).filter(Boolean);
  if (parts.length < 3 || parts.length > 4 || parts.some((p) => Number.isNaN(parseFloat(p)))) return undefined;
  const a = alphaOf(parts[3]);
  if (m[1].startsWith('rgb')) return { r: channel(parts[0]), g: channel(parts[1]), b: channel(parts[2]), a, notation: 'rgb' };
  const { r, g, b } = hslToRgb(parseFloat(parts[0]), parseFloat(parts[1]), parseFloat(parts[2]));
  return { r, g, b, a, notation: 'hsl' };
}

/** h in degrees, s and l in percent → r, g, b in 0..255 (unrounded). */
export function hslToRgb(h: number, s: number, l: number): { r: number; g: number; b: number } {
  const hh = (((h % 360) + 360) % 360) / 360;
  const ss = clamp(s, 0, 100) / 100;
  const ll = clamp(l, 0, 100) / 100;
  if (ss === 0) return { r: ll * 255, g: ll * 255, b: ll * 255 };
  const q = ll < 0.5 ? ll * (1 + ss) : ll + ss - ll * ss;
  const p = 2 * ll - q;
  const hue = (t: number) => {
    if (t < 0) t += 1;
    if (t > 1) t -= 1;
    if (t < 1 / 6) return p + (q - p) * 6 * t;
    if (t < 1 / 2) return q;
    if (t < 2 / 3) return p + (q - p) * (2 / 3 - t) * 6;
    return p;
  };
  return { r: hue(hh + 1 / 3) * 255, g: hue(hh) * 255, b: hue(hh - 1 / 3) * 255 };
}

/** r, g, b in 0..255 → h in degrees, s and l in percent (unrounded). */
export function rgbToHsl(r: number, g: number, b: number): { h: number; s: number; l: number } {
  const [rr, gg, bb] = [r / 255, g / 255, b / 255];
  const max = Math.max(rr, gg, bb);
  const min = Math.min(rr, gg, bb);
  const l = (max + min) / 2;
  const d = max - min;
  if (d === 0) return { h: 0, s: 0, l: l * 100 };
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  let h: number;
  if (max === rr) h = (gg - bb) / d + (gg < bb ? 6 : 0);
  else if (max === gg) h = (bb - rr) / d + 2;
  else h = (rr - gg) / d + 4;
  return { h: h * 60, s: s * 100, l: l * 100 };
}

const hex2 = (n: number) =>
  Math.round(clamp(n, 0, 255))
    .toString(16)
    .padStart(2, '0');
const formatAlpha = (a: number) => String(round2(a));

export function formatColor(c: Color): string {
  const [r, g, b] = [c.r, c.g, c.b].map((n) => Math.round(clamp(n, 0, 255)));
  if (c.notation === 'hsl') {
    const { h, s, l } = rgbToHsl(c.r, c.g, c.b);
    const body = `${Math.round(h) % 360}, ${Math.round(s)}%, ${Math.round(l)}%`;
    return c.a < 1 ? `hsla(${body}, ${formatAlpha(c.a)})` : `hsl(${body})`;
  }
  if (c.notation === 'hex' && c.a >= 1) return `#${hex2(r)}${hex2(g)}${hex2(b)}`;
  return c.a < 1 ? `rgba(${r}, ${g}, ${b}, ${formatAlpha(c.a)})` : `rgb(${r}, ${g}, ${b})`;
}

function withHsl(c: Color, change: (hsl: { h: number; s: number; l: number }) => void): Color {
  const hsl = rgbToHsl(c.r, c.g, c.b);
  change(hsl);
  return { ...c, ...hslToRgb(hsl.h, clamp(hsl.s, 0, 100), clamp(hsl.l, 0, 100)) };
}

function percentArg(filter: string, value: unknown): number {
  const n = num(value);
  if (n === undefined || n < 0 || n > 100) throw filterError(filter, `the percentage must be a number between 0 and 100, got "${str(value)}"`);
  return n;
}

/**
 * Applies `fn` to a parsed color; nil → '', non-colors come back unchanged. A filter that changes a color
 * (`keepsObject`) given a `color` object gives one back, so `.red` or `.rgb` can be read from its result, as
 * themes do (Dawn's `background_color | color_lighten: 50` then `.red`); given a string it gives a string.
 */
function colorFilter(fn: (c: Color, ...args: unknown[]) => string | number, options: { keepsObject?: boolean } = {}) {
  return (input: unknown, ...args: unknown[]): string | number | ColorDrop => {
    if (isBlank(input)) return '';
    const c = input instanceof ColorDrop ? input.color : parseColor(str(input));
    if (!c) return str(input);
    const result = fn(c, ...args);
    if (options.keepsObject && input instanceof ColorDrop && typeof result === 'string') {
      const changed = parseColor(result);
      if (changed) return new ColorDrop(changed);
    }
    return result;
  };
}

const KEEPS_OBJECT = { keepsObject: true };

function relativeLuminance(c: Color): number {
  const lin = (v: number) => {
    const x = v / 255;
    return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}

/** W3C perceived brightness (https://www.w3.org/TR/AERT/#color-contrast), 0..255. */
function brightness(c: Color): number {
  return (c.r * 299 + c.g * 587 + c.b * 114) / 1000;
}

function otherColor(filter: string, value: unknown): Color {
  const c = value instanceof ColorDrop ? value.color : parseColor(str(value));
  if (!c) throw filterError(filter, `"${str(value)}" is not a color`);
  return c;
}

const COMPONENTS = ['red', 'green', 'blue', 'alpha', 'hue', 'saturation', 'lightness'];

function componentArg(filter: string, value: unknown): string {
  const name = str(value).trim().toLowerCase();
  if (!COMPONENTS.includes(name)) throw filterError(filter, `unknown color component "${str(value)}"; use ${COMPONENTS.join(', ')}`);
  return name;
}

/** OKLCH from sRGB (Björn Ottosson's OKLab matrices). */
function toOklch(c: Color): { l: number; c: number; h: number } {
  const lin = (v: number) => {
    const x = v / 255;
    return x <= 0.04045 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4);
  };
  const [r, g, b] = [lin(c.r), lin(c.g), lin(c.b)];
  const l_ = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m_ = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s_ = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  const L = 0.2104542553 * l_ + 0.793617785 * m_ - 0.0040720468 * s_;
  const A = 1.9779984951 * l_ - 2.428592205 * m_ + 0.4505937099 * s_;
  const B = 0.0259040371 * l_ + 0.7827717662 * m_ - 0.808675766 * s_;
  const h = (Math.atan2(B, A) * 180) / Math.PI;
  return { l: L, c: Math.sqrt(A * A + B * B), h: h < 0 ? h + 360 : h };
}

export function registerColorFilters(liquid: Liquid): void {
  liquid.registerFilter(
    'color_to_rgb',
    colorFilter((c) => formatColor({ ...c, notation: 'rgb' })),
  );
  liquid.registerFilter(
    'color_to_hex',
    colorFilter((c) => formatColor({ ...c, a: 1, notation: 'hex' })),
  );
  liquid.registerFilter(
    'color_to_hsl',
    colorFilter((c) => formatColor({ ...c, notation: 'hsl' })),
  );
  liquid.registerFilter(
    'color_to_oklch',
    colorFilter((c) => {
      const o = toOklch(c);
      const alpha = round2(c.a);
      return `oklch(${Math.round(o.l * 100)}% ${round2(o.c)} ${Math.round(o.h) % 360} / ${Number.isInteger(alpha) ? alpha.toFixed(1) : alpha})`;
    }),
  );
  liquid.registerFilter(
    'color_extract',
    colorFilter((c, component) => {
      const name = componentArg('color_extract', component);
      if (name === 'red' || name === 'green' || name === 'blue') return Math.round(c[name[0] as 'r' | 'g' | 'b']);
      if (name === 'alpha') return round2(c.a);
      const hsl = rgbToHsl(c.r, c.g, c.b);
      return Math.round(name === 'hue' ? hsl.h : name === 'saturation' ? hsl.s : hsl.l);
    }),
  );
  liquid.registerFilter(
    'color_modify',
    colorFilter((c, component, value) => {
      const name = componentArg('color_modify', component);
      const n = num(value);
      if (n === undefined) throw filterError('color_modify', `the value must be a number, got "${str(value)}"`);
      if (name === 'red' || name === 'green' || name === 'blue') return formatColor({ ...c, [name[0]]: clamp(n, 0, 255) });
      if (name === 'alpha') return formatColor({ ...c, a: clamp(n, 0, 1) });
      return formatColor(
        withHsl(c, (hsl) => {
          if (name === 'hue') hsl.h = clamp(n, 0, 360);
          else if (name === 'saturation') hsl.s = clamp(n, 0, 100);
          else hsl.l = clamp(n, 0, 100);
        }),
      );
    }, KEEPS_OBJECT),
  );
  liquid.registerFilter(
    'color_lighten',
    colorFilter((c, p) => formatColor(withHsl(c, (hsl) => void (hsl.l += percentArg('color_lighten', p)))), KEEPS_OBJECT),
  );
  liquid.registerFilter(
    'color_darken',
    colorFilter((c, p) => formatColor(withHsl(c, (hsl) => void (hsl.l -= percentArg('color_darken', p)))), KEEPS_OBJECT),
  );
  liquid.registerFilter(
    'color_saturate',
    colorFilter((c, p) => formatColor(withHsl(c, (hsl) => void (hsl.s += percentArg('color_saturate', p)))), KEEPS_OBJECT),
  );
  liquid.registerFilter(
    'color_desaturate',
    colorFilter((c, p) => formatColor(withHsl(c, (hsl) => void (hsl.s -= percentArg('color_desaturate', p)))), KEEPS_OBJECT),
  );
  liquid.registerFilter(
    'color_mix',
    colorFilter((c, other, percent) => {
      const o = otherColor('color_mix', other);
      const w = percentArg('color_mix', percent) / 100;
      const mix = (x: number, y: number) => x * w + y * (1 - w);
      const a = c.a < 1 || o.a < 1 ? mix(c.a, o.a) : 1;
      return formatColor({ r: mix(c.r, o.r), g: mix(c.g, o.g), b: mix(c.b, o.b), a, notation: c.notation });
    }, KEEPS_OBJECT),
  );
  liquid.registerFilter(
    'color_contrast',
    colorFilter((c, other) => {
      const l1 = relativeLuminance(c);
      const l2 = relativeLuminance(otherColor('color_contrast', other));
      return Math.round(((Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05)) * 10) / 10;
    }),
  );
  liquid.registerFilter(
    'color_brightness',
    colorFilter((c) => round2(brightness(c))),
  );
  liquid.registerFilter(
    'brightness_difference',
    colorFilter((c, other) => Math.round(Math.abs(brightness(c) - brightness(otherColor('brightness_difference', other))))),
  );
  liquid.registerFilter(
    'color_difference',
    colorFilter((c, other) => {
      const o = otherColor('color_difference', other);
      return Math.round(Math.abs(c.r - o.r) + Math.abs(c.g - o.g) + Math.abs(c.b - o.b));
    }),
  );
  liquid.registerFilter('hex_to_rgba', (input: unknown, alpha?: unknown) => {
    if (isBlank(input)) return '';
    const c = parseColor(str(input));
    if (!c || c.notation !== 'hex') return str(input);
    const a = isBlank(alpha) ? c.a : clamp(num(alpha) ?? 1, 0, 1);
    return `rgba(${Math.round(c.r)},${Math.round(c.g)},${Math.round(c.b)},${formatAlpha(a)})`;
  });
}
