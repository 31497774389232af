import { Drop } from 'liquidjs';
import { fontFamilyFiles } from './font-files.ts';

/**
 * Shopify's `font` object, made from a `font_picker` setting's saved value: a handle naming a family in
 * Shopify's font library and a variant, `assistant_n4` (family handle, then `n` normal, `i` italic or `o`
 * oblique, then the weight in hundreds).
 *
 * The library itself is not offline, so what it would tell is assumed, and the README says so: every family
 * has every weight from 100 to 900 in normal and italic (no oblique), falls back to `sans-serif`, and is named
 * by its handle in title case (`open_sans` → `"Open Sans"`, quoted for its space). The generic families
 * `sans-serif`, `serif` and `monospace` are system fonts: nothing to download.
 */

export type FontStyle = 'normal' | 'italic' | 'oblique';

const STYLE_LETTERS: Record<string, FontStyle> = { n: 'normal', i: 'italic', o: 'oblique' };
const LETTER_OF: Record<FontStyle, string> = { normal: 'n', italic: 'i', oblique: 'o' };
const SYSTEM_FAMILIES = new Set(['sans-serif', 'serif', 'monospace']);
const WEIGHTS = [100, 200, 300, 400, 500, 600, 700, 800, 900];
/** The styles every library family is assumed to have; Shopify fonts have italic or oblique, never both. */
const LIBRARY_STYLES: FontStyle[] = ['normal', 'italic'];

export class FontDrop extends Drop {
  constructor(
    /** The family's handle in the library, e.g. "open_sans". */
    readonly familyHandle: string,
    readonly weight: number,
    readonly style: FontStyle,
  ) {
    super();
  }

  /** Wrapped in double quotes when it has a character other than A–Z, a–z, 0–9 or "-", as shopify.dev says. */
  get family(): string {
    if (this['system?']) return this.familyHandle;
    const name = this.familyHandle
      .split(/[_-]+/)
      .filter(Boolean)
      .map((word) => word[0]!.toUpperCase() + word.slice(1))
      .join(' ');
    return /^[A-Za-z0-9-]+$/.test(name) ? name : `"${name}"`;
  }

  /** A system font is its own generic family, so `family, fallback_families` stays valid CSS. */
  get fallback_families(): string {
    return this['system?'] ? this.familyHandle : 'sans-serif';
  }

  get 'system?'(): boolean {
    return SYSTEM_FAMILIES.has(this.familyHandle);
  }

  /** Every variant of the family, lightest first, normal before italic. */
  get variants(): FontDrop[] {
    return LIBRARY_STYLES.flatMap((style) => WEIGHTS.map((weight) => new FontDrop(this.familyHandle, weight, style))).filter((variant) => variant.exists());
  }

  /** The variant's handle, as the setting saves it: `assistant_n4`. */
  get handle(): string {
    return `${this.familyHandle}_${LETTER_OF[this.style]}${this.weight / 100}`;
  }

  /** Whether the library has this variant: the installed family's files say, else the assumption above. */
  exists(): boolean {
    if (!WEIGHTS.includes(this.weight)) return false;
    if (this['system?']) return this.style !== 'oblique';
    const files = fontFamilyFiles(this.familyHandle);
    return files ? files.variants.has(`${this.weight}-${this.style}`) : LIBRARY_STYLES.includes(this.style);
  }

  override valueOf(): string {
    return this.handle;
  }

  override toString(): string {
    return this.handle;
  }
}

/**
 * A `font_picker` setting's value as Liquid sees it: a font for a handle, nil for nothing saved or for a value
 * no library handle looks like (Shopify only saves its own handles; this keeps markup out of the CSS a
 * theme prints the family into).
 */
export function fontFromSetting(value: unknown): FontDrop | null {
  if (value instanceof FontDrop) return value;
  if (typeof value !== 'string') return null;
  const handle = value.trim().toLowerCase();
  if (!/^[a-z0-9][a-z0-9_-]*$/.test(handle)) return null;
  const variant = /^(.+)_([nio])([1-9])$/.exec(handle);
  if (!variant) return new FontDrop(handle, 400, 'normal');
  return new FontDrop(variant[1]!, Number(variant[3]) * 100, STYLE_LETTERS[variant[2]!]!);
}

/** CSS `bolder`/`lighter` from a weight, by the rules for relative weights browsers apply. */
export function relativeWeight(weight: number, direction: 'bolder' | 'lighter'): number {
  if (direction === 'bolder') return weight < 350 ? 400 : weight < 550 ? 700 : 900;
  return weight < 550 ? 100 : weight < 750 ? 400 : 700;
}
