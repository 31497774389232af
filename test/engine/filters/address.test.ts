import { describe, expect, it } from 'vitest';
import { Drop } from 'liquidjs';
import { createLiquid } from '@encore/liquid/liquid.ts';

const liquid = createLiquid();
const render = (address: unknown) => liquid.parseAndRenderSync('{{ address | format_address }}', { address });

describe('format_address', () => {
  it('matches the documented shop address', () => {
    expect(
      render({
        company: "Polina's Potions, LLC",
        address1: '150 Elgin Street',
        address2: '8th floor',
        city: 'Ottawa',
        province: 'Ontario',
        province_code: 'ON',
        zip: 'K2P 1L4',
        country: 'Canada',
        country_code: 'CA',
      }),
    ).toBe('<p>Polina&#39;s Potions, LLC<br>150 Elgin Street<br>8th floor<br>Ottawa ON K2P 1L4<br>Canada</p>');
  });
  it('matches the documented customer address', () => {
    expect(
      render({
        first_name: 'Cornelius',
        last_name: 'Potionmaker',
        address1: '12 Phoenix Feather Alley',
        address2: '1',
        city: 'Calgary',
        province: 'Alberta',
        province_code: 'AB',
        zip: 'T1X 0L4',
        country: 'Canada',
        country_code: 'CA',
        phone: '+1 555 0100',
      }),
    ).toBe('<p>Cornelius Potionmaker<br>12 Phoenix Feather Alley<br>1<br>Calgary AB T1X 0L4<br>Canada</p>');
  });
  it('US: City ST 12345', () => {
    expect(
      render({
        first_name: 'Ann',
        last_name: 'Lee',
        address1: '1 Main St',
        city: 'Springfield',
        province: 'Illinois',
        province_code: 'IL',
        zip: '62701',
        country: 'United States',
        country_code: 'US',
      }),
    ).toBe('<p>Ann Lee<br>1 Main St<br>Springfield IL 62701<br>United States</p>');
  });
  it('GB: town and postcode on separate lines, no county', () => {
    expect(
      render({
        name: 'Sam Smith',
        address1: '10 Downing Street',
        city: 'London',
        province: 'England',
        zip: 'SW1A 2AA',
        country: 'United Kingdom',
        country_code: 'GB',
      }),
    ).toBe('<p>Sam Smith<br>10 Downing Street<br>London<br>SW1A 2AA<br>United Kingdom</p>');
  });
  it('DK, NO, NL, DE, FR: postcode before city', () => {
    const base = { first_name: 'Jens', last_name: 'Hansen', address1: 'Vesterbrogade 1' };
    expect(render({ ...base, city: 'København V', zip: '1620', country: 'Denmark', country_code: 'DK' })).toBe(
      '<p>Jens Hansen<br>Vesterbrogade 1<br>1620 København V<br>Denmark</p>',
    );
    expect(render({ ...base, city: 'Oslo', zip: '0150', country: 'Norway', country_code: 'NO' })).toBe(
      '<p>Jens Hansen<br>Vesterbrogade 1<br>0150 Oslo<br>Norway</p>',
    );
    expect(render({ ...base, city: 'Amsterdam', zip: '1012 AB', country: 'Netherlands', country_code: 'NL' })).toBe(
      '<p>Jens Hansen<br>Vesterbrogade 1<br>1012 AB Amsterdam<br>Netherlands</p>',
    );
    expect(render({ ...base, city: 'Berlin', zip: '10115', province: 'Berlin', country: 'Germany', country_code: 'DE' })).toBe(
      '<p>Jens Hansen<br>Vesterbrogade 1<br>10115 Berlin<br>Germany</p>',
    );
    expect(render({ ...base, city: 'Paris', zip: '75001', country: 'France' })).toBe('<p>Jens Hansen<br>Vesterbrogade 1<br>75001 Paris<br>France</p>');
  });
  it('JP: postcode and prefecture first, family name before given name', () => {
    expect(
      render({
        first_name: 'Taro',
        last_name: 'Yamada',
        company: 'ACME',
        address1: '1-2-3 Shibuya',
        address2: 'Room 4',
        city: 'Shibuya-ku',
        province: 'Tokyo',
        province_code: 'JP-13',
        zip: '150-0002',
        country: 'Japan',
        country_code: 'JP',
      }),
    ).toBe('<p>150-0002<br>Tokyo Shibuya-ku<br>1-2-3 Shibuya<br>Room 4<br>ACME<br>Yamada Taro<br>Japan</p>');
  });
  it('TH: province name with postcode', () => {
    expect(
      render({
        first_name: 'Somchai',
        last_name: 'Dee',
        address1: '99 Sukhumvit Rd',
        city: 'Khlong Toei',
        province: 'Bangkok',
        province_code: 'TH-10',
        zip: '10110',
        country: 'Thailand',
        country_code: 'TH',
      }),
    ).toBe('<p>Somchai Dee<br>99 Sukhumvit Rd<br>Khlong Toei<br>Bangkok 10110<br>Thailand</p>');
  });
  it('falls back to City Province Zip for other countries', () => {
    expect(
      render({ first_name: 'Ana', address1: 'Rua 1', city: 'Recife', province: 'Pernambuco', zip: '50000-000', country: 'Brazil', country_code: 'BR' }),
    ).toBe('<p>Ana<br>Rua 1<br>Recife Pernambuco 50000-000<br>Brazil</p>');
  });
  it('escapes every value', () => {
    expect(render({ first_name: '<script>', last_name: '"x"', address1: 'A & B', city: 'C', zip: '1', country_code: 'DK' })).toBe(
      '<p>&lt;script&gt; &quot;x&quot;<br>A &amp; B<br>1 C<br>DK</p>',
    );
  });
  it('prints runs of whitespace inside a field as one space and skips blank fields without leaving gaps', () => {
    expect(
      render({
        first_name: '  Mia ',
        last_name: '',
        address1: '4  Long\n Road',
        city: 'Boston',
        province: ' ',
        province_code: '',
        zip: '02110',
        country_code: 'US',
      }),
    ).toBe('<p>Mia<br>4 Long Road<br>Boston 02110<br>US</p>');
  });
  it('reads Drops and renders nothing for nil', () => {
    class AddressDrop extends Drop {
      get first_name() {
        return 'Kim';
      }
      override liquidMethodMissing(key: string) {
        return ({ city: 'Aarhus C', zip: '8000', country: 'Denmark', country_code: 'DK', address1: 'Åboulevarden 1' } as Record<string, string>)[key];
      }
    }
    expect(render(new AddressDrop())).toBe('<p>Kim<br>Åboulevarden 1<br>8000 Aarhus C<br>Denmark</p>');
    expect(render(null)).toBe('');
  });
});
