/// <reference lib="dom" />
/**
 * Draws a remote-ui tree as plain, accessible HTML. react-dom is not installed, so instead of
 * @remote-ui/react's RemoteRenderer this follows a RemoteReceiver by hand: one DOM node per remote node,
 * created once and updated in place when the receiver reports a change, so focus and a <select>'s state
 * survive re-renders. Text arrives as text nodes (never HTML), so customer text stays inert.
 */
import type {
  RemoteReceiver,
  RemoteReceiverAttachable,
  RemoteReceiverAttachableChild,
  RemoteReceiverAttachableComponent,
  RemoteReceiverAttachableText,
} from '@remote-ui/core';
import { KIND_TEXT } from '@remote-ui/core';

type Props = Record<string, unknown>;

interface Drawn {
  node: Node;
  /** Where the node's children go (a Select or Image has none). */
  slot: HTMLElement | null;
  update: (props: Props) => void;
  unsubscribe: () => void;
  /** Undoes what drawing it added outside its own node (a Layout's style sheet). */
  dispose?: () => void;
}

/** Everything drawn, by remote id, so an update reuses the element already on the page. */
const drawn = new Map<string, Drawn>();

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  if (className) created.className = className;
  return created;
}

/** The latest props of each component, so event listeners installed once always call the current handler. */
const latest = new WeakMap<Node, Props>();
const call = (node: Node, name: string, ...args: unknown[]) => {
  const handler = latest.get(node)?.[name];
  if (typeof handler === 'function') void Promise.resolve(handler(...args)).catch(() => {});
};

function flag(target: HTMLElement, name: string, on: unknown): void {
  target.classList.toggle(name, Boolean(on));
}

/**
 * Layout's viewport sizes as media queries: `small` is every width, `medium` and `large` from these up. Shopify
 * names the sizes without documenting their widths; these are the studio's choice.
 */
const VIEWPORTS: Record<string, string | null> = { small: null, medium: '(min-width: 750px)', large: '(min-width: 1000px)' };
let layouts = 0;

/** A size of Layout's: ≤ 1 a share of the row, > 1 pixels (shrinking on a narrower screen), `fill` the rest, `auto` its content. */
function sectionFlex(size: unknown): string {
  if (size === 'fill') return 'flex:1 1 0;min-width:0';
  if (typeof size !== 'number' || !(size >= 0)) return 'flex:0 0 auto';
  return size <= 1 ? `flex:0 0 ${size * 100}%;min-width:0` : `flex:0 1 ${size}px;min-width:0`;
}

/** `maxInlineSize`: ≤ 1 a share of the box the layout sits in, > 1 pixels. */
function maxInline(size: unknown): string {
  if (typeof size !== 'number' || !(size > 0)) return '';
  return `max-width:${size <= 1 ? `${size * 100}%` : `${size}px`}`;
}

/**
 * Post-purchase `Layout`: its children are sections in a wrapping row, each sized by `sizes` (`[1, 0, 1]` stacks
 * two sections around an empty one; `[560, 38, 340]` sets them side by side), per viewport from `media`. The
 * rules go in a style element of its own, keyed by the layout's id, removed with the layout.
 */
function layout(): Omit<Drawn, 'unsubscribe'> {
  const box = element('div', 'pp-Layout');
  box.id = `pp-layout-${++layouts}`;
  const style = element('style');
  style.dataset.ppLayout = box.id;
  document.head.append(style);
  const rules = (sizes: unknown, max: unknown) => {
    const sections = Array.isArray(sizes) ? sizes.map((size, index) => `#${box.id}>:nth-child(${index + 1}){${sectionFlex(size)}}`).join('') : '';
    const width = maxInline(max);
    return `${width ? `#${box.id}{${width}}` : ''}${sections}`;
  };
  return {
    node: box,
    slot: box,
    dispose: () => style.remove(),
    update: (props) => {
      const media = Array.isArray(props.media) ? (props.media as { viewportSize?: string; sizes?: unknown; maxInlineSize?: unknown }[]) : [];
      const ordered = ['small', 'medium', 'large'].flatMap((viewport) => media.filter((entry) => entry.viewportSize === viewport));
      style.textContent =
        rules(props.sizes, props.maxInlineSize) +
        ordered
          .map((entry) => {
            const query = VIEWPORTS[entry.viewportSize ?? ''];
            const css = rules(entry.sizes, entry.maxInlineSize);
            return query ? `@media ${query}{${css}}` : css;
          })
          .join('');
    },
  };
}

