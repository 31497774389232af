import { describe, expect, it } from 'vitest';
import { createLiquid } from '@encore/liquid/liquid.ts';
import { defaultRenderState, globalsWithState } from '@encore/liquid/state.ts';

const liquid = createLiquid();
const DOMAIN = 'polinas-potent-potions.myshopify.com';
const shop = { enabled_payment_types: ['visa', 'master', 'american_express', 'paypal', 'diners_club', 'discover'] };

function render(source: string, vars: Record<string, unknown> = {}): string {
  const state = defaultRenderState({
    shop: { currency: 'CAD', moneyFormat: '${{amount}}', moneyWithCurrencyFormat: '${{amount}} CAD', timezone: 'UTC', domain: DOMAIN },
  });
  return liquid.parseAndRenderSync(source, { shop, ...vars }, { globals: globalsWithState({}, state) });
}

describe('payment_type_img_url', () => {
  it('matches the documented URLs', () => {
    const out = render('{% for type in shop.enabled_payment_types %}{{ type | payment_type_img_url }}\n{% endfor %}');
    const base = `//${DOMAIN}/cdn/shopifycloud/storefront/assets/payment_icons`;
    expect(out.trim().split('\n')).toEqual([
      `${base}/visa-65d650f7.svg`,
      `${base}/master-54b5a7ce.svg`,
      `${base}/american_express-1efdc6a3.svg`,
      `${base}/paypal-a7c68b85.svg`,
      `${base}/diners_club-678e3046.svg`,
      `${base}/discover-59880595.svg`,
    ]);
  });
  it('has a stable URL for other types, nothing for nil', () => {
    expect(render("{{ 'klarna' | payment_type_img_url }}")).toMatch(
      new RegExp(`^//${DOMAIN}/cdn/shopifycloud/storefront/assets/payment_icons/klarna-[0-9a-f]{8}\\.svg$`),
    );
    expect(render('{{ nothing | payment_type_img_url }}')).toBe('');
  });
});

describe('payment_type_svg_tag', () => {
  it('has the documented svg root and accessible title', () => {
    const out = render("{{ 'visa' | payment_type_svg_tag }}");
    expect(
      out.startsWith(
        '<svg viewBox="0 0 38 24" xmlns="http://www.w3.org/2000/svg" role="img" width="38" height="24" aria-labelledby="pi-visa"><title id="pi-visa">Visa</title>',
      ),
    ).toBe(true);
    expect(out.endsWith('</svg>')).toBe(true);
    expect(render("{{ 'master' | payment_type_svg_tag }}")).toContain('<title id="pi-master">Mastercard</title>');
    expect(render("{{ 'american_express' | payment_type_svg_tag }}")).toContain('<title id="pi-american_express">American Express</title>');
  });
  it('takes a class', () => {
    expect(render("{{ 'paypal' | payment_type_svg_tag: class: 'custom-class' }}")).toMatch(
      /^<svg class="custom-class" viewBox="0 0 38 24" [^>]*aria-labelledby="pi-paypal"><title id="pi-paypal">PayPal<\/title>/,
    );
  });
  it('has titles for the common types and escapes unknown ones', () => {
    for (const [type, title] of [
      ['apple_pay', 'Apple Pay'],
      ['google_pay', 'Google Pay'],
      ['shopify_pay', 'Shop Pay'],
      ['jcb', 'JCB'],
      ['maestro', 'Maestro'],
      ['klarna', 'Klarna'],
      ['mobilepay', 'MobilePay'],
      ['dankort', 'Dankort'],
      ['bitcoin', 'Bitcoin'],
    ]) {
      expect(render(`{{ '${type}' | payment_type_svg_tag }}`)).toContain(`<title id="pi-${type}">${title}</title>`);
    }
    expect(render(`{{ '<x>' | payment_type_svg_tag }}`)).toContain('<title id="pi--x-">&lt;X&gt;</title>');
  });
});
