/**
 * A stand-in GraphQL server for extension tests: answers a query from a plain object (what the store
 * adapters build, e.g. `customerAccountOrder`) by returning only the fields the query selects, under
 * their aliases, as a real server does. An extension that reads a field it never asked for therefore
 * reads `undefined` in tests too. Field arguments are not interpreted, except `first`/`last` on
 * connections (`edges`/`nodes` lists), which are honoured; inline fragments and named fragments apply
 * when the object's `__typename` matches (or has none).
 */
import { Kind, parse, type FieldNode, type FragmentDefinitionNode, type SelectionSetNode, type ValueNode } from 'graphql';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface GraphqlAnswer {
  data: Json;
}

/** The response body `query` gets when the server's data is `root` (the object under `data`). */
export function answer(query: string, root: Record<string, unknown>, variables: Record<string, unknown> = {}): GraphqlAnswer {
  const document = parse(query);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) throw new Error('the query has no operation');

  const argument = (field: FieldNode, name: string): unknown => {
    const node = field.arguments?.find((arg) => arg.name.value === name)?.value;
    return node === undefined ? undefined : valueOf(node, variables);
  };

  const select = (value: unknown, set: SelectionSetNode): Json => {
    if (value === null || value === undefined) return null;
    if (Array.isArray(value)) return value.map((item) => select(item, set));
    if (typeof value !== 'object') throw new Error(`a selection set on the scalar ${JSON.stringify(value)}`);
    const source = value as Record<string, unknown>;
    const out: { [key: string]: Json } = {};
    const visit = (selections: SelectionSetNode) => {
      for (const selection of selections.selections) {
        if (selection.kind === Kind.FIELD) {
          const name = selection.name.value;
          const key = selection.alias?.value ?? name;
          if (name === '__typename') {
            out[key] = (source.__typename as string | undefined) ?? null;
            continue;
          }
          if (!(name in source)) throw new Error(`the test data has no field "${name}" (selected as "${key}")`);
          let child = source[name];
          child = limitConnection(child, argument(selection, 'first') as number | undefined, argument(selection, 'last') as number | undefined);
          out[key] = selection.selectionSet ? select(child, selection.selectionSet) : (child as Json);
        } else {
          const typeCondition = selection.kind === Kind.INLINE_FRAGMENT ? selection.typeCondition?.name.value : fragments.get(selection.name.value)?.typeCondition.name.value;
          const set = selection.kind === Kind.INLINE_FRAGMENT ? selection.selectionSet : fragments.get(selection.name.value)?.selectionSet;
          if (!set) throw new Error(`unknown fragment ${selection.kind === Kind.FRAGMENT_SPREAD ? selection.name.value : ''}`);
          if (!typeCondition || source.__typename === undefined || source.__typename === typeCondition) visit(set);
        }
      }
    };
    visit(set);
    return out;
  };

  return { data: select(root, operation.selectionSet) };
}

/** A connection (`{ edges, nodes }`) cut to its first or last `n` items. */
function limitConnection(value: unknown, first?: number, last?: number): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || (first === undefined && last === undefined)) return value;
  const connection = value as Record<string, unknown>;
  if (!Array.isArray(connection.edges) && !Array.isArray(connection.nodes)) return value;
  const cut = <T>(items: T[]) => (first !== undefined ? items.slice(0, first) : items.slice(Math.max(0, items.length - (last ?? items.length))));
  return {
    ...connection,
    ...(Array.isArray(connection.edges) ? { edges: cut(connection.edges) } : {}),
    ...(Array.isArray(connection.nodes) ? { nodes: cut(connection.nodes) } : {}),
  };
}

function valueOf(node: ValueNode, variables: Record<string, unknown>): unknown {
  switch (node.kind) {
    case Kind.VARIABLE:
      return variables[node.name.value];
    case Kind.INT:
      return Number(node.value);
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.STRING:
    case Kind.ENUM:
      return node.value;
    case Kind.BOOLEAN:
      return node.value;
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return node.values.map((item) => valueOf(item, variables));
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((field) => [field.name.value, valueOf(field.value, variables)]));
  }
}

/**
 * A `fetch` for `extension.fetch` that answers POSTed GraphQL from `root`; `delayMs` holds the answer back
 * (to test the extensions' time limit), `status` other than 200 answers an HTTP error.
 */
export function graphqlFetch(root: Record<string, unknown>, options: { delayMs?: number; status?: number } = {}) {
  return async (_url: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const { query, variables } = JSON.parse(String(init?.body ?? '{}')) as { query: string; variables?: Record<string, unknown> };
    if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
    if (options.status && options.status !== 200) return new Response('{"errors":[{"message":"server error"}]}', { status: options.status });
    return new Response(JSON.stringify(answer(query, root, variables)), { status: 200, headers: { 'Content-Type': 'application/json' } });
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
    const value = valueOf(arg.value, variables);
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
          const nodes = selection.selectionSet.selections.find((s): s is FieldNode => s.kind === Kind.FIELD && (s.name.value === 'nodes' || s.name.value === 'edges'));
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
