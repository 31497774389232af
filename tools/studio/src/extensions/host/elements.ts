/// <reference lib="dom" />
/**
 * Minimal stand-ins for the Polaris web components the extensions render (`<s-stack>`, `<s-text>`, …): each
 * draws plain, accessible HTML in its shadow root around a <slot> for the children Preact manages, so buttons
 * are buttons, links are links with their href and headings are headings. Looks are Shopify-ish, not exact.
 * Attributes arrive lowercased (`accessibilityLabel` → `accessibilitylabel`) since Preact sets unknown props
 * on custom elements as attributes; customer text only ever lands in textContent or attribute values.
 */

const GAPS: Record<string, string> = {
  none: '0',
  'small-500': '0.125rem',
  'small-400': '0.25rem',
  'small-300': '0.375rem',
  'small-200': '0.5rem',
  'small-100': '0.625rem',
  small: '0.5rem',
  base: '0.75rem',
  'large-100': '1rem',
  large: '1rem',
  'large-200': '1.25rem',
  'large-300': '1.5rem',
};

const TONES: Record<string, { fg: string; bg: string }> = {
  critical: { fg: '#8e1f0b', bg: '#fee9e8' },
  warning: { fg: '#5e4200', bg: '#fff1d6' },
  success: { fg: '#0c5132', bg: '#e3f8ea' },
  info: { fg: '#00527c', bg: '#e6f4fb' },
  neutral: { fg: '#303030', bg: '#ebebeb' },
  auto: { fg: '#303030', bg: '#ebebeb' },
};

const tone = (name: string | null) => TONES[name ?? 'neutral'] ?? TONES.neutral!;

abstract class PolarisElement extends HTMLElement {
  static observed: string[] = [];
  static get observedAttributes(): string[] {
    return this.observed;
  }
  protected readonly root: ShadowRoot;
  constructor() {
    super();
    this.root = this.attachShadow({ mode: 'open' });
  }
  connectedCallback(): void {
    this.draw();
  }
  attributeChangedCallback(): void {
    if (this.isConnected) this.draw();
  }
  /** Rebuilds the shadow tree from the current attributes. */
  protected abstract draw(): void;
  protected attr(name: string): string | null {
    return this.getAttribute(name);
  }
  protected html(css: string, ...nodes: Node[]): void {
    const style = document.createElement('style');
    style.textContent = css;
    this.root.replaceChildren(style, ...nodes);
  }
  protected el<K extends keyof HTMLElementTagNameMap>(
    tag: K,
    props: Record<string, string | null | undefined> = {},
    ...children: (Node | string)[]
  ): HTMLElementTagNameMap[K] {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) if (value !== null && value !== undefined) node.setAttribute(key, value);
    node.append(...children);
    return node;
  }
  protected slotted(): HTMLSlotElement {
    return document.createElement('slot');
  }
}

class Stack extends PolarisElement {
  static observed = ['direction', 'gap', 'alignitems', 'justifycontent'];
  protected draw(): void {
    const row = this.attr('direction') === 'inline';
    const gap = GAPS[this.attr('gap') ?? 'none'] ?? '0';
    const align = { center: 'center', start: 'flex-start', end: 'flex-end' }[this.attr('alignitems') ?? ''] ?? (row ? 'center' : 'stretch');
    this.html(
      `:host{display:flex;flex-direction:${row ? 'row' : 'column'};flex-wrap:${row ? 'wrap' : 'nowrap'};gap:${gap};align-items:${align}}`,
      this.slotted(),
    );
  }
}

/** A CSS value an extension may pass through: words, numbers, lengths, `repeat(…)`, `minmax(…)`. */
const PLAIN_VALUE = /^[\w\s.%(),-]+$/;
/** Polaris's responsive value: `@container [NAME] (CONDITION) WHEN_TRUE, OTHERWISE`; the values are split below. */
const RESPONSIVE_VALUE = /^@container\s+(?:([a-z][\w-]*)\s+)?(\([\w\s.<>=-]+\))\s+(.+)$/;

