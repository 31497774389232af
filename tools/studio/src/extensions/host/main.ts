/// <reference lib="dom" />
/**
 * The preview page's host: reads the scenario the server embedded, defines the Polaris elements, builds the
 * `shopify` global, then loads the extension's bundle and calls its default export, as Shopify's host does.
 */
import { defineElements } from './elements.ts';
import { EXTENSION_ROOT_GLOBAL, EXTENSION_SLOT_ID } from './root.ts';
import { buildShopify, freezeClock, installFetch, type Scenario } from './shopify.ts';

/**
 * An extension may draw nothing for a scenario (the order index for a customer with no orders): Shopify then
 * shows no block, and the studio says so rather than leave a blank page that looks broken.
 */
function noteWhenEmpty(slot: HTMLElement): void {
  const note = document.createElement('p');
  note.className = 'studio-note';
  note.lang = 'en';
  note.textContent = 'The extension draws nothing for this scenario: Shopify shows no block here.';
  slot.after(note);
  const update = () => void (note.hidden = slot.childNodes.length > 0);
  update();
  new MutationObserver(update).observe(slot, { childList: true });
}

async function start(): Promise<void> {
  const data = document.getElementById('encore-scenario')?.textContent;
  if (!data) throw new Error('Encore studio: the page has no scenario');
  const scenario = JSON.parse(data) as Scenario;
  freezeClock(scenario.now);
  defineElements();
  installFetch(scenario);
  (globalThis as { shopify?: unknown }).shopify = buildShopify(scenario);
  const slot = document.getElementById(EXTENSION_SLOT_ID);
  if (!slot) throw new Error(`Encore studio: the page has no #${EXTENSION_SLOT_ID} to draw the extension in`);
  (globalThis as Record<string, unknown>)[EXTENSION_ROOT_GLOBAL] = slot;
  const module = (await import(/* @vite-ignore */ scenario.bundle)) as { default: () => unknown };
  await module.default();
  noteWhenEmpty(slot);
  document.documentElement.dataset.encoreReady = 'true';
}

void start();
