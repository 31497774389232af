/**
 * The GraphQL stand-ins for extension tests. `answer` (graphql-js over the APIs' real schemas, resolving from
 * plain objects) lives in tools/fixtures/src/adapters/graphql.ts, shared with the studio's extension previews;
 * here are the test-only pieces: a `fetch` answering from it, and Shopify's query cost.
 */
import { Kind, parse, valueFromASTUntyped, type FieldNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import { answer } from '@encore/fixtures/adapters/graphql.ts';

export { answer, type GraphqlAnswer } from '@encore/fixtures/adapters/graphql.ts';

/**
/**
 * A `fetch` for `extension.fetch`, which reaches the Customer Account API: answers POSTed GraphQL from `root`;
 * `held` holds the answer back until it settles (the test decides when the API answers, or that it never does),
 * `status` other than 200 answers an HTTP error.
 */
export function customerAccountFetch(root: Record<string, unknown>, options: { held?: Promise<unknown>; status?: number } = {}) {
  return async (_url: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const { query, variables, operationName } = JSON.parse(String(init?.body ?? '{}')) as {
      query: string;
      variables?: Record<string, unknown>;
      operationName?: string;
    };
    if (options.held) await options.held;
    if (options.status && options.status !== 200) return new Response('{"errors":[{"message":"server error"}]}', { status: options.status });
    return new Response(JSON.stringify(answer('customer-account', query, root, variables, operationName)), {
      status: 200,
      headers: { 'Content-Type': 'application/json' },
    });
  };
}

/**
 * The cost Shopify asks for a query before running it, by its published rule for GraphQL APIs: a scalar or
 * enum costs 0, an object 1, and a connection 2 plus `first` (or `last`) times the cost of one of its nodes.
 * Lists without a page size count as one object, as Shopify counts them.
 */
export function requestedCost(query: string, variables: Record<string, unknown> = {}): number {
  const document = parse(query);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const pageSize = (field: FieldNode): number | undefined => {
    const arg = field.arguments?.find((candidate) => candidate.name.value === 'first' || candidate.name.value === 'last');
    if (!arg) return undefined;
    const value = valueFromASTUntyped(arg.value, variables);
    if (typeof value !== 'number') throw new Error(`page size of ${field.name.value} is not a number: ${JSON.stringify(value)}`);
    return value;
  };
  const cost = (set: SelectionSetNode): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) total += cost(selection.selectionSet);
      else if (selection.kind === Kind.FRAGMENT_SPREAD) total += cost(fragments.get(selection.name.value)!.selectionSet);
      else if (selection.selectionSet) {
        const size = pageSize(selection);
        if (size === undefined) total += 1 + cost(selection.selectionSet);
        else {
          // One node: what `nodes { … }` or `edges { node { … } }` selects.
          const nodes = selection.selectionSet.selections.find(
            (s): s is FieldNode => s.kind === Kind.FIELD && (s.name.value === 'nodes' || s.name.value === 'edges'),
          );
          const perNode = nodes?.selectionSet ? cost(nodes.selectionSet) : cost(selection.selectionSet);
          total += 2 + size * (nodes?.name.value === 'edges' ? perNode : 1 + perNode);
        }
      }
    }
    return total;
  };
  const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) throw new Error('the query has no operation');
  return cost(operation.selectionSet);
}
