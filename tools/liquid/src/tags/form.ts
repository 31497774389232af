import { Tag, Hash, evalToken, type TagToken, type TopLevelToken, type Liquid, type Context, type Emitter, type Template, type ValueToken } from 'liquidjs';
import { parseBody } from './parse-body.ts';
import { renderState } from '../state.ts';
import { escapeHtml } from '../filters/html.ts';

interface FormKind {
  /** The endpoint, relative to the locale's root; may depend on the form's object. */
  action: (subject: Record<string, unknown> | undefined) => string;
  id?: (subject: Record<string, unknown> | undefined) => string;
  className?: string;
  multipart?: boolean;
  /** Data attributes Shopify adds for Shop sign-in on account forms. */
  data?: string;
  /** Hidden inputs after `form_type` and `utf8`. */
  hidden?: (subject: Record<string, unknown> | undefined, returnTo: string) => [string, string][];
  /** Object the form needs, e.g. `product` for `'product'`; named in the error when missing. */
  requires?: string;
}

const idOf = (subject: Record<string, unknown> | undefined): string | undefined => {
  const id = subject?.id;
  return id === undefined || id === null || id === '' ? undefined : String(id);
};

/** Shopify's form types, their endpoints and the markup it emits (shopify.dev, `form` tag). */
const FORM_KINDS: Record<string, FormKind> = {
  activate_customer_password: { action: () => '/account/activate' },
  cart: { action: () => '/cart', id: () => 'cart_form', requires: 'cart' },
  contact: { action: () => '/contact#contact_form', id: () => 'contact_form', className: 'contact-form' },
  create_customer: {
    action: () => '/account',
    id: () => 'create_customer',
    data: 'data-login-with-shop-sign-up="true"',
  },
  currency: {
    action: () => '/cart/update',
    id: () => 'currency_form',
    className: 'shopify-currency-form',
    multipart: true,
    hidden: (_s, returnTo) => [['return_to', returnTo]],
  },
  customer: { action: () => '/contact#contact_form', id: () => 'contact_form', className: 'contact-form' },
  customer_address: {
    requires: 'address',
    action: (address) => (idOf(address) ? `/account/addresses/${idOf(address)}` : '/account/addresses'),
    id: (address) => (idOf(address) ? `address_form_${idOf(address)}` : 'address_form_new'),
    hidden: (address) => (idOf(address) ? [['_method', 'put']] : []),
  },
  customer_login: {
    action: () => '/account/login',
    id: () => 'customer_login',
    data: 'data-login-with-shop-sign-in="true"',
  },
  guest_login: { action: () => '/account/login', id: () => 'customer_login_guest', hidden: () => [['guest', 'true']] },
  localization: {
    action: () => '/localization',
    id: () => 'localization_form',
    className: 'shopify-localization-form',
    multipart: true,
    hidden: (_s, returnTo) => [
      ['_method', 'put'],
      ['return_to', returnTo],
    ],
  },
  new_comment: {
    requires: 'article',
    action: (article) => `${String(article?.url ?? '')}/comments#comment_form`,
    id: () => 'comment_form',
    className: 'comment-form',
  },
  product: {
    requires: 'product',
    action: () => '/cart/add',
    id: (product) => `product_form_${idOf(product) ?? ''}`,
    className: 'shopify-product-form',
    multipart: true,
  },
  recover_customer_password: { action: () => '/account/recover' },
  reset_customer_password: { action: () => '/account/reset' },
  storefront_password: { action: () => '/password', id: () => 'login_form', className: 'storefront-password-form' },
};

/**
 * `{% form 'type'[, object][, return_to: …, id: …, class: …, data-…: …] %}`:
 * the real `<form>` markup with the hidden inputs Shopify emits, and a `form`
 * object inside the block (no submission offline: no errors, not posted).
 */
