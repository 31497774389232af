/**
 * Every GraphQL document packages/shopify-apis exports is valid against the real schema of the API it is sent
 * to (Shopify's introspection, read by the stand-ins from @shopify/hydrogen-react): a field, argument, type or
 * variable Shopify does not have fails here before any extension runs.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Kind, NoUnusedFragmentsRule, parse, specifiedRules, validate, type DocumentNode } from 'graphql';
import { besideModule } from '@encore/liquid/paths.ts';
import { apiSchema, type ShopifyApi } from '@encore/fixtures/adapters/graphql-schemas.ts';

const SOURCES = besideModule(import.meta.url, '../../packages/shopify-apis/src');

interface ExportedDocument {
  api: ShopifyApi;
  name: string;
  document: DocumentNode;
}

function parsed(text: string): DocumentNode | null {
  try {
    return parse(text);
  } catch {
    return null;
  }
}

/** Each exported string that parses as GraphQL, in the folder named after the API it is sent to. */
async function exportedDocuments(): Promise<ExportedDocument[]> {
  const found: ExportedDocument[] = [];
  for (const api of ['storefront', 'customer-account'] as const) {
    for (const file of readdirSync(path.join(SOURCES, api)).filter((name) => name.endsWith('.ts'))) {
      const module = (await import(`@encore/shopify-apis/${api}/${file}`)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(module)) {
        const document = typeof value === 'string' ? parsed(value) : null;
        if (document) found.push({ api, name: `${api}/${file} ${name}`, document });
      }
    }
  }
  return found;
}

const operations = (document: DocumentNode) =>
  document.definitions.flatMap((definition) => (definition.kind === Kind.OPERATION_DEFINITION ? [definition.name?.value] : []));

describe('the documents the extensions send', () => {
  it('are every one valid against its API schema', async () => {
    const documents = await exportedDocuments();
    expect(documents.flatMap(({ document }) => operations(document))).toEqual(
      expect.arrayContaining(['EncoreOrderStatus', 'EncoreOrderHistory', 'EncoreRecommendations', 'EncoreProducts']),
    );
    for (const { api, name, document } of documents) {
      // A fragment exported on its own is used by the queries that include it, not by itself.
      const rules = operations(document).length === 0 ? specifiedRules.filter((rule) => rule !== NoUnusedFragmentsRule) : specifiedRules;
      expect({ name, errors: validate(apiSchema(api), document, rules).map((error) => error.message) }).toEqual({ name, errors: [] });
    }
  });

  it('fail there when a field is misspelled', () => {
    const document = parse('query EncoreOrderStatus($id: ID!) { order(id: $id) { fulfilmentStatus } }');
    expect(validate(apiSchema('customer-account'), document).map((error) => error.message)).toEqual([
      'Cannot query field "fulfilmentStatus" on type "Order". Did you mean "fulfillmentStatus" or "fulfillments"?',
    ]);
  });
});
