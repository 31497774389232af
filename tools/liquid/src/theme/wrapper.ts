import { ThemeError } from '../errors.ts';
import { escapeHtml } from '../filters/html.ts';

const WRAPPER_TAGS = new Set(['div', 'main', 'section']);

/**
 * A JSON template's `wrapper`: `main#main-content.page-width[data-x=y]` —
 * a tag (div, main or section), an optional id, classes and attributes.
 */
export function parseWrapper(wrapper: string, file: string): { wrap(html: string): string } {
  const match = /^([a-z]+)((?:[#.][\w-]+|\[[\w-]+(?:=[^\]]*)?\])*)$/.exec(wrapper.trim());
  if (!match || !WRAPPER_TAGS.has(match[1])) {
    throw new ThemeError(file, undefined, `invalid wrapper '${wrapper}': use div, main or section with #id, .class and [attribute=value]`);
  }
  const tag = match[1];
  const attrs: string[] = [];
  const classes: string[] = [];
  for (const part of match[2].match(/[#.][\w-]+|\[[^\]]+\]/g) ?? []) {
    if (part.startsWith('#')) attrs.push(`id="${escapeHtml(part.slice(1))}"`);
    else if (part.startsWith('.')) classes.push(part.slice(1));
    else {
      const [name, value = ''] = part.slice(1, -1).split('=');
      attrs.push(`${name}="${escapeHtml(value)}"`);
    }
  }
  if (classes.length) attrs.push(`class="${escapeHtml(classes.join(' '))}"`);
  const open = `<${tag}${attrs.length ? ' ' + attrs.join(' ') : ''}>`;
  return { wrap: (html) => `${open}${html}</${tag}>` };
}
