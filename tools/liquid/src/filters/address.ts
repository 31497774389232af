import type { Context, Liquid } from 'liquidjs';
import { ADDRESS_FORMATS, COUNTRY_CODES_BY_NAME, DEFAULT_ADDRESS_FORMAT, type AddressFormat } from './data/address-formats.ts';
import { escapeHtml, isBlank, prop, str, type FilterThis } from './html.ts';

function field(address: unknown, key: string, ctx: Context): string {
  return str(prop(address, key, ctx)).trim();
}

export function countryCodeOf(address: unknown, ctx: Context): string {
  const code = field(address, 'country_code', ctx).toUpperCase();
  if (code) return code;
  return COUNTRY_CODES_BY_NAME[field(address, 'country', ctx).toLowerCase()] ?? '';
}

/** A layout's lines as the field names each joins with spaces, worked out once per layout. */
const layoutFields = new WeakMap<AddressFormat, string[][]>();

function fieldsOf(format: AddressFormat): string[][] {
  let lines = layoutFields.get(format);
  if (!lines) layoutFields.set(format, (lines = format.lines.map((line) => [...line.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))));
  return lines;
}

/** A field as it prints inside a line: trimmed, runs of whitespace as one space, escaped. */
function printable(value: string): string {
  return escapeHtml(value.replace(/\s+/g, ' '));
}

/**
 * `format_address`: `<p>line<br>line…</p>`, lines ordered by the address's
 * country (see data/address-formats.ts for the layouts and their sources).
 * Every value is HTML-escaped: `Polina's` → `Polina&#39;s`.
 */
export function formatAddress(ctx: Context, address: unknown): string {
  if (isBlank(address)) return '';
  const code = countryCodeOf(address, ctx);
  const format: AddressFormat = ADDRESS_FORMATS[code] ?? DEFAULT_ADDRESS_FORMAT;
  const provinceName = field(address, 'province', ctx);
  const provinceCode = field(address, 'province_code', ctx);
  let firstName = field(address, 'first_name', ctx);
  const lastName = field(address, 'last_name', ctx);
  if (!firstName && !lastName) firstName = field(address, 'name', ctx);
  const values: Record<string, string> = {
    firstName,
    lastName,
    company: field(address, 'company', ctx),
    address1: field(address, 'address1', ctx),
    address2: field(address, 'address2', ctx),
    city: field(address, 'city', ctx),
    province: format.provinceStyle === 'code' ? provinceCode || provinceName : provinceName || provinceCode,
    zip: field(address, 'zip', ctx),
    country: field(address, 'country', ctx) || code,
  };
  const lines: string[] = [];
  for (const keys of fieldsOf(format)) {
    let line = '';
    for (const key of keys) {
      const value = values[key];
      if (value) line = line ? `${line} ${printable(value)}` : printable(value);
    }
    if (line) lines.push(line);
  }
  return lines.length ? `<p>${lines.join('<br>')}</p>` : '';
}

export function registerAddressFilters(liquid: Liquid): void {
  liquid.registerFilter('format_address', function (this: FilterThis, address: unknown) {
    return formatAddress(this.context, address);
  });
}
