import { describe, expect, it } from 'vitest';
import { createLiquid } from '@encore/liquid/liquid.ts';
import { defaultRenderState, globalsWithState } from '@encore/liquid/state.ts';

const liquid = createLiquid();

function render(source: string, vars: Record<string, unknown> = {}, localePath = ''): string {
  return liquid.parseAndRenderSync(source, vars, { globals: globalsWithState({}, defaultRenderState({ localePath })) });
}

describe('link_to', () => {
  it('matches the documented output', () => {
    expect(render("{{ 'Shopify' | link_to: 'https://www.shopify.com' }}")).toBe('<a href="https://www.shopify.com" title="" rel="nofollow">Shopify</a>');
  });
  it('puts HTML attributes first, as documented', () => {
    expect(render("{{ 'Shopify' | link_to: 'https://www.shopify.com', class: 'link-class' }}")).toBe(
      '<a class="link-class" href="https://www.shopify.com" rel="nofollow">Shopify</a>',
    );
  });
  it('takes a title as second argument and escapes attribute values', () => {
    expect(render(`{{ 'Shopify' | link_to: 'https://x.test/?a=1&b="2"', "Tom's" }}`)).toBe(
      '<a href="https://x.test/?a=1&amp;b=&quot;2&quot;" title="Tom&#39;s" rel="nofollow">Shopify</a>',
    );
  });
});

describe('type and vendor links', () => {
  it('url_for_type / url_for_vendor', () => {
    expect(render("{{ 'health' | url_for_type }}")).toBe('/collections/types?q=health');
    expect(render(`{{ "Polina's Potent Potions" | url_for_vendor }}`)).toBe('/collections/vendors?q=Polina%27s%20Potent%20Potions');
  });
  it('link_to_type', () => {
    expect(render("{{ 'Health' | link_to_type }}")).toBe('<a href="/collections/types?q=Health" title="Health">Health</a>');
    expect(render("{{ 'Health' | link_to_type: class: 'link-class' }}")).toBe(
      '<a class="link-class" href="/collections/types?q=Health" title="Health">Health</a>',
    );
  });
  it('link_to_vendor', () => {
    expect(render(`{{ "Polina's Potent Potions" | link_to_vendor }}`)).toBe(
      '<a href="/collections/vendors?q=Polina%27s%20Potent%20Potions" title="Polina&#39;s Potent Potions">Polina\'s Potent Potions</a>',
    );
  });
  it('escapes markup in vendor names', () => {
    expect(render(`{{ "<b>A&B</b>" | link_to_vendor }}`)).toBe(
      '<a href="/collections/vendors?q=%3Cb%3EA%26B%3C%2Fb%3E" title="&lt;b&gt;A&amp;B&lt;/b&gt;">&lt;b&gt;A&amp;B&lt;/b&gt;</a>',
    );
  });
  it('prefixes the locale path', () => {
    expect(render("{{ 'health' | url_for_type }}", {}, '/da')).toBe('/da/collections/types?q=health');
  });
});

describe('within', () => {
  it('matches the documented output', () => {
    const collection = { handle: 'sale-potions', products: [{ url: '/products/draught-of-immortality' }] };
    expect(render('{%- assign p = collection.products.first -%}{{ p.url | within: collection }}', { collection })).toBe(
      '/collections/sale-potions/products/draught-of-immortality',
    );
  });
  it('keeps the URL without a collection, and keeps locale prefixes', () => {
    expect(render("{{ '/products/a' | within: nothing }}")).toBe('/products/a');
    expect(render("{{ '/fr/products/a' | within: c }}", { c: { url: '/fr/collections/b' } }, '/fr')).toBe('/fr/collections/b/products/a');
  });
});

describe('tag links', () => {
  const collection = { url: '/collections/sale-potions', all_tags: ['extra-potent', 'fresh'] };
  it('link_to_tag', () => {
    expect(render('{% for tag in collection.all_tags %}{{ tag | link_to_tag: tag }}{% endfor %}', { collection, template: 'collection' })).toBe(
      '<a href="/collections/sale-potions/extra-potent" title="Show products matching tag extra-potent">extra-potent</a>' +
        '<a href="/collections/sale-potions/fresh" title="Show products matching tag fresh">fresh</a>',
    );
  });
  it('link_to_add_tag and link_to_remove_tag combine the current tags', () => {
    const vars = { collection, template: 'collection', current_tags: ['fresh'] };
    expect(render("{{ 'extra-potent' | link_to_add_tag: 'extra-potent' }}", vars)).toBe(
      '<a href="/collections/sale-potions/fresh+extra-potent" title="Narrow selection to products matching tag extra-potent">extra-potent</a>',
    );
    expect(render("{{ 'fresh' | link_to_remove_tag: 'fresh' }}", vars)).toBe('<a href="/collections/sale-potions" title="Remove tag fresh">fresh</a>');
  });
  it('highlight_active_tag wraps active tags, as in the documented chain', () => {
    const vars = { collection, template: 'collection', current_tags: ['extra-potent'] };
    expect(render('{% for tag in collection.all_tags %}{{ tag | highlight_active_tag | link_to_tag: tag }}{% endfor %}', vars)).toBe(
      '<a href="/collections/sale-potions/extra-potent" title="Show products matching tag extra-potent"><span class="active">extra-potent</span></a>' +
        '<a href="/collections/sale-potions/fresh" title="Show products matching tag fresh">fresh</a>',
    );
  });
  it('uses handles of tags in URLs and escapes titles', () => {
    expect(render(`{{ "Tom's <Pick>" | link_to_tag: "Tom's <Pick>" }}`, { collection })).toBe(
      '<a href="/collections/sale-potions/toms-pick" title="Show products matching tag Tom&#39;s &lt;Pick&gt;">Tom\'s <Pick></a>',
    );
  });
});

describe('customer links', () => {
  it('match the documented outputs', () => {
    expect(render("{{ 'Log in' | customer_login_link }}")).toBe('<a href="/account/login" id="customer_login_link">Log in</a>');
    expect(render("{{ 'Log out' | customer_logout_link }}")).toBe('<a href="/account/logout" id="customer_logout_link">Log out</a>');
    expect(render("{{ 'Create an account' | customer_register_link }}")).toBe('<a href="/account/register" id="customer_register_link">Create an account</a>');
  });
  it('use the locale path', () => {
    expect(render("{{ 'Log in' | customer_login_link }}", {}, '/da')).toBe('<a href="/da/account/login" id="customer_login_link">Log in</a>');
  });
});
