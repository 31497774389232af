import { describe, expect, it } from 'vitest';
import { createLiquid } from '@encore/liquid/liquid.ts';
import { globalsWithState, defaultRenderState } from '@encore/liquid/state.ts';

const liquid = createLiquid();
const render = (template: string, scope: Record<string, unknown> = {}, localePath = '') =>
  liquid.parseAndRender(template, scope, { globals: globalsWithState({}, defaultRenderState({ localePath })) });

describe('form', () => {
  it('renders customer_login as Shopify does, with form_type and utf8 inputs', async () => {
    expect(await render(`{% form 'customer_login' %}<input name="customer[email]">{% endform %}`)).toBe(
      '<form method="post" action="/account/login" id="customer_login" accept-charset="UTF-8" data-login-with-shop-sign-in="true">' +
        '<input type="hidden" name="form_type" value="customer_login" /><input type="hidden" name="utf8" value="✓" />' +
        '<input name="customer[email]"></form>',
    );
  });

  it('posts a new address to /account/addresses and an existing one with _method put', async () => {
    const fresh = await render(`{% form 'customer_address', customer.new_address %}{% endform %}`, { customer: { new_address: {} } });
    expect(fresh).toContain('<form method="post" action="/account/addresses" id="address_form_new" accept-charset="UTF-8">');
    const existing = await render(`{% form 'customer_address', address %}{{ form.city }}{% endform %}`, { address: { id: 42, city: 'Aarhus' } });
    expect(existing).toContain('action="/account/addresses/42" id="address_form_42"');
    expect(existing).toContain('<input type="hidden" name="_method" value="put" />Aarhus</form>');
  });

  it('adds attributes and a return_to input from keyword arguments, escaped', async () => {
    const html = await render(`{% form 'contact', class: 'x"y', data-kind: 'note', return_to: '/thanks?a=1&b=2' %}{% endform %}`);
    expect(html).toBe(
      '<form method="post" action="/contact#contact_form" id="contact_form" accept-charset="UTF-8" class="contact-form x&quot;y" data-kind="note">' +
        '<input type="hidden" name="form_type" value="contact" /><input type="hidden" name="utf8" value="✓" />' +
        '<input type="hidden" name="return_to" value="/thanks?a=1&amp;b=2" /></form>',
    );
  });

  it('prefixes the action with the locale path', async () => {
    expect(await render(`{% form 'create_customer' %}{% endform %}`, {}, '/da')).toContain('action="/da/account"');
  });

  it('exposes a form object with no errors', async () => {
    expect(await render(`{% form 'customer_login' %}[{{ form.errors }}]{% endform %}`)).toContain('[]</form>');
  });

  it('names the object a form type needs when it is missing', async () => {
    await expect(render(`{% form 'product' %}{% endform %}`)).rejects.toThrow("form 'product' needs a product object");
  });

  it('rejects unknown form types', async () => {
    await expect(render(`{% form 'nope' %}{% endform %}`)).rejects.toThrow("unknown form type 'nope'");
  });
});

describe('paginate', () => {
  const orders = Array.from({ length: 45 }, (_, i) => ({ name: `#${1001 + i}` }));

  it("caps customer.orders at Shopify's 20 per page whatever `by` asks for", async () => {
    const html = await render(
      `{% paginate customer.orders by 50 %}{{ customer.orders.size }} {{ paginate.page_size }} {{ paginate.pages }} {{ customer.orders.first.name }}{% endpaginate %}`,
      { customer: { orders } },
    );
    expect(html).toBe('20 20 3 #1001');
  });

  it('keeps other attributes of the paginated object visible', async () => {
    const html = await render(`{% paginate customer.orders by 20 %}{{ customer.first_name }}{% endpaginate %}`, { customer: { orders, first_name: 'Casey' } });
    expect(html).toBe('Casey');
  });

  it('shows an ellipsis for pages outside the window', async () => {
    const items = Array.from({ length: 100 }, (_, i) => i);
    const html = await render(`{% paginate items by 10 %}{% for p in paginate.parts %}{{ p.title }} {% endfor %}{% endpaginate %}`, { items });
    expect(html).toBe('1 2 3 &hellip; 10 ');
  });

  it('gives default_pagination parts that print as Shopify shows them', async () => {
    const items = Array.from({ length: 100 }, (_, i) => i);
    const html = await render(`{% paginate items by 10 %}{{ paginate | default_pagination }}{% endpaginate %}`, { items });
    expect(html).toBe(
      '<span class="page current">1</span> <span class="page"><a href="/?page=2" title="">2</a></span> <span class="page"><a href="/?page=3" title="">3</a></span>' +
        ' <span class="deco">&hellip;</span> <span class="page"><a href="/?page=10" title="">10</a></span> <span class="next"><a href="/?page=2" title="">Next &raquo;</a></span>',
    );
  });

  it('titles numbered parts with the page number, so part.title == paginate.current_page marks the current page', async () => {
    // Dawn's snippets/pagination.liquid marks the current page with `part.title == paginate.current_page`, which holds
    // on Shopify's servers; the gap part keeps its string title `&hellip;` (https://shopify.dev/docs/api/liquid/objects/part).
    const items = Array.from({ length: 100 }, (_, i) => i);
    const template =
      `{% paginate items by 10 %}{% for p in paginate.parts %}{% if p.title == paginate.current_page %}[{{ p.title }}]` +
      `{% elsif p.title == '&hellip;' %}gap{% else %}{{ p.title | plus: 100 }}{% endif %} {% endfor %}{% endpaginate %}`;
    const html = await liquid.parseAndRender(
      template,
      { items },
      { globals: globalsWithState({}, defaultRenderState({ query: new URLSearchParams('page=4') })) },
    );
    expect(html).toBe('101 102 103 [4] 105 106 gap 110 ');
  });

  it('rejects page sizes outside 1 to 250', async () => {
    await expect(render(`{% paginate items by 251 %}{% endpaginate %}`, { items: [] })).rejects.toThrow(
      'paginate page size must be an integer from 1 to 250, got 251',
    );
  });

  it("exposes previous and next with Shopify's titles", async () => {
    const items = Array.from({ length: 30 }, (_, i) => i);
    const html = await render(`{% paginate items by 10 %}{{ paginate.previous.title }}|{{ paginate.next.title }}|{{ paginate.next.url }}{% endpaginate %}`, {
      items,
    });
    expect(html).toBe('|Next &raquo;|/?page=2');
  });
});

describe('raw-body tags', () => {
  it('renders nothing for doc and schema, and does not evaluate Liquid inside them', async () => {
    expect(await render(`a{% doc %}{{ nope | boom }}{% enddoc %}b{% schema %}{"name":"x"}{% endschema %}c`)).toBe('abc');
  });

  it('renders style bodies as Liquid inside <style data-shopify>', async () => {
    expect(await render(`{% style %}.a{color:{{ c }}}{% endstyle %}`, { c: 'red' })).toBe('<style data-shopify>.a{color:red}</style>');
  });
});
