/**
 * The page's live values, without @preact/signals' Preact integration.
 *
 * Shopify's `import '@shopify/ui-extensions/preact'` hands the host @preact/signals' `Signal` (signals-core's
 * class, re-exported) through `shopify.setSignals`, so every `shopify.*.value` is such a signal, and installs
 * per-component tracking, signal props and text bindings. This page reads `shopify` only in its root component,
 * so the same class goes to the host here and `renderLive` re-renders the root whenever a value it read changes:
 * the same updates, without the integration and preact/hooks (about 2 KB of the bundle compressed; README,
 * "Bundle size").
 */
import { effect, signal, Signal } from '@preact/signals-core';
import { render, type ComponentChild } from 'preact';

/** Gives the host the class to make `shopify.*` signals of, as `@shopify/ui-extensions/preact` does; on import, below. */
export function handSignals(host: { setSignals?: (kind: typeof Signal) => void } | undefined): void {
  if (host && typeof host.setSignals === 'function') host.setSignals(Signal);
}
handSignals((globalThis as { shopify?: { setSignals?: (kind: typeof Signal) => void } }).shopify);

/** Renders `draw()` into `parent` now and again whenever a signal read while rendering changes. */
export function renderLive(draw: () => ComponentChild, parent: Element): void {
  effect(() => render(draw(), parent));
}

/** State of one page view: the offers (null while loading) and whether they were asked for yet. */
export interface PageState<T> {
  offers: Signal<T[] | null>;
  /** Runs `start` the first time only: the offers are asked for once per page, like a mount effect. */
  once: (start: () => void) => void;
}

export function pageState<T>(): PageState<T> {
  let started = false;
  return {
    offers: signal<T[] | null>(null),
    once: (start) => {
      if (started) return;
      started = true;
      start();
    },
  };
}
