/**
 * A small GraphQL server over plain objects: answers a query from what the store adapters build (e.g.
 * `customerAccountOrder`) by returning only the fields the query selects, under their aliases, as a real
 * server does. An extension that reads a field it never asked for therefore reads `undefined` here too.
 * Field arguments are not interpreted, except `first`/`last` on connections (`edges`/`nodes` lists), which
 * are honoured; inline fragments and named fragments apply when the object's `__typename` matches (or has
 * none). The studio's extension previews and the extension tests both answer through it.
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

export function valueOf(node: ValueNode, variables: Record<string, unknown>): unknown {
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
