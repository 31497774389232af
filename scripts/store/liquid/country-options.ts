/**
 * `all_country_option_tags` and `country_option_tags` (shopify.dev/docs/api/liquid/objects/all_country_option_tags):
 * an `<option>` per country, its `data-provinces` a JSON array of `[name, label]` pairs of its subregions (`[]` when
 * it has none), as themes' address forms expect (Dawn's CountryProvinceSelector reads it).
 *
 * The countries and their provinces are Shopify's own: the country data its address service serves, as published
 * in `@shopify/address-mocks` (239 countries and regions, provinces for the 32 that Shopify asks one for), in
 * English, French and Japanese. The option's value is the English name (what an address's `country` holds); its
 * label is the page's language: Shopify's own names where the data has the language, else `Intl.DisplayNames`,
 * with province labels then in English. Options are sorted by their label in the page's language.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { escapeHtml } from '../../engine/filters/html.ts';

interface CountryData {
  name: string;
  code: string;
  zones: { name: string; code: string }[];
}

const require = createRequire(import.meta.url);
const SHOPIFY_LANGUAGES = ['en', 'fr', 'ja'] as const;
const byLanguage = new Map<string, CountryData[]>();

/** The package exports only its jest helpers; its data files are read by path, without running them. */
function countries(language: (typeof SHOPIFY_LANGUAGES)[number]): CountryData[] {
  let list = byLanguage.get(language);
  if (!list) {
    const root = path.dirname(require.resolve('@shopify/address-mocks'));
    const module = require(path.join(root, 'build', 'cjs', 'fixtures', `countries_${language}.js`)) as { default: { data: { countries: CountryData[] } } };
    list = module.default.data.countries;
    byLanguage.set(language, list);
  }
  return list;
}

const rendered = new Map<string, string>();

/** Every country's option, labelled in `locale`. Built once per language. */
export function allCountryOptionTags(locale: string): string {
  const language = locale.split('-')[0]!.toLowerCase();
  const cached = rendered.get(language);
  if (cached !== undefined) return cached;
  const english = countries('en');
  const own = (SHOPIFY_LANGUAGES as readonly string[]).includes(language) ? countries(language as 'fr') : undefined;
  const ownByCode = new Map(own?.map((country) => [country.code, country]));
  const names = own ? undefined : displayNames(language);
  const options = english.map((country) => {
    const translated = ownByCode.get(country.code);
    const label = translated?.name ?? names?.of(country.code) ?? country.name;
    const zoneLabels = new Map(translated?.zones.map((zone) => [zone.code, zone.name]));
    const provinces = country.zones.map((zone) => [zone.name, zoneLabels.get(zone.code) ?? zone.name]);
    return { label, html: `<option value="${escapeHtml(country.name)}" data-provinces="${escapeHtml(JSON.stringify(provinces))}">${escapeHtml(label)}</option>` };
  });
  const collator = new Intl.Collator(language);
  const html = options.sort((a, b) => collator.compare(a.label, b.label)).map((option) => option.html).join('\n');
  rendered.set(language, html);
  return html;
}

function displayNames(language: string): Intl.DisplayNames | undefined {
  try {
    return new Intl.DisplayNames([language], { type: 'region', fallback: 'none' });
  } catch {
    return undefined;
  }
}