export class FormTag extends Tag {
  private readonly type: ValueToken;
  private readonly subject?: ValueToken;
  private readonly attributes: Hash;
  private readonly templates: Template[];

  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    const tokenizer = this.tokenizer;
    const type = tokenizer.readValue();
    if (!type) throw new Error(`form tag needs a form type, e.g. {% form 'customer_login' %}`);
    this.type = type;
    tokenizer.skipBlank();
    if (tokenizer.peek() === ',') {
      const mark = tokenizer.p;
      tokenizer.advance();
      tokenizer.skipBlank();
      const start = tokenizer.p;
      tokenizer.readIdentifier();
      tokenizer.skipBlank();
      const isHashArgument = tokenizer.peek() === ':';
      tokenizer.p = start;
      if (isHashArgument) tokenizer.p = mark;
      else this.subject = tokenizer.readValue();
    }
    this.attributes = new Hash(tokenizer, liquid.options.keyValueSeparator);
    this.templates = parseBody(token, remainTokens, liquid);
  }

  *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const type = String(yield evalToken(this.type, ctx));
    const kind = FORM_KINDS[type];
    if (!kind) throw new Error(`unknown form type '${type}'; Shopify knows ${Object.keys(FORM_KINDS).join(', ')}`);
    const subject = this.subject ? ((yield evalToken(this.subject, ctx)) as Record<string, unknown> | undefined) : undefined;
    if (kind.requires && this.subject === undefined) {
      throw new Error(
        `form '${type}' needs ${kind.requires === 'address' ? 'an' : 'a'} ${kind.requires} object, e.g. {% form '${type}', ${kind.requires === 'address' ? 'customer.new_address' : kind.requires} %}`,
      );
    }
    const options = (yield this.attributes.render(ctx)) as Record<string, unknown>;
    const state = renderState(ctx);
    const returnTo = options.return_to === undefined ? String(state.query?.get('return_to') ?? '') : String(options.return_to);
    emitter.write(openingTag(kind, type, subject, options, state.localePath));
    const hidden: [string, string][] = [['form_type', type], ['utf8', '✓'], ...(kind.hidden?.(subject, returnTo) ?? [])];
    if (options.return_to !== undefined && !hidden.some(([name]) => name === 'return_to')) hidden.push(['return_to', returnTo]);
    for (const [name, value] of hidden) {
      emitter.write(`<input type="hidden" name="${name}" value="${escapeHtml(value)}" />`);
    }
    ctx.push({ form: formObject(subject) });
    try {
      yield this.liquid.renderer.renderTemplates(this.templates, ctx, emitter);
    } finally {
      ctx.pop();
    }
    emitter.write('</form>');
  }
}

function openingTag(kind: FormKind, type: string, subject: Record<string, unknown> | undefined, options: Record<string, unknown>, localePath: string): string {
  const action = kind.action(subject);
  const attrs: [string, string][] = [
    ['method', 'post'],
    ['action', action.startsWith('/') ? localePath + action : action],
  ];
  const id = options.id ?? kind.id?.(subject);
  if (id !== undefined) attrs.push(['id', String(id)]);
  attrs.push(['accept-charset', 'UTF-8']);
  const className = [kind.className, options.class].filter((c) => c !== undefined && c !== '').join(' ');
  if (className) attrs.push(['class', className]);
  if (kind.multipart) attrs.push(['enctype', 'multipart/form-data']);
  for (const [key, value] of Object.entries(options)) {
    if (['id', 'class', 'return_to'].includes(key)) continue;
    if (/^[a-zA-Z_:][-a-zA-Z0-9_:.]*$/.test(key)) attrs.push([key, String(value)]);
  }
  const rendered = attrs.map(([name, value]) => `${name}="${escapeHtml(value)}"`).join(' ');
  return `<form ${rendered}${kind.data ? ' ' + kind.data : ''}>`;
}

/** The `form` object: offline nothing was submitted, so no errors and not posted. */
function formObject(subject: Record<string, unknown> | undefined): Record<string, unknown> {
  const form: Record<string, unknown> = { errors: null, 'posted_successfully?': false };
  if (subject && typeof subject === 'object') {
    for (const key of ['first_name', 'last_name', 'company', 'address1', 'address2', 'city', 'province', 'country', 'zip', 'phone', 'id']) {
      const value = (subject as Record<string, unknown>)[key];
      if (value !== undefined) form[key] = value;
    }
  }
  return form;
}
