/**
 * Entry of the order-index block (customer-account.order-index.block.render): "Buy again" and
 * products picked from the customer's order history, the new customer accounts' twin of the
 * theme's account section. The only module that reads the `shopify` global; load.ts decides
 * what to show, OrderIndexBlock.tsx shows it.
 */
import '@shopify/ui-extensions/preact';
import { render } from 'preact';
import { loadBlock } from './load.ts';
import { OrderIndexBlock, type BlockState } from './OrderIndexBlock.tsx';
import { readSettings } from './settings.ts';
import { wordsOf } from './words.ts';

export default async function extension() {
  const settings = readSettings(shopify.settings.value);
  const words = wordsOf(shopify.i18n);
  const show = (state: BlockState) => render(<OrderIndexBlock state={state} settings={settings} words={words} />, document.body);
  show({ status: 'loading' });
  const state = await loadBlock({
    query: (query, options) => shopify.query(query, options),
    context: { country: shopify.localization.country.value?.isoCode, language: shopify.localization.language.value?.isoCode },
    settings,
    now: new Date(),
    forCompany: shopify.authenticatedAccount.purchasingCompany.value !== undefined,
  }).catch((): BlockState => ({ status: 'hidden' }));
  show(state);
}
