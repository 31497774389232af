import type { Context, Liquid } from 'liquidjs';
import { renderState } from '../state.ts';
import { fingerprint } from './assets.ts';
import { PAYMENT_ICONS } from './data/payment-icons.ts';
import { escapeHtml, escapeText, isBlank, namedValue, splitArgs, str, type FilterThis } from './html.ts';

/**
 * `payment_type_img_url` and `payment_type_svg_tag`. The URL and the `<svg>`
 * root (view box, size, role, `aria-labelledby` → `<title id="pi-…">`) follow
 * shopify.dev's documented output; the artwork inside is our own neutral card.
 */

function typeKey(type: unknown): string {
  return str(type).trim().toLowerCase();
}

function humanize(key: string): string {
  return key.replace(/_/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase());
}

export function paymentTypeImgUrl(ctx: Context, type: unknown): string {
  const key = typeKey(type);
  if (!key) return '';
  const hash = PAYMENT_ICONS[key]?.fingerprint ?? fingerprint(`payment_icons/${key}`);
  return `//${renderState(ctx).shop.domain}/cdn/shopifycloud/storefront/assets/payment_icons/${encodeURIComponent(key)}-${hash}.svg`;
}

export function paymentTypeSvgTag(type: unknown, args: unknown[]): string {
  const key = typeKey(type);
  if (!key) return '';
  const icon = PAYMENT_ICONS[key] ?? { title: humanize(key), label: humanize(key) };
  const { positional, named } = splitArgs(args);
  const cls = namedValue(named, 'class') ?? positional[0];
  const id = `pi-${key.replace(/[^a-z0-9_-]/g, '-')}`;
  const fontSize = icon.label.length > 6 ? 5.5 : 7;
  return (
    `<svg${isBlank(cls) ? '' : ` class="${escapeHtml(cls)}"`} viewBox="0 0 38 24" xmlns="http://www.w3.org/2000/svg" role="img" width="38" height="24" aria-labelledby="${id}">` +
    `<title id="${id}">${escapeText(icon.title)}</title>` +
    '<rect x=".5" y=".5" width="37" height="23" rx="3" fill="#fff" stroke="#000" stroke-opacity=".1"/>' +
    `<text x="19" y="14.5" text-anchor="middle" font-family="Arial,Helvetica,sans-serif" font-size="${fontSize}" font-weight="700" fill="#333">${escapeText(icon.label)}</text>` +
    '</svg>'
  );
}

export function registerPaymentFilters(liquid: Liquid): void {
  liquid.registerFilter('payment_type_img_url', function (this: FilterThis, type: unknown) {
    return paymentTypeImgUrl(this.context, type);
  });
  liquid.registerFilter('payment_type_svg_tag', (type: unknown, ...args: unknown[]) => paymentTypeSvgTag(type, args));
}
