import { describe, expect, it } from 'vitest';
import { createLiquid } from '@encore/liquid/liquid.ts';
import { coverage } from '@encore/liquid/coverage.ts';

const liquid = createLiquid();
const render = (source: string, scope: Record<string, unknown> = {}) => liquid.parseAndRenderSync(source, scope);

// https://shopify.dev/docs/api/liquid/filters/avatar: "Generates HTML to render a customer's avatar, if available."
// The page shows no markup; Dawn's base.css sizes `shop-user-avatar`, and the account component shows a signed-in
// customer's initial when there is no Shop picture (shopify.dev/docs/storefronts/themes/customer-engagement/account-component).
describe('avatar', () => {
  it("prints <shop-user-avatar> holding the customer's initial, hidden from screen readers", () => {
    expect(render('{{ customer | avatar }}', { customer: { first_name: 'casey', last_name: 'Rivera', email: 'casey@example.com' } })).toBe(
      '<shop-user-avatar aria-hidden="true">C</shop-user-avatar>',
    );
  });

  it('falls back to the last name, then the email', () => {
    expect(render('{{ customer | avatar }}', { customer: { first_name: '', last_name: 'Østergaard' } })).toBe(
      '<shop-user-avatar aria-hidden="true">Ø</shop-user-avatar>',
    );
    expect(render('{{ customer | avatar }}', { customer: { first_name: null, last_name: ' ', email: 'zoe@example.com' } })).toBe(
      '<shop-user-avatar aria-hidden="true">Z</shop-user-avatar>',
    );
  });

  it("escapes the customer's text", () => {
    expect(render('{{ customer | avatar }}', { customer: { first_name: '<b>' } })).toBe('<shop-user-avatar aria-hidden="true">&lt;</shop-user-avatar>');
  });

  it('prints nothing without a customer (a signed-out visitor) or without a name to take a letter from', () => {
    expect(render('[{{ customer | avatar }}]')).toBe('[]');
    expect(render('[{{ customer | avatar }}]', { customer: { first_name: '', email: '' } })).toBe('[]');
    expect(render("[{{ 'Casey' | avatar }}]")).toBe('[]');
  });
});

// https://shopify.dev/docs/api/liquid/filters/login_button: a Shop sign-in or follow button; `action` accepts
// `default` and `follow`; "The presence of the shop object is required for validation purposes only."
describe('login_button', () => {
  const shop = { name: 'Polina <Potions>' };

  it("prints <shop-login-button> with the default action, and none of the shop's values", () => {
    expect(render('{{ shop | login_button }}', { shop })).toBe('<shop-login-button action="default"></shop-login-button>');
  });

  it("takes action: 'follow' (the documented example)", () => {
    expect(render("{{ shop | login_button: action: 'follow' }}", { shop })).toBe('<shop-login-button action="follow"></shop-login-button>');
  });

  it("marks Dawn's hide_button: true with the element's hide-button attribute, and leaves it off for false or nil", () => {
    expect(render('{{ shop | login_button: hide_button: hide }}', { shop, hide: true })).toBe(
      '<shop-login-button action="default" hide-button="true"></shop-login-button>',
    );
    expect(render('{{ shop | login_button: hide_button: hide }}', { shop, hide: false })).toBe('<shop-login-button action="default"></shop-login-button>');
    expect(render('{{ shop | login_button: hide_button: nothing }}', { shop })).toBe('<shop-login-button action="default"></shop-login-button>');
  });

  it('refuses an action shopify.dev does not list, naming the ones it does', () => {
    expect(() => render("{{ shop | login_button: action: 'subscribe' }}", { shop })).toThrow(
      "login_button: action must be 'default' or 'follow', got 'subscribe'",
    );
  });

  it('prints nothing without a shop', () => {
    expect(render('[{{ shop | login_button }}]')).toBe('[]');
  });
});

describe('filter coverage', () => {
  it('counts avatar and login_button as emulated', () => {
    const filters = coverage(liquid).find((entry) => entry.kind === 'filters');
    expect(filters?.emulated).toEqual(expect.arrayContaining(['avatar', 'login_button']));
    expect(filters?.missing).not.toContain('avatar');
    expect(filters?.missing).not.toContain('login_button');
  });
});
