import path from 'node:path';
import { cliMain, runAsScript, parseOptions, storefrontFrom, STOREFRONT_OPTIONS, UsageError } from './run.ts';
import { LOGGED_OUT_TEMPLATES, pageReference, type CustomerPage } from '@encore/studio/storefront.ts';
import { listScenarios, loadStore } from '@encore/fixtures/load.ts';
import { listBundledScenarios } from '@encore/fixtures/bundled.ts';
import { checkThemeDir } from '@encore/liquid/theme/theme-dir.ts';

const USAGE = `Usage:
  npm run render -- --template customers/account --customer HANDLE [--page N] [--locale CODE] [--theme DIR] [--fixtures FILE] [--strict]
  npm run render -- --template customers/order --order ID [--locale CODE] [--theme DIR] [--fixtures FILE] [--strict]
  npm run render -- --template customers/addresses --customer HANDLE [--page N] [...]
  npm run render -- --template customers/login|register|activate_account|reset_password [...]
  npm run render -- --list [--fixtures FILE]

Prints the full page HTML. ID is the order's name without '#', or its id.
--theme defaults to theme/. Without --fixtures, the customer or order is looked
up in every bundled store (the default store, then tools/fixtures/stores/),
and --list lists them all. Keys the theme cannot translate into the locale
are listed on stderr, and so is every Liquid error the page printed inline
(as Shopify's storefront prints them: the page goes on) with its file and
line; the exit code is 0, or 1 with --strict when there was any. A syntax
error stops the page: it is printed alone and the exit code is 1.`;

/** `npm run render` with `argv`. */
export const render = cliMain(USAGE, async (argv, io) => {
  const { values } = parseOptions(
    {
      template: { type: 'string' },
      customer: { type: 'string' },
      order: { type: 'string' },
      page: { type: 'string' },
      locale: { type: 'string' },
      ...STOREFRONT_OPTIONS,
      list: { type: 'boolean' },
      strict: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    argv,
  );
  if (values.help) {
    io.stdout.write(`${USAGE}\n`);
    return;
  }
  if (values.list) {
    const lines = values.fixtures ? listScenarios(loadStore(path.resolve(values.fixtures))) : listBundledScenarios();
    io.stdout.write(`${lines.join('\n')}\n`);
    return;
  }
  const page = pageFrom(values);
  if (values.theme !== undefined) checkThemeDir(values.theme);
  // Only the reference the page uses picks the store: a stray --order beside --customer must not.
  const reference = pageReference(page);
  const storefront = storefrontFrom({ theme: values.theme, fixtures: values.fixtures, ...reference });
  const response = await storefront.render(page, { locale: values.locale });
  io.stdout.write(response.body);
  // The page is still printed; the translator learns what to add without reading the HTML.
  const notes = [
    ...response.errors.map((error) => `${error.file ?? page.template}${error.line ? `:${error.line}` : ''}: Liquid error: ${error.message}`),
    ...response.missingTranslations.map((key) => `translation missing: ${key}`),
    ...(response.untranslated.length
      ? [`shown in the theme's default language (${response.untranslated.length} keys): ${response.untranslated.join(', ')}`]
      : []),
  ];
  if (notes.length) io.stderr.write(`${notes.join('\n')}\n`);
  return values.strict && response.errors.length ? 1 : 0;
});

runAsScript(import.meta.url, render);

const TEMPLATES = ['customers/account', 'customers/addresses', 'customers/order', ...LOGGED_OUT_TEMPLATES];

function pageFrom(values: { template?: string; customer?: string; order?: string; page?: string }): CustomerPage {
  switch (values.template) {
    case 'customers/account':
    case 'customers/addresses': {
      if (!values.customer) throw new UsageError(`--template ${values.template} needs --customer HANDLE`);
      const page = values.page === undefined ? undefined : Number(values.page);
      if (page !== undefined && (!Number.isInteger(page) || page < 1)) throw new UsageError(`--page must be a whole number from 1, got '${values.page}'`);
      return { template: values.template, customer: values.customer, page };
    }
    case 'customers/order':
      if (!values.order) throw new UsageError('--template customers/order needs --order ID');
      return { template: 'customers/order', order: values.order };
    case undefined:
      throw new UsageError(`--template is required (${TEMPLATES.join(', ')}), or --list`);
    default:
      if ((LOGGED_OUT_TEMPLATES as readonly string[]).includes(values.template)) {
        return { template: values.template as (typeof LOGGED_OUT_TEMPLATES)[number] };
      }
      throw new UsageError(`--template must be one of ${TEMPLATES.join(', ')}, got '${values.template}'`);
  }
}
