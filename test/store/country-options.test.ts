import { describe, expect, it } from 'vitest';
import { allCountryOptionTags } from '@encore/fixtures/liquid/country-options.ts';

/**
 * shopify.dev/docs/api/liquid/objects/all_country_option_tags: an <option> per country whose data-provinces holds
 * a JSON-encoded array of its subregions, an empty array when it has none. Countries and provinces are Shopify's
 * own address data (@shopify/address-mocks).
 */
describe('all_country_option_tags', () => {
  const english = allCountryOptionTags('en').split('\n');

  it("lists Shopify's 239 countries and regions, each once, sorted by name", () => {
    expect(english).toHaveLength(239);
    const labels = english.map((option) => />([^<]*)<\/option>$/.exec(option)?.[1]);
    expect(labels.slice(0, 3)).toEqual(['Afghanistan', 'Åland Islands', 'Albania']);
  });

  it("gives a country's provinces as [name, label] pairs, HTML-escaped inside the attribute", () => {
    const canada = english.find((option) => option.startsWith('<option value="Canada"'));
    expect(canada).toMatch(
      /^<option value="Canada" data-provinces="\[\[&quot;Alberta&quot;,&quot;Alberta&quot;\],\[&quot;British Columbia&quot;,&quot;British Columbia&quot;\],/,
    );
    expect(canada).toMatch(/>Canada<\/option>$/);
    // Denmark has no provinces in Shopify's address forms.
    expect(english).toContain('<option value="Denmark" data-provinces="[]">Denmark</option>');
  });

  it("labels in Shopify's French where it has it, keeping the English value an address stores", () => {
    const canada = allCountryOptionTags('fr')
      .split('\n')
      .find((option) => option.startsWith('<option value="Canada"'));
    expect(canada).toContain('[&quot;British Columbia&quot;,&quot;Colombie-Britannique&quot;]');
    expect(allCountryOptionTags('fr')).toContain('<option value="Germany" data-provinces="[]">Allemagne</option>');
  });

  it("labels in other languages by the platform's region names (Danish Tyskland), sorted in that language", () => {
    const danish = allCountryOptionTags('da');
    expect(danish).toContain('<option value="Germany" data-provinces="[]">Tyskland</option>');
    expect(danish).toContain('<option value="Denmark" data-provinces="[]">Danmark</option>');
    // Danish sorts Å last, after Ø.
    expect(danish.split('\n').at(-1)).toBe('<option value="Åland Islands" data-provinces="[]">Åland</option>');
  });
});
