/**
 * Address layouts for `format_address`, one line per array entry, with
 * `{field}` placeholders. Empty fields are dropped and blank lines skipped.
 *
 * Where this comes from: the line order and field grouping follow the
 * per-country "show" formats that Shopify uses for addresses (the same layouts
 * as its checkout's address display, published in Shopify's open-source
 * `worldwide` gem), cross-checked against the examples on shopify.dev
 * (`<p>Polina&#39;s Potions, LLC<br>150 Elgin Street<br>8th floor<br>Ottawa ON K2P 1L4<br>Canada</p>`)
 * and national postal conventions (Universal Postal Union address guides).
 * Written for Encore as data, not copied code.
 *
 * `{province}` prints the province as the country writes it: its code
 * (`ON`, `NY`, `NSW`, `MI`) where `provinceStyle` is 'code', else its name.
 */

export interface AddressFormat {
  lines: string[];
  provinceStyle?: 'code' | 'name';
}

const NAME = '{firstName} {lastName}';
const STREET = ['{company}', '{address1}', '{address2}'];

/** Town then postcode on its own line (UK style). */
const TOWN_THEN_POSTCODE: AddressFormat = { lines: [NAME, ...STREET, '{city}', '{zip}', '{country}'] };
/** `1234 City` (most of continental Europe). */
const ZIP_CITY: AddressFormat = { lines: [NAME, ...STREET, '{zip} {city}', '{country}'] };
/** `City ST 12345` (North America, Australia). */
const CITY_PROVINCE_ZIP: AddressFormat = { lines: [NAME, ...STREET, '{city} {province} {zip}', '{country}'], provinceStyle: 'code' };

export const DEFAULT_ADDRESS_FORMAT: AddressFormat = { lines: [NAME, ...STREET, '{city} {province} {zip}', '{country}'], provinceStyle: 'name' };

export const ADDRESS_FORMATS: Readonly<Record<string, AddressFormat>> = {
  US: CITY_PROVINCE_ZIP,
  CA: CITY_PROVINCE_ZIP,
  AU: CITY_PROVINCE_ZIP,
  GB: TOWN_THEN_POSTCODE,
  IE: { lines: [NAME, ...STREET, '{city}', '{province}', '{zip}', '{country}'], provinceStyle: 'name' },
  NZ: { lines: [NAME, ...STREET, '{city} {zip}', '{country}'] },
  DK: ZIP_CITY,
  NO: ZIP_CITY,
  SE: ZIP_CITY,
  FI: ZIP_CITY,
  IS: ZIP_CITY,
  DE: ZIP_CITY,
  AT: ZIP_CITY,
  CH: ZIP_CITY,
  NL: ZIP_CITY,
  BE: ZIP_CITY,
  LU: ZIP_CITY,
  FR: ZIP_CITY,
  PL: ZIP_CITY,
  PT: ZIP_CITY,
  CZ: ZIP_CITY,
  IT: { lines: [NAME, ...STREET, '{zip} {city} {province}', '{country}'], provinceStyle: 'code' },
  ES: { lines: [NAME, ...STREET, '{zip} {city} {province}', '{country}'], provinceStyle: 'name' },
  // Japan: from the largest unit to the smallest, the addressee last.
  JP: { lines: ['{zip}', '{province} {city}', '{address1}', '{address2}', '{company}', '{lastName} {firstName}', '{country}'], provinceStyle: 'name' },
  // Thailand: district/city, then province with postcode.
  TH: { lines: [NAME, ...STREET, '{city}', '{province} {zip}', '{country}'], provinceStyle: 'name' },
};

/** Country names (as Shopify's English `address.country`) for addresses that carry no `country_code`. */
export const COUNTRY_CODES_BY_NAME: Readonly<Record<string, string>> = {
  'united states': 'US',
  canada: 'CA',
  australia: 'AU',
  'united kingdom': 'GB',
  ireland: 'IE',
  'new zealand': 'NZ',
  denmark: 'DK',
  norway: 'NO',
  sweden: 'SE',
  finland: 'FI',
  iceland: 'IS',
  germany: 'DE',
  austria: 'AT',
  switzerland: 'CH',
  netherlands: 'NL',
  belgium: 'BE',
  luxembourg: 'LU',
  france: 'FR',
  poland: 'PL',
  portugal: 'PT',
  czechia: 'CZ',
  italy: 'IT',
  spain: 'ES',
  japan: 'JP',
  thailand: 'TH',
};