/** One remote component as HTML: the element, where its children go, and how props apply to it. */
function component(type: string): Omit<Drawn, 'unsubscribe'> {
  switch (type) {
    case 'Layout':
      return layout();
    case 'BlockStack':
    case 'InlineStack':
    case 'TextContainer':
    case 'View':
    case 'Tiles':
    case 'FormLayout': {
      const box = element('div', `pp-${type}`);
      return { node: box, slot: box, update: (props) => (box.dataset.spacing = String(props.spacing ?? 'base')) };
    }
    case 'Bookend': {
      // The leading and/or trailing child at its own size, the others filling the rest (the page's breakdown rows).
      const box = element('div', 'pp-Bookend');
      return {
        node: box,
        slot: box,
        update: (props) => {
          box.dataset.spacing = String(props.spacing ?? 'base');
          flag(box, 'leading', props.leading);
          flag(box, 'trailing', props.trailing);
        },
      };
    }
    case 'Heading': {
      const heading = element('h1', 'pp-Heading');
      return { node: heading, slot: heading, update: () => {} };
    }
    case 'TextBlock': {
      const paragraph = element('p', 'pp-TextBlock');
      return { node: paragraph, slot: paragraph, update: (props) => flag(paragraph, 'subdued', props.subdued) };
    }
    case 'Text': {
      const span = element('span', 'pp-Text');
      let inner: HTMLElement = span;
      return {
        node: span,
        slot: span,
        update: (props) => {
          // role="deletion" is the struck-through regular price: a <del> says so to assistive technology.
          if (props.role === 'deletion' && inner === span) {
            inner = element('del');
            inner.append(...span.childNodes);
            span.append(inner);
          }
          flag(span, 'subdued', props.subdued);
          flag(span, 'emphasized', props.emphasized);
          span.dataset.size = String(props.size ?? 'base');
        },
      };
    }
    case 'VisuallyHidden': {
      const span = element('span', 'pp-visually-hidden');
      return { node: span, slot: span, update: () => {} };
    }
    case 'Banner': {
      const banner = element('div', 'pp-Banner');
      const title = element('strong');
      const body = element('div');
      banner.append(title, body);
      return {
        node: banner,
        slot: body,
        update: (props) => {
          banner.dataset.status = String(props.status ?? 'info');
          banner.setAttribute('role', props.status === 'critical' ? 'alert' : 'status');
          title.textContent = typeof props.title === 'string' ? props.title : '';
          title.hidden = !props.title;
        },
      };
    }
    case 'Button': {
      const button = element('button', 'pp-Button');
      button.type = 'button';
      const label = element('span');
      button.append(label);
      button.addEventListener('click', () => {
        if (!button.disabled) call(button, 'onPress');
      });
      return {
        node: button,
        slot: label,
        update: (props) => {
          const busy = Boolean(props.loading);
          button.disabled = Boolean(props.disabled) || busy;
          button.setAttribute('aria-busy', String(busy));
          if (busy && typeof props.loadingLabel === 'string') button.setAttribute('aria-label', props.loadingLabel);
          else button.removeAttribute('aria-label');
          flag(button, 'subdued', props.subdued);
        },
      };
    }
    case 'Image': {
      const image = element('img', 'pp-Image');
      image.loading = 'lazy';
      return {
        node: image,
        slot: null,
        update: (props) => {
          image.alt = typeof props.description === 'string' ? props.description : '';
          if (typeof props.source === 'string') image.src = sameOrigin(props.source);
        },
      };
    }
    case 'Select': {
      const wrapper = element('div', 'pp-Select');
      const label = element('label');
      const select = element('select');
      select.id = `pp-select-${++selects}`;
      label.htmlFor = select.id;
      wrapper.append(label, select);
      select.addEventListener('change', () => call(wrapper, 'onChange', select.value));
      return {
        node: wrapper,
        slot: null,
        update: (props) => {
          label.textContent = String(props.label ?? '');
          const options = Array.isArray(props.options) ? (props.options as { value: string; label: string; disabled?: boolean }[]) : [];
          select.replaceChildren(
            ...options.map((option) => {
              const drawnOption = element('option');
              drawnOption.value = option.value;
              drawnOption.textContent = option.label;
              drawnOption.disabled = Boolean(option.disabled);
              return drawnOption;
            }),
          );
          select.value = String(props.value ?? '');
          select.disabled = Boolean(props.disabled);
        },
      };
    }
    case 'Spinner': {
      const spinner = element('p', 'pp-Spinner');
      spinner.setAttribute('role', 'status');
      spinner.textContent = 'Loading…';
      return { node: spinner, slot: null, update: () => {} };
    }
    default: {
      // A component this host does not know still shows its content, and says which it was.
      const box = element('div', 'pp-unknown');
      box.dataset.component = type;
      return { node: box, slot: box, update: () => {} };
    }
  }
}

