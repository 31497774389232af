/**
 * Shopify global ids: `gid://shopify/Order/6001`. The GraphQL APIs and the
 * checkout extension API name every object this way; fixtures carry plain
 * numeric ids, so the adapters turn one into the other at the surface edge.
 *
 * A gid may carry a query string (Shopify's own sometimes do, e.g.
 * `?model_name=Address`); `parseGid` keeps it apart from the numeric id.
 */

/** Resource names the adapters hand out, as Shopify spells them in gids. */
export type GidResource =
  | 'CartLine'
  | 'Collection'
  | 'Company'
  | 'CompanyLocation'
  | 'Customer'
  | 'CustomerAddress'
  | 'Fulfillment'
  | 'FulfillmentEvent'
  | 'FulfillmentLineItem'
  | 'LineItem'
  | 'Order'
  | 'OrderTransaction'
  | 'PaymentSchedule'
  | 'PaymentTerms'
  | 'Product'
  | 'ProductImage'
  | 'ProductVariant'
  | 'Refund'
  | 'SellingPlan'
  | 'Shop';

const GID = /^gid:\/\/shopify\/([A-Za-z]+)\/(\d+)(?:\?(.*))?$/;

export interface ParsedGid {
  resource: string;
  id: number;
  /** What followed `?`, e.g. "role=shipping"; empty when none. */
  query: string;
}

/** `gid('Order', 6001)` is "gid://shopify/Order/6001". */
export function gid(resource: GidResource, id: number, query?: Record<string, string>): string {
  if (!Number.isSafeInteger(id) || id < 0) throw new Error(`a ${resource} id must be a non-negative integer, got ${String(id)}`);
  const search = query ? new URLSearchParams(query).toString() : '';
  return `gid://shopify/${resource}/${id}${search ? `?${search}` : ''}`;
}

/** The parts of a gid; throws on anything that is not one, quoting it. */
export function parseGid(value: string): ParsedGid {
  const match = typeof value === 'string' ? GID.exec(value) : null;
  if (!match) throw new Error(`not a Shopify global id: ${JSON.stringify(value)} (expected gid://shopify/Resource/123)`);
  const id = Number(match[2]);
  if (!Number.isSafeInteger(id)) throw new Error(`global id ${value} has an id too large for a number`);
  return { resource: match[1], id, query: match[3] ?? '' };
}

/** The numeric id of a gid, checking it names the expected resource: `idOf('gid://shopify/Order/6001', 'Order')` is 6001. */
export function idOf(value: string, resource: GidResource): number {
  const parsed = parseGid(value);
  if (parsed.resource !== resource) throw new Error(`expected a ${resource} id, got ${value}`);
  return parsed.id;
}

/**
 * Ids for things a fixture does not number itself (fulfillment events,
 * fulfillment line items, payment schedules), built the way the fixtures
 * number children: the parent's id followed by a two-digit position, so
 * fulfillment 60351's first event is 6035101. Stable across runs.
 */
export function childId(parentId: number, index: number): number {
  if (!Number.isInteger(index) || index < 0 || index > 98) throw new Error(`child position ${index} is out of range 0–98`);
  return parentId * 100 + index + 1;
}

/**
 * A stable positive id from text, for objects a fixture names but does not
 * number (a B2B company, a shop without `id`): FNV-1a, 32 bits.
 */
export function stableId(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash || 1;
}
