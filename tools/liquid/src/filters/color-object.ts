import { Drop } from 'liquidjs';
import { rubyFloat } from '../ruby/float.ts';
import { formatColor, parseColor, rgbToHsl, type Color } from './color.ts';

/**
 * Shopify's `color` object (shopify.dev/docs/api/liquid/objects/color), what a `color` setting holds: printed
 * directly it is the hexadecimal code ("When a color setting is referenced directly, the hexidecimal color code is
 * returned"); `red`, `green`, `blue` (0–255), `alpha` (0.0–1.0), `hue`, `saturation`, `lightness`, and `rgb` /
 * `rgba` as space-separated strings (`255 255 255`, `255 255 255 / 1.0`), which is how themes write CSS variables
 * (`rgb({{ scheme.settings.background.rgb }})`).
 */
export class ColorDrop extends Drop {
  constructor(readonly color: Color) {
    super();
  }

  get red(): number {
    return Math.round(this.color.r);
  }

  get green(): number {
    return Math.round(this.color.g);
  }

  get blue(): number {
    return Math.round(this.color.b);
  }

  get alpha(): unknown {
    return rubyFloat(Math.round(this.color.a * 100) / 100);
  }

  get hue(): number {
    return Math.round(rgbToHsl(this.color.r, this.color.g, this.color.b).h) % 360;
  }

  get saturation(): number {
    return Math.round(rgbToHsl(this.color.r, this.color.g, this.color.b).s);
  }

  get lightness(): number {
    return Math.round(rgbToHsl(this.color.r, this.color.g, this.color.b).l);
  }

  get rgb(): string {
    return `${this.red} ${this.green} ${this.blue}`;
  }

  get rgba(): string {
    return `${this.rgb} / ${String(this.alpha)}`;
  }

  get color_space(): string {
    return 'srgb';
  }

  /** Lowercase hex; a translucent colour keeps its alpha as a fourth pair (`#12121280`), which CSS reads too. */
  override valueOf(): string {
    const opaque = formatColor({ ...this.color, a: 1, notation: 'hex' });
    if (this.color.a >= 1) return opaque;
    return `${opaque}${Math.round(this.color.a * 255)
      .toString(16)
      .padStart(2, '0')}`;
  }

  toString(): string {
    return this.valueOf();
  }
}

/** A `color` setting's saved value as Liquid sees it: a color object, or nil when nothing (or no colour) is saved. */
export function colorFromSetting(value: unknown): ColorDrop | null {
  if (value instanceof ColorDrop) return value;
  if (typeof value !== 'string' || value.trim() === '') return null;
  const color = parseColor(value);
  return color ? new ColorDrop({ ...color, notation: 'hex' }) : null;
}
