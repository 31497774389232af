import { Drop } from 'liquidjs';
import { fontFromSetting } from './fonts.ts';
import { colorFromSetting } from '../filters/color-object.ts';
import type { SettingSchema } from './theme.ts';

/**
 * Setting types whose saved value Liquid sees as an object rather than the JSON that `settings_data.json` or a
 * template holds: fonts, colours and colour schemes (shopify.dev/docs/api/liquid/objects/color_scheme and
 * color_scheme_group). Resource settings (products, collections, menus) are looked up by the page, which has the
 * store.
 */

/** One colour scheme of the theme's `color_scheme_group`: `id`, and `settings` typed by the group's definition. */
export class ColorSchemeDrop extends Drop {
  constructor(
    readonly id: string,
    readonly settings: Record<string, unknown>,
  ) {
    super();
  }

  /** "When a color_scheme setting is referenced directly, the color scheme ID is returned." */
  override valueOf(): string {
    return this.id;
  }

  toString(): string {
    return this.id;
  }
}

/**
 * The `color_scheme_group` setting: iterated with `for`, each scheme in the order the theme saved them, and
 * readable by id (`settings.color_schemes['scheme-1']`). An array, so `size`, `first` and loops work as on any
 * list, with each scheme also an own property under its id.
 */
export type ColorSchemeGroup = ColorSchemeDrop[] & Record<string, ColorSchemeDrop>;

interface GroupSetting extends SettingSchema {
  definition?: SettingSchema[];
}

/** The theme's colour schemes from the group setting's definition and saved value; empty when the theme has none. */
export function colorSchemeGroup(schema: GroupSetting | undefined, saved: unknown): ColorSchemeGroup {
  const group = [] as unknown as ColorSchemeGroup;
  if (!schema) return group;
  const value = saved ?? schema.default;
  const schemes = value !== null && typeof value === 'object' ? (value as Record<string, { settings?: Record<string, unknown> }>) : {};
  for (const [id, scheme] of Object.entries(schemes)) {
    const settings: Record<string, unknown> = {};
    for (const field of schema.definition ?? []) {
      if (field.id === undefined) continue;
      const raw = scheme?.settings && Object.hasOwn(scheme.settings, field.id) ? scheme.settings[field.id] : field.default;
      settings[field.id] = typedSetting(field.type, raw, group);
    }
    const drop = new ColorSchemeDrop(id, settings);
    group.push(drop);
    Object.defineProperty(group, id, { value: drop, enumerable: false });
  }
  return group;
}

/**
 * A saved setting value as Liquid sees it. `color_scheme` names a scheme of the group: an id the group lacks falls
 * back to the group's first scheme (Shopify's editor only saves ids that exist, and a deleted scheme's sections show
 * the first one; assumed, as the README says), nil when the theme has no schemes.
 */
export function typedSetting(type: string, value: unknown, schemes: ColorSchemeGroup): unknown {
  switch (type) {
    case 'font_picker':
      return fontFromSetting(value);
    case 'color':
      return colorFromSetting(value);
    case 'color_background':
      // A gradient, saved as CSS text; blank when none is set, so `!= empty` tests hold.
      return typeof value === 'string' ? value : '';
    case 'color_scheme':
      if (value instanceof ColorSchemeDrop) return value;
      return (typeof value === 'string' && schemes[value] instanceof ColorSchemeDrop ? schemes[value] : schemes[0]) ?? null;
    default:
      return value;
  }
}
