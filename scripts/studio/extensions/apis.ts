/**
 * The two GraphQL APIs an extension preview calls, answered on the server from the store adapters:
 * the Storefront API (`shopify.query`) and the Customer Account API (`fetch('shopify://customer-account/…')`,
 * which the host forwards here with the scenario's customer). Only the fields a query selects come back.
 */
import { customerAccountCustomer, customerAccountOrder } from '../../store/adapters/customer-account.ts';
import { parseGid } from '../../store/adapters/ids.ts';
import { storefrontNodes, storefrontRecommendations } from '../../store/adapters/storefront.ts';
import { findCustomer } from '../../store/names.ts';
import type { Store } from '../../store/types.ts';
import { answer, type GraphqlAnswer } from '../graphql.ts';

export interface GraphqlRequest {
  query: string;
  variables?: Record<string, unknown>;
}

/** A GraphQL error answer, as Shopify's APIs shape it. */
export function graphqlError(message: string): { errors: { message: string }[] } {
  return { errors: [{ message }] };
}

/**
 * Storefront API: `nodes(ids:)` and `productRecommendations(productId:)`, the two documents the extensions
 * send (extensions/shared/src/storefront/documents.ts), told apart by their variables as the tests do.
 */
export function storefrontAnswer(store: Store, request: GraphqlRequest): GraphqlAnswer {
  const variables = request.variables ?? {};
  if (Array.isArray(variables.ids)) return answer(request.query, { ...storefrontNodes(store, variables.ids as string[]) }, variables);
  if (typeof variables.productId === 'string') {
    const id = parseGid(variables.productId).id;
    const seed = store.products.find((product) => product.id === id);
    return answer(request.query, seed ? { ...storefrontRecommendations(store, seed) } : { productRecommendations: null }, variables);
  }
  throw new Error('the studio answers Storefront queries for nodes(ids:) and productRecommendations(productId:) only');
}

/**
 * Customer Account API for the logged-in `customerHandle`: `customer` is theirs, `order(id:)` one of their
 * orders (another customer's order answers null, as Shopify does). Built lazily: a query names one or the other.
 */
export function customerAccountAnswer(store: Store, customerHandle: string, request: GraphqlRequest): GraphqlAnswer {
  const customer = findCustomer(store, customerHandle);
  if (!customer) throw new Error(`no customer "${customerHandle}" in the store`);
  const variables = request.variables ?? {};
  const root = {
    get customer() {
      return customerAccountCustomer(store, customer);
    },
    get order() {
      if (typeof variables.id !== 'string') return null;
      const id = parseGid(variables.id).id;
      const order = customer.orders.find((candidate) => candidate.id === id);
      return order ? customerAccountOrder(store, order, customer) : null;
    },
  };
  return answer(request.query, root, variables);
}

/**
 * The shop's own URLs (`https://DOMAIN/…`: its storefront, as in `shop.storefrontUrl` and cart permalinks, and its
 * CDN, as the adapters write image URLs) moved onto the studio's `origin`, which serves `/cart/…`, `/products/…`
 * and `/cdn/shop/files/…` in the shop's place: a preview loads nothing from the network and its links work.
 */
export function onStudioOrigin(store: Store, json: string, origin: string): string {
  const domain = store.shop.domain.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Only the domain itself: `https://shop.example.com` is not `https://shop.example`.
  return json.replace(new RegExp(`https://${domain}(?![\\w.-])`, 'g'), () => origin);
}
