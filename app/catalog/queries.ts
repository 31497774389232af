/**
 * The Admin GraphQL documents the backend sends, written against the 2026-10 Admin schema (fields as shopify.dev
 * documents them; no deprecated field). Values always travel as variables: the documents hold no shop or buyer
 * text. Offline, the stand-in Admin API (tools/fixtures/src/admin-api/) validates every one of them against its
 * schema before it answers.
 */

/** The gid Shopify gives a resource of `type` with numeric id `id`. */
export const gid = (type: 'Product' | 'ProductVariant' | 'Customer', id: number | string): string => `gid://shopify/${type}/${id}`;

/** The shop's money format and languages, and the variants its offers add (each with its product). */
export const OFFERED_VARIANTS = /* GraphQL */ `
  query EncoreOfferedVariants($variants: [ID!]!) {
    shop {
      currencyCode
      currencyFormats {
        moneyFormat
      }
    }
    shopLocales {
      locale
      primary
    }
    nodes(ids: $variants) {
      ... on ProductVariant {
        legacyResourceId
        title
        sku
        price
        compareAtPrice
        inventoryQuantity
        inventoryPolicy
        inventoryItem {
          tracked
        }
        selectedOptions {
          name
          value
        }
        media(first: 1) {
          nodes {
            preview {
              image {
                url
              }
            }
          }
        }
        product {
          ...EncoreProduct
          featuredMedia {
            preview {
              image {
                url
              }
            }
          }
        }
      }
    }
  }
  ${productFragment()}
`;

function productFragment(): string {
  return `
  fragment EncoreProduct on Product {
    legacyResourceId
    handle
    title
    vendor
    productType
    tags
    status
    createdAt
  }`;
}

/**
 * The purchase's own products (for the triggers on tags and types) and, for each collection a trigger names,
 * whether it holds each of them: one `hasProduct` per pair, so no collection is read whole. Built for the counts
 * it is given; the handles and ids go in as `$c0…` and `$p0…`.
 */
export function orderedProductsQuery(products: number, collections: number): string {
  // Declared only where a membership uses them: GraphQL refuses a variable no field reads.
  const productVariables = collections === 0 ? [] : Array.from({ length: products }, (_, p) => `$p${p}: ID!`);
  const collectionVariables = Array.from({ length: collections }, (_, c) => `$c${c}: String!`);
  const memberships = Array.from(
    { length: collections },
    (_, c) =>
      `c${c}: collectionByIdentifier(identifier: { handle: $c${c} }) { legacyResourceId handle title ${Array.from({ length: products }, (_, p) => `p${p}: hasProduct(id: $p${p})`).join(' ')} }`,
  );
  return `
  query EncoreOrderedProducts($products: [ID!]!${[...productVariables, ...collectionVariables].map((variable) => `, ${variable}`).join('')}) {
    nodes(ids: $products) {
      ... on Product {
        ...EncoreProduct
      }
    }
    ${memberships.join('\n    ')}
  }
  ${productFragment()}`;
}

const CUSTOMER_FIELDS = `
        id
        tags
        numberOfOrders
        lastOrder {
          checkoutToken
        }`;

/**
 * The purchase's order (found by its checkout token) with what decides whether Shopify shows the post-purchase
 * page, and the buyer as the offer rules see them: tags, orders placed, and whether the newest of those is this one.
 * Every purchase pays for this one (about 20 points), so it asks for five transactions: a checkout's payments
 * (a card, a gift card, their authorizations) are fewer, and each listed transaction costs two points.
 */
export const PURCHASE = /* GraphQL */ `
  query EncorePurchase($search: String!, $customer: ID!, $withCustomer: Boolean!) {
    orders(first: 1, query: $search) {
      nodes {
        checkoutToken
        sourceName
        paymentTerms {
          id
        }
        purchasingEntity {
          __typename
        }
        originalTotalDutiesSet {
          shopMoney {
            amount
          }
        }
        transactions(first: 5) {
          kind
          status
          gateway
          paymentDetails {
            __typename
          }
        }
        customer {${CUSTOMER_FIELDS}
        }
      }
    }
    customer(id: $customer) @include(if: $withCustomer) {${CUSTOMER_FIELDS}
    }
  }
`;

/** For an offers import (app/offers/import.ts), one query for everything a config names: variants by id, products and collections by handle (aliases). */
export function referencesQuery(products: number, collections: number): string {
  const variables = [...Array.from({ length: products }, (_, p) => `$p${p}: String!`), ...Array.from({ length: collections }, (_, c) => `$c${c}: String!`)];
  const fields = [
    ...Array.from({ length: products }, (_, p) => `p${p}: productByIdentifier(identifier: { handle: $p${p} }) { handle }`),
    ...Array.from({ length: collections }, (_, c) => `c${c}: collectionByIdentifier(identifier: { handle: $c${c} }) { handle }`),
  ];
  return `
  query EncoreOfferReferences($variants: [ID!]!${variables.map((variable) => `, ${variable}`).join('')}) {
    shopLocales {
      locale
      primary
    }
    nodes(ids: $variants) {
      ... on ProductVariant {
        legacyResourceId
      }
    }
    ${fields.join('\n    ')}
  }`;
}

/** Shopify's search syntax for one exact value: quoted, with its quotes and backslashes escaped. */
export function searchValue(value: string): string {
  return `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}
