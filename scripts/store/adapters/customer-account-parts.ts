/**
 * Shapes the Customer Account API repeats across objects: addresses,
 * connections, timestamps. Plain reshaping of fixture values.
 */
import { countryName } from '../liquid/locale-names.ts';
import type { Address } from '../types.ts';
import type * as CA from './customer-account-types.ts';

/** The latest of some timestamps, as written (offset kept). */
export function latest(times: (string | null | undefined)[]): string {
  let best: string | undefined;
  for (const time of times) {
    if (!time) continue;
    if (best === undefined || Date.parse(time) > Date.parse(best)) best = time;
  }
  if (best === undefined) throw new Error('no timestamp to choose from');
  return best;
}

/**
 * `formatted` follows Shopify's default (company, no name) in the common
 * layout "City PROVINCE ZIP"; countries that order these differently are
 * not modelled here.
 */
export function customerAddress(address: Address, id: string): CA.CustomerAddress {
  const country = countryName(address.country_code);
  const name = [address.first_name, address.last_name].filter(Boolean).join(' ');
  const area = [address.city, address.province_code ?? address.province, address.zip].filter(Boolean).join(' ');
  return {
    id,
    firstName: address.first_name || null,
    lastName: address.last_name || null,
    name: name || null,
    company: address.company,
    address1: address.address1,
    address2: address.address2,
    city: address.city,
    province: address.province,
    zoneCode: address.province_code,
    country,
    territoryCode: address.country_code,
    zip: address.zip,
    phoneNumber: address.phone,
    formatted: [address.company, address.address1, address.address2, area, country].filter((part): part is string => Boolean(part)),
    formattedArea: [address.city, address.province, country].filter(Boolean).join(', ') || null,
  };
}

export function pickupAddressOf(address: Address): CA.PickupAddress {
  return {
    address1: address.address1,
    address2: address.address2,
    city: address.city,
    countryCode: address.country_code,
    phone: address.phone,
    zip: address.zip,
    zoneCode: address.province_code,
  };
}

/** Nodes, edges with opaque cursors, and a page info that says the list is whole. */
export function connection<T extends object>(nodes: T[]): CA.Connection<T> {
  const edges = nodes.map((node, index) => {
    const id = 'id' in node && typeof node.id === 'string' ? node.id : 'node';
    return { cursor: btoa(`${id}#${index}`), node };
  });
  return {
    nodes,
    edges,
    pageInfo: {
      hasNextPage: false,
      hasPreviousPage: false,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