let selects = 0;
let cdnPrefix: string | null = null;

/** Product images the backend names on the shop's domain load from the studio, which serves /cdn/ offline. */
function sameOrigin(url: string): string {
  return cdnPrefix && url.startsWith(cdnPrefix) ? `/cdn/${url.slice(cdnPrefix.length)}` : url;
}

function draw(receiver: RemoteReceiver, child: RemoteReceiverAttachableChild): Node {
  const key = String(child.id);
  const existing = drawn.get(key);
  if (existing) return existing.node;
  if (child.kind === KIND_TEXT) {
    const text = document.createTextNode((child as RemoteReceiverAttachableText).text);
    const unsubscribe = receiver.attached.subscribe(child, (value: RemoteReceiverAttachableText) => (text.data = value.text));
    drawn.set(key, { node: text, slot: null, update: () => {}, unsubscribe });
    return text;
  }
  const remote = child as RemoteReceiverAttachableComponent;
  const made = component(remote.type);
  const apply = (value: RemoteReceiverAttachableComponent) => {
    const props = (value.props ?? {}) as Props;
    latest.set(made.node, props);
    made.update(props);
    if (made.slot) syncChildren(receiver, made.slot, value.children);
  };
  const unsubscribe = receiver.attached.subscribe(remote, apply);
  drawn.set(key, { ...made, unsubscribe });
  apply(remote);
  return made.node;
}

/** Puts the drawn children in order, moving only what moved, and forgets removed subtrees. */
function syncChildren(receiver: RemoteReceiver, parent: HTMLElement, children: RemoteReceiverAttachableChild[]): void {
  // A Text drawn as <del> keeps its children inside that element.
  const target = parent.firstElementChild?.tagName === 'DEL' && parent.classList.contains('pp-Text') ? (parent.firstElementChild as HTMLElement) : parent;
  const wanted = children.map((child) => draw(receiver, child));
  wanted.forEach((node, index) => {
    if (target.childNodes[index] !== node) target.insertBefore(node, target.childNodes[index] ?? null);
  });
  while (target.childNodes.length > wanted.length) {
    forget(target.lastChild!);
    target.lastChild!.remove();
  }
}

function forget(node: Node): void {
  for (const [key, entry] of drawn) {
    if (entry.node === node || node.contains(entry.node)) {
      entry.unsubscribe();
      entry.dispose?.();
      drawn.delete(key);
    }
  }
}

/** Keeps `container` showing the receiver's root from now on. */
export function mountReceiver(receiver: RemoteReceiver, container: HTMLElement, options: { cdnPrefix?: string } = {}): void {
  cdnPrefix = options.cdnPrefix ?? null;
  const root = receiver.attached.root;
  const sync = (value: RemoteReceiverAttachable) => syncChildren(receiver, container, (value as typeof root).children);
  receiver.attached.subscribe(root, sync);
  sync(root);
}
