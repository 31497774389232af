/**
 * Readers for what Encore's sections print for machines (data-encore-* attributes): the order journey, the
 * recommendation cards and the Buy again list. The parity tests hold these against the domain core, in Encore's
 * own theme and in a host theme Encore was added to.
 */
import type { Recommendation } from '@encore/core/recommendations.ts';

export interface PageJourney {
  headline: string | undefined;
  /** The payment panel's amount still to come, and whether it says an authorization holds it. */
  due: { outstanding: number; secured: boolean };
  steps: string[];
  items: Record<string, Record<string, number>>;
}

export function journeyOf(html: string): PageJourney {
  const headline = /data-encore-headline="([a-z_]+)"/.exec(html)?.[1];
  const steps = [...html.matchAll(/data-encore-journey-step="([a-z_]+)"\s+data-encore-journey-state="([a-z]+)"/g)].map((match) => `${match[1]}:${match[2]}`);
  const items: PageJourney['items'] = {};
  const rows =
    /class="encore-order-items__row"\s+data-encore-line-item-id="(\d+)"\s+data-encore-ordered="(\d+)"\s+data-encore-shipped="(\d+)"\s+data-encore-delivered="(\d+)"\s+data-encore-cancelled="(\d+)"\s+data-encore-refunded="(\d+)"/g;
  for (const [, id, ordered, shipped, delivered, cancelled, refunded] of html.matchAll(rows)) {
    items[id] = { ordered: Number(ordered), shipped: Number(shipped), delivered: Number(delivered), cancelled: Number(cancelled), refunded: Number(refunded) };
  }
  const due = /data-encore-amount-due="(\d+)"(\s+data-encore-secured)?/.exec(html);
  return { headline, steps, items, due: { outstanding: due ? Number(due[1]) : 0, secured: due?.[2] !== undefined } };
}

export interface Card {
  handle: string;
  kind: string | undefined;
  because: string | undefined;
}

/** The start tags of `class="CLASS"` list items, each as its attributes. */
export function tagsOf(html: string, className: string): Record<string, string>[] {
  const tags = html.match(new RegExp(`<li\\b[^>]*class="${className}"[^>]*>`, 'g')) ?? [];
  return tags.map((tag) => Object.fromEntries([...tag.matchAll(/\s([a-z-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]])));
}

/** The picks of the recommendations block (or the empty state's list), in page order. */
export function renderedPicks(html: string): Card[] {
  return tagsOf(html, 'encore-product-card').map((a) => ({
    handle: a['data-encore-product-handle'],
    kind: a['data-encore-reason-kind'],
    because: a['data-encore-reason-handle'],
  }));
}

export function corePicks(recommendations: Recommendation[]): Card[] {
  return recommendations.map(({ product, reason }) => ({ handle: product.handle, kind: reason.kind, because: reason.because?.handle }));
}

/** The Buy again list as the page prints it. */
export function renderedBuyAgain(html: string): { handle: string; variant: number; quantity: number; due: boolean }[] {
  return tagsOf(html, 'encore-buy-again__item').map((a) => ({
    handle: a['data-encore-product-handle'],
    variant: Number(a['data-encore-variant-id']),
    quantity: Number(a['data-encore-quantity']),
    due: a['data-encore-due'] === 'true',
  }));
}
