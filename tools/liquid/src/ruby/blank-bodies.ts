import { TokenKind, type Template } from 'liquidjs';

/**
 * Ruby Liquid drops the whitespace of a block whose body is "blank" — only
 * whitespace, assign/capture/comment and other blank blocks — so
 * `{% if x %} {% assign a = 1 %} {% endif %}` prints nothing. liquidjs keeps it.
 */
const ALWAYS_BLANK_TAGS = new Set(['assign', 'capture', 'comment', 'doc', '#', 'break', 'continue']);
const BLOCK_TAGS = new Set(['if', 'unless', 'for', 'case', 'liquid']);

const blankCache = new WeakMap<object, boolean>();

export function stripBlankBody(node: Template): void {
  const name = tagName(node);
  if (!name || !BLOCK_TAGS.has(name) || !isBlank(node)) return;
  for (const body of bodiesOf(node)) for (const child of body) if (isWhitespaceText(child)) silence(child);
}

/**
 * A tag Ruby calls blank (`assign`, `capture`, a block of only such tags and whitespace): when it fails, Ruby
 * reports the error but prints nothing in its place (BlockBody.rescue_render_node, "for backwards compatibility").
 */
export function isBlankTag(node: Template): boolean {
  return node.token.kind === TokenKind.Tag && isBlank(node);
}

function isBlank(node: Template): boolean {
  const cached = blankCache.get(node);
  if (cached !== undefined) return cached;
  const blank = computeBlank(node);
  blankCache.set(node, blank);
  return blank;
}

function computeBlank(node: Template): boolean {
  if (isWhitespaceText(node)) return true;
  const name = tagName(node);
  if (!name) return false;
  if (ALWAYS_BLANK_TAGS.has(name)) return true;
  if (!BLOCK_TAGS.has(name)) return false;
  return bodiesOf(node).every((body) => body.every(isBlank));
}

function tagName(node: Template): string | undefined {
  return node.token.kind === TokenKind.Tag ? (node as unknown as { name: string }).name : undefined;
}

function isWhitespaceText(node: Template): boolean {
  return node.token.kind === TokenKind.HTML && /^\s*$/.test((node as unknown as { str: string }).str ?? '');
}

function silence(node: Template): void {
  // The text goes too: a text node may be given a plain render after this one (sync-render.ts), which prints `str`.
  (node as unknown as { str: string }).str = '';
  (node as unknown as { render: () => Generator<never, void, unknown> }).render = function* () {};
}

/** The template lists a block holds: `templates`, `elseTemplates`, and each branch's `templates`. */
function bodiesOf(node: Template): Template[][] {
  const bodies: Template[][] = [];
  const record = node as unknown as Record<string, unknown>;
  for (const value of Object.values(record)) {
    if (!Array.isArray(value)) continue;
    if (value.every(isTemplateLike)) bodies.push(value as Template[]);
    else for (const branch of value) if (branch && Array.isArray(branch.templates)) bodies.push(branch.templates);
  }
  return bodies;
}

function isTemplateLike(value: unknown): boolean {
  return !!value && typeof (value as Template).render === 'function' && typeof (value as Template).token === 'object';
}
