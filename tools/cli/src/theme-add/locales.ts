/**
 * Encore's words in the host theme's own locale files. Encore keeps every storefront key under the top-level
 * `encore` key and every schema key under `sections.encore-…`, so its words join a theme's file as a few members
 * of their own: written in with jsonc-parser's minimal edits (the theme's formatting, comments and key order stay
 * as they are) and taken out the same way, which gives back the file byte for byte.
 */
import { findNodeAtLocation, parse, parseTree, type JSONPath } from 'jsonc-parser';
import { isDeepStrictEqual } from 'node:util';

/** Encore's own members of a locale file: top-level `encore…` keys, and `sections.encore-…` in schema files. */
export function ownedMembers(encore: Record<string, unknown>): { path: JSONPath; value: unknown }[] {
  const members: { path: JSONPath; value: unknown }[] = [];
  for (const [key, value] of Object.entries(encore)) {
    if (key === 'sections' && value !== null && typeof value === 'object') {
      for (const [section, words] of Object.entries(value)) if (section.startsWith('encore-')) members.push({ path: ['sections', section], value: words });
    } else if (key.startsWith('encore')) {
      members.push({ path: [key], value });
    }
  }
  return members;
}

export const pathKey = (path: JSONPath): string => path.join('.');

/** The value at `path` in JSON text (comments allowed, as in theme locale files); undefined when absent. */
export function valueAt(text: string, path: JSONPath): unknown {
  let node: unknown = parse(text);
  for (const part of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string | number, unknown>)[part];
  }
  return node;
}

/**
 * Sets `path` to `value` in the text, touching nothing else: a new member goes after the object's last one, on
 * a line of its own indented like it; an existing member's value is replaced where it stands. (jsonc-parser's
 * own `modify` reformats the neighbouring member, which would change the merchant's lines.)
 */
export function setMember(text: string, path: JSONPath, value: unknown): string {
  const tree = parseTree(text);
  const existing = tree && findNodeAtLocation(tree, path);
  if (existing) {
    return `${text.slice(0, existing.offset)}${formatted(value, indentAt(text, existing.parent!.offset))}${text.slice(existing.offset + existing.length)}`;
  }
  const parent = tree && findNodeAtLocation(tree, path.slice(0, -1));
  if (!parent || parent.type !== 'object') {
    if (path.length < 2) throw new Error('a locale file must hold one JSON object');
    return setMember(text, path.slice(0, -1), { [path.at(-1)!]: value });
  }
  const key = JSON.stringify(String(path.at(-1)));
  const last = parent.children?.at(-1);
  if (last) {
    const indent = indentAt(text, last.offset);
    const at = last.offset + last.length;
    return `${text.slice(0, at)},\n${indent}${key}: ${formatted(value, indent)}${text.slice(at)}`;
  }
  const outer = indentAt(text, parent.offset);
  const indent = `${outer}  `;
  const at = parent.offset + 1;
  return `${text.slice(0, at)}\n${indent}${key}: ${formatted(value, indent)}\n${outer}${text.slice(parent.offset + parent.length - 1)}`;
}

/** Removes `path` from the text, exactly undoing what setMember added. */
export function removeMember(text: string, path: JSONPath): string {
  const tree = parseTree(text);
  const property = tree && findNodeAtLocation(tree, path)?.parent;
  const parent = property?.parent;
  if (!property || !parent?.children) return text;
  const index = parent.children.indexOf(property);
  if (index > 0) {
    const previous = parent.children[index - 1]!;
    return `${text.slice(0, previous.offset + previous.length)}${text.slice(property.offset + property.length)}`;
  }
  if (parent.children.length > 1) return `${text.slice(0, property.offset)}${text.slice(parent.children[1]!.offset)}`;
  return `${text.slice(0, parent.offset + 1)}${text.slice(parent.offset + parent.length - 1)}`;
}

/** The white space a line starts with, for the line holding `offset`. */
function indentAt(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start))![0];
}

/** JSON with two-space indentation, its lines after the first indented to sit under `indent`. */
function formatted(value: unknown, indent: string): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}`);
}

export const sameValue = (a: unknown, b: unknown): boolean => isDeepStrictEqual(a, b);
