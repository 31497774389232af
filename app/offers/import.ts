/**
 * A shop's offers as the merchant hands them over (app/offers.json's format): checked for shape and rules
 * (validate.ts), then against the shop's own catalog through its Admin API, every variant, product and collection
 * they name and a title in the shop's primary language (the core's `offerReferenceProblems`). All problems come
 * back at once, each with its JSON path; only a config with none is stored.
 *
 * Stored offers can fall out of step with the catalog later (a product deleted): the admin's report
 * (`GET /api/admin/offers`) runs the same check again, and an offer whose variant is gone is never served
 * (app/catalog/shop-catalog.ts leaves it out).
 */
import { offerReferenceProblems, type ConfigProblem, type OfferConfig } from '@encore/core/offer-config.ts';
import type { AdminQuery } from '../catalog/admin-api.ts';
import { gid, referencesQuery } from '../catalog/queries.ts';
import { parseOfferConfig } from './validate.ts';

/** What `config` names that the shop does not have, as of now. */
export async function shopReferenceProblems(config: OfferConfig, query: AdminQuery): Promise<ConfigProblem[]> {
  const variantIds = [...new Set(config.offers.map((offer) => offer.action.variant_id))];
  const productHandles = [...new Set(config.offers.flatMap((offer) => offer.trigger.product ?? []))];
  const collectionHandles = [...new Set(config.offers.flatMap((offer) => offer.trigger.collection ?? []))];
  const variables: Record<string, unknown> = { variants: variantIds.map((id) => gid('ProductVariant', id)) };
  productHandles.forEach((handle, p) => (variables[`p${p}`] = handle));
  collectionHandles.forEach((handle, c) => (variables[`c${c}`] = handle));
  const answer = await query<Record<string, unknown>>(referencesQuery(productHandles.length, collectionHandles.length), variables);
  const found = (prefix: string, count: number) =>
    Array.from({ length: count }, (_, i) => answer[`${prefix}${i}`] as { handle: string } | null).filter((node): node is { handle: string } => node !== null);
  const variants = (answer.nodes as ({ legacyResourceId?: string } | null)[]).flatMap((node) =>
    node?.legacyResourceId ? [{ id: Number(node.legacyResourceId) }] : [],
  );
  const primary = (answer.shopLocales as { locale: string; primary: boolean }[]).find((locale) => locale.primary)?.locale;
  return offerReferenceProblems(config, {
    // The variants stand under one product of their own: the check asks only whether each id exists.
    products: [...found('p', productHandles.length).map((product) => ({ handle: product.handle, variants: [] })), { handle: '', variants }],
    collections: found('c', collectionHandles.length),
    ...(primary ? { shop: { primary_locale: primary } } : {}),
  });
}

export type OffersCheck = { ok: true; config: OfferConfig } | { ok: false; problems: ConfigProblem[] };

/** Shape and rules first (nothing is asked of the shop for a config that is wrong on its face), then the shop. */
export async function checkShopOffers(data: unknown, query: AdminQuery): Promise<OffersCheck> {
  const parsed = parseOfferConfig(data);
  if (!parsed.ok) return parsed;
  const problems = await shopReferenceProblems(parsed.config, query);
  return problems.length === 0 ? parsed : { ok: false, problems };
}
