/**
 * Names of countries, languages and currencies from the ICU data built into
 * Node (Intl), so fixtures only carry ISO codes and never disagree with
 * themselves about a name.
 */
const displayNames = new Map<string, Intl.DisplayNames>();

function names(locale: string, type: Intl.DisplayNamesType): Intl.DisplayNames {
  const key = `${locale}:${type}`;
  let found = displayNames.get(key);
  if (!found) displayNames.set(key, (found = new Intl.DisplayNames([locale, 'en'], { type, fallback: 'code' })));
  return found;
}

/** ICU lookups cost microseconds each and pages ask for the same few names again and again. */
const known = new Map<string, string>();

function nameOf(locale: string, type: Intl.DisplayNamesType, code: string): string {
  const key = `${type}:${locale}:${code}`;
  let name = known.get(key);
  if (name === undefined) {
    name = names(locale, type).of(code) ?? code;
    known.set(key, name);
  }
  return name;
}

export const countryName = (code: string, locale = 'en'): string => nameOf(locale, 'region', code);
export const languageName = (code: string, locale = 'en'): string => nameOf(locale, 'language', code);
export const currencyName = (code: string, locale = 'en'): string => nameOf(locale, 'currency', code);

/** The short symbol shoppers know, e.g. "$" for USD and CAD, "€" for EUR. */
export function currencySymbol(code: string): string {
  const parts = new Intl.NumberFormat('en', { style: 'currency', currency: code, currencyDisplay: 'narrowSymbol' }).formatToParts(0);
  return parts.find((part) => part.type === 'currency')?.value ?? code;
}

/** Countries that measure in pounds and inches. */
const IMPERIAL = new Set(['US', 'LR', 'MM']);
export const unitSystem = (countryCode: string): 'imperial' | 'metric' => (IMPERIAL.has(countryCode) ? 'imperial' : 'metric');