/** Brackets that close in order: a value that cannot break out of its declaration. */
function balanced(value: string): boolean {
  let depth = 0;
  for (const char of value) {
    if (char === '(') depth++;
    else if (char === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

/** `A, B` at its comma outside brackets (`repeat(3, 1fr), 1fr` → `repeat(3, 1fr)` and `1fr`); null without one. */
function splitAtTopComma(values: string): [string, string] | null {
  let depth = 0;
  for (let at = 0; at < values.length; at++) {
    const char = values[at];
    if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === ',' && depth === 0) return [values.slice(0, at).trim(), values.slice(at + 1).trim()];
  }
  return null;
}

/**
 * CSS setting `property` on the host from a Polaris value, plain or responsive. A responsive value becomes a
 * container query against the nearest `s-query-container` (every one is named `s-default`, so an unnamed query
 * and one naming `s-default` are the same). Anything else gives `fallback`.
 */
function hostRule(property: string, value: string | null, fallback: string): string {
  const responsive = value ? RESPONSIVE_VALUE.exec(value) : null;
  if (responsive) {
    const [, name, condition, values] = responsive;
    const [whenTrue, otherwise] = splitAtTopComma(values!) ?? ['', ''];
    if (
      (name === undefined || name === 's-default') &&
      balanced(whenTrue) &&
      balanced(otherwise) &&
      PLAIN_VALUE.test(whenTrue) &&
      PLAIN_VALUE.test(otherwise)
    ) {
      return `:host{${property}:${otherwise}}@container ${condition}{:host{${property}:${whenTrue}}}`;
    }
    return `:host{${property}:${fallback}}`;
  }
  return `:host{${property}:${value && PLAIN_VALUE.test(value) && balanced(value) ? value : fallback}}`;
}

/** `s-grid`: CSS grid with the extension's column template, plain or responsive (one column otherwise). */
class Grid extends PolarisElement {
  static observed = ['gridtemplatecolumns', 'gap', 'alignitems'];
  protected draw(): void {
    const gap = GAPS[this.attr('gap') ?? 'none'] ?? '0';
    const align = { center: 'center', start: 'start', end: 'end' }[this.attr('alignitems') ?? ''] ?? 'stretch';
    this.html(
      `:host{display:grid;gap:${gap};align-items:${align}}${hostRule('grid-template-columns', this.attr('gridtemplatecolumns'), '1fr')}`,
      this.slotted(),
    );
  }
}

/** `s-query-container`: the block responsive values inside it measure. */
class QueryContainer extends PolarisElement {
  protected draw(): void {
    this.html(':host{display:block;container-type:inline-size;container-name:s-default}', this.slotted());
  }
}

class Text extends PolarisElement {
  static observed = ['type', 'color', 'tone'];
  protected draw(): void {
    const type = this.attr('type');
    const strong = type === 'strong' || type === 'emphasis';
    const color = this.attr('tone') && this.attr('tone') !== 'auto' ? tone(this.attr('tone')).fg : this.attr('color') === 'subdued' ? '#616161' : 'inherit';
    const size = type === 'small' ? '0.875rem' : 'inherit';
    this.html(`:host{display:inline;color:${color};font-size:${size};font-weight:${strong ? 650 : 'inherit'}}`, this.slotted());
  }
}

/** Nesting depth in sections: a section's own heading is h2, headings inside it one level deeper. */
function level(element: Element): number {
  let depth = 0;
  for (let node = element.parentElement; node; node = node.parentElement) if (node.localName === 's-section' && node.hasAttribute('heading')) depth++;
  return Math.min(6, 2 + depth);
}

class Heading extends PolarisElement {
  protected draw(): void {
    // The host itself is the heading, so assistive tech and axe see its text directly.
    this.setAttribute('role', 'heading');
    this.setAttribute('aria-level', String(level(this)));
    this.html(':host{display:block;font-weight:650;font-size:1.125rem;margin:0}', this.slotted());
  }
}

class Section extends PolarisElement {
  static observed = ['heading', 'accessibilitylabel'];
  protected draw(): void {
    const heading = this.attr('heading');
    const title = heading ? this.el('h2', {}, heading) : null;
    if (title) title.setAttribute('aria-level', String(level(this)));
    const section = this.el('section', { 'aria-label': heading ?? this.attr('accessibilitylabel') }, ...(title ? [title] : []), this.slotted());
    this.html(':host{display:block} h2{font-size:1.25rem;margin:0 0 .75rem} section{display:flex;flex-direction:column;gap:.75rem}', section);
  }
}

class Banner extends PolarisElement {
  static observed = ['tone', 'heading'];
  protected draw(): void {
    const { fg, bg } = tone(this.attr('tone') === 'auto' ? 'info' : this.attr('tone'));
    const heading = this.attr('heading');
    const box = this.el(
      'div',
      { role: this.attr('tone') === 'critical' ? 'alert' : 'status' },
      ...(heading ? [this.el('strong', {}, heading)] : []),
      this.slotted(),
    );
    this.html(
      `:host{display:block} div{color:${fg};background:${bg};border-radius:8px;padding:.75rem 1rem;display:flex;flex-direction:column;gap:.25rem}`,
      box,
    );
  }
}

class Badge extends PolarisElement {
  static observed = ['tone'];
  protected draw(): void {
    const { fg, bg } = tone(this.attr('tone'));
    this.html(`:host{display:inline-block;color:${fg};background:${bg};border-radius:8px;padding:0 .5rem;font-size:.875rem;font-weight:550}`, this.slotted());
  }
}

/**
 * The accessible name of a button or link given an `accessibilityLabel`: WCAG 2.5.3 wants the visible words
 * inside it (speech users say what they see), so a label that lacks them is appended to them.
 */
function actionName(element: HTMLElement, label: string | null): string | null {
  if (!label) return null;
  const visible = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
  return !visible || label.toLowerCase().includes(visible.toLowerCase()) ? label : `${visible}: ${label}`;
}

/** Redraws when the children change, so a name built from the visible text stays true. */
function watchText(element: PolarisElement & { redraw(): void }): void {
  new MutationObserver(() => element.redraw()).observe(element, { childList: true, characterData: true, subtree: true });
}

const ACTION_CSS = `a,button{font:inherit;cursor:pointer;border-radius:8px;padding:.5rem 1rem;display:inline-block;text-decoration:none;border:1px solid #1a1a1a}
.primary{background:#1a1a1a;color:#fff}.secondary{background:#fff;color:#1a1a1a}
a:focus-visible,button:focus-visible{outline:2px solid #005bd3;outline-offset:2px}`;

/** Buttons and links: their accessible name follows their text, so both redraw when it changes. */
abstract class ActionElement extends PolarisElement {
  constructor() {
    super();
    watchText(this);
  }
  redraw(): void {
    if (this.isConnected && this.hasAttribute('accessibilitylabel')) this.draw();
  }
}

class Button extends ActionElement {
  static observed = ['href', 'variant', 'disabled', 'loading', 'accessibilitylabel', 'target'];
  protected draw(): void {
    const href = this.attr('href');
    const label = actionName(this, this.attr('accessibilitylabel'));
    const variant = this.attr('variant') === 'secondary' || this.attr('variant') === 'tertiary' ? 'secondary' : 'primary';
    const busy = this.hasAttribute('loading') && this.attr('loading') !== 'false';
    const disabled = (this.hasAttribute('disabled') && this.attr('disabled') !== 'false') || busy;
    const control = href
      ? this.el(
          'a',
          { href, class: variant, 'aria-label': label, target: this.attr('target'), rel: this.attr('target') === '_blank' ? 'noopener' : null },
          this.slotted(),
        )
      : this.el(
          'button',
          { type: 'button', class: variant, 'aria-label': label, 'aria-busy': busy ? 'true' : null, disabled: disabled ? '' : null },
          this.slotted(),
        );
    this.html(`:host{display:inline-block} ${ACTION_CSS}`, control);
  }
}

class Link extends ActionElement {
  static observed = ['href', 'target', 'accessibilitylabel'];
  protected draw(): void {
    const target = this.attr('target');
    const label = actionName(this, this.attr('accessibilitylabel'));
    const link = this.el('a', { href: this.attr('href') ?? '#', target, rel: target === '_blank' ? 'noopener' : null, 'aria-label': label }, this.slotted());
    this.html(':host{display:inline} a{color:#005bd3;text-decoration:underline} a:focus-visible{outline:2px solid #005bd3}', link);
  }
}

class Image extends PolarisElement {
  static observed = ['src', 'alt'];
  protected size = 'auto';
  protected draw(): void {
    const src = this.attr('src');
    // Preact sets src and alt one at a time: update the drawn image in place rather than replace it, which
    // would cancel its download half-way and start another.
    const drawn = this.root.querySelector('img');
    if (src && drawn) {
      drawn.setAttribute('src', src);
      drawn.setAttribute('alt', this.attr('alt') ?? '');
      return;
    }
    const image = src ? this.el('img', { src, alt: this.attr('alt') ?? '', loading: 'lazy' }) : this.el('span', { 'aria-hidden': 'true' });
    this.html(
      `:host{display:inline-block} img,span{display:block;width:${this.size};max-width:100%;border-radius:8px;object-fit:cover;background:#ebebeb}`,
      image,
    );
  }
}

class ProductThumbnail extends Image {
  protected override size = '4rem';
  protected override draw(): void {
    super.draw();
    const inner = this.root.querySelector('img,span') as HTMLElement | null;
    inner?.style.setProperty('height', '4rem');
  }
}

class Divider extends PolarisElement {
  protected draw(): void {
    this.html(':host{display:block} hr{border:0;border-top:1px solid #e3e3e3;margin:0}', this.el('hr'));
  }
}

class SkeletonParagraph extends PolarisElement {
  static observed = ['content'];
  protected draw(): void {
    const content = this.attr('content');
    // Placeholder while data loads: hidden from assistive tech, which hears the section's busy state instead.
    this.setAttribute('aria-hidden', 'true');
    const bar = this.el('span', {}, content ?? '\u00a0');
    this.html(':host{display:block} span{display:block;color:transparent;background:#ebebeb;border-radius:4px;max-width:20rem}', bar);
  }
}

class OrderedList extends PolarisElement {
  protected draw(): void {
    this.setAttribute('role', 'list');
    this.html(':host{display:flex;flex-direction:column;gap:.5rem;padding:0;margin:0}', this.slotted());
  }
}

class ListItem extends PolarisElement {
  protected draw(): void {
    this.setAttribute('role', 'listitem');
    this.html(':host{display:block}', this.slotted());
  }
}

/** A generic box for any other `s-*` element an extension may start using: its children still show. */
class Box extends PolarisElement {
  protected draw(): void {
    this.html(':host{display:block}', this.slotted());
  }
}

export const ELEMENTS: Record<string, CustomElementConstructor> = {
  's-stack': Stack,
  's-box': Box,
  's-grid': Grid,
  's-query-container': QueryContainer,
  's-text': Text,
  's-paragraph': Box,
  's-heading': Heading,
  's-section': Section,
  's-banner': Banner,
  's-badge': Badge,
  's-button': Button,
  's-link': Link,
  's-image': Image,
  's-product-thumbnail': ProductThumbnail,
  's-divider': Divider,
  's-skeleton-paragraph': SkeletonParagraph,
  's-ordered-list': OrderedList,
  's-unordered-list': OrderedList,
  's-list-item': ListItem,
};

export function defineElements(): void {
  // A subclass per name: one constructor cannot be defined under two names (s-box and s-paragraph share Box).
  for (const [name, element] of Object.entries(ELEMENTS))
    if (!customElements.get(name)) customElements.define(name, class extends (element as typeof HTMLElement) {});
}
