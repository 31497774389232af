// @ts-check
'use strict';

/**
 * CustomerOrdersPageSize: `{% paginate customer.orders by N %}` needs N ≤ 20.
 *
 * Shopify serves a customer's orders at most 20 a page, whatever the paginate tag asks for, so a
 * larger page size makes the pagination links promise pages that do not hold what they say.
 * theme-check's own PaginationSize only checks 1–250, the limit for products and the like.
 *
 * What counts as proven:
 * - a number literal: `by 20` passes, `by 50` is reported;
 * - a setting, `section.settings.ID` / `block.settings.ID` (from this file's `{% schema %}`) or
 *   `settings.ID` (from `config/settings_schema.json`): it must be a `range` whose `max` is ≤ 20,
 *   because the merchant can pick any value up to `max` in the theme editor. A `number` setting (no
 *   upper bound), a range with a larger `max`, or a setting the check cannot find is reported;
 * - a variable assigned in the same file: every `{% assign NAME = … %}` of it must be a number ≤ 20;
 * - anything else (a snippet parameter, a filter chain) cannot be proven and is reported, so the
 *   limit is never left to chance.
 *
 * Plain CommonJS with no dependencies: theme-check loads `require:` entries with Node's `require`,
 * both in `npm run check` (@shopify/theme-check-node) and in `shopify theme check` (the CLI bundles
 * the same loader), and the CLI runs it from a theme that may have no node_modules.
 */

const MAX_CUSTOMER_ORDERS_PER_PAGE = 20;

/** Node type names of @shopify/liquid-html-parser (its NodeTypes enum), spelled out to stay dependency-free. */
const NodeTypes = /** @type {const} */ ({
  Number: 'Number',
  String: 'String',
  VariableLookup: 'VariableLookup',
  LiquidVariable: 'LiquidVariable',
});

/**
 * The slice of the parser's AST this check reads.
 * @typedef {{ type: string, position: { start: number, end: number } }} Node
 * @typedef {Node & { type: 'Number', value: string }} NumberNode
 * @typedef {Node & { type: 'String', value: string }} StringNode
 * @typedef {Node & { type: 'VariableLookup', name: string | null, lookups: Node[] }} VariableLookupNode
 * @typedef {{ type: string, id?: string, max?: number, min?: number, default?: unknown }} Setting
 * @typedef {{ node: Node, describe: string }} PendingLookup
 */

/** @type {import('@shopify/theme-check-common').LiquidCheckDefinition} */
const CustomerOrdersPageSize = {
  meta: {
    code: 'CustomerOrdersPageSize',
    name: 'Paginate customer.orders by at most 20',
    docs: {
      description:
        'Shopify serves at most 20 customer orders per page: `paginate customer.orders by N` needs N ≤ 20 ' +
        '(a number, a range setting whose max is ≤ 20, or a variable assigned such a number).',
      url: 'https://shopify.dev/docs/storefronts/themes/architecture/templates/customers-account#show-the-customers-orders',
      recommended: true,
    },
    // The enums of @shopify/theme-check-common, by value: SourceCodeType.LiquidHtml and Severity.ERROR.
    type: /** @type {any} */ ('LiquidHtml'),
    severity: /** @type {any} */ (0),
    schema: {},
    targets: [],
  },

  create(context) {
    /** @type {Setting[]} */
    let sectionSettings = [];
    /** @type {Map<string, Node[]>} values of every `assign NAME = value` in the file */
    const assigns = new Map();
    /** @type {Node[]} page sizes that need the whole file (schema, assigns) before they can be judged */
    const pending = [];

    /** @param {Node} node @param {string} message */
    const report = (node, message) => context.report({ message, startIndex: node.position.start, endIndex: node.position.end });

    /** @param {Node} node @param {number} size */
    const checkNumber = (node, size) => {
      if (size <= MAX_CUSTOMER_ORDERS_PER_PAGE) return;
      report(
        node,
        `paginate customer.orders by ${size}: Shopify serves at most ${MAX_CUSTOMER_ORDERS_PER_PAGE} customer orders per page; use ${MAX_CUSTOMER_ORDERS_PER_PAGE} or fewer.`,
      );
    };

    /** @param {Node} node @param {Setting | undefined} setting @param {string} name */
    const checkSetting = (node, setting, name) => {
      if (!setting) {
        report(node, `paginate customer.orders by ${name}: no such setting, so the page size cannot be proven ≤ ${MAX_CUSTOMER_ORDERS_PER_PAGE}.`);
      } else if (setting.type !== 'range') {
        report(
          node,
          `paginate customer.orders by ${name}: a "${setting.type}" setting has no upper bound; use a "range" setting with "max" ≤ ${MAX_CUSTOMER_ORDERS_PER_PAGE} (Shopify serves at most ${MAX_CUSTOMER_ORDERS_PER_PAGE} customer orders per page).`,
        );
      } else if (typeof setting.max !== 'number' || setting.max > MAX_CUSTOMER_ORDERS_PER_PAGE) {
        report(
          node,
          `paginate customer.orders by ${name}: the setting's "max" is ${setting.max}; Shopify serves at most ${MAX_CUSTOMER_ORDERS_PER_PAGE} customer orders per page, so "max" must be ≤ ${MAX_CUSTOMER_ORDERS_PER_PAGE}.`,
        );
      }
    };

    /** @param {VariableLookupNode} node */
    const checkLookup = async (node) => {
      const text = context.file.source.slice(node.position.start, node.position.end);
      const keys = node.lookups.map((lookup) => (lookup.type === NodeTypes.String ? /** @type {StringNode} */ (lookup).value : null));
      const settingId = keys[keys.length - 1];
      // section.settings.ID / block.settings.ID: this file's schema.
      if ((node.name === 'section' || node.name === 'block') && keys.length === 2 && keys[0] === 'settings' && settingId) {
        return checkSetting(
          node,
          sectionSettings.find((s) => s.id === settingId),
          text,
        );
      }
      // settings.ID: the theme's settings, config/settings_schema.json.
      if (node.name === 'settings' && keys.length === 1 && settingId) {
        return checkSetting(node, await themeSetting(settingId), text);
      }
      // A variable assigned in this file, only ever to numbers.
      const values = node.name !== null && keys.length === 0 ? assigns.get(node.name) : undefined;
      if (values && values.every((value) => value.type === NodeTypes.Number)) {
        for (const value of values) checkNumber(node, Number(/** @type {NumberNode} */ (value).value));
        return;
      }
      report(
        node,
        `paginate customer.orders by ${text}: the page size cannot be proven ≤ ${MAX_CUSTOMER_ORDERS_PER_PAGE}; use a number, a "range" setting with "max" ≤ ${MAX_CUSTOMER_ORDERS_PER_PAGE}, or a variable assigned such a number in this file.`,
      );
    };

    /** @param {string} id @returns {Promise<Setting | undefined>} */
    const themeSetting = async (id) => {
      try {
        const groups = JSON.parse(await context.fs.readFile(context.toUri('config/settings_schema.json')));
        for (const group of Array.isArray(groups) ? groups : []) {
          const found = (group.settings ?? []).find((/** @type {Setting} */ s) => s.id === id);
          if (found) return found;
        }
      } catch {
        // No or unreadable settings schema: the setting is unknown, which the caller reports.
      }
      return undefined;
    };

    return {
      async LiquidTag(node) {
        if (node.name === 'assign' && typeof node.markup !== 'string') {
          const markup = /** @type {{ name: string, value: Node & { expression: Node, filters: unknown[] } }} */ (/** @type {unknown} */ (node.markup));
          // `assign x = 20` is a LiquidVariable holding a Number with no filters; anything else is not a literal.
          const value = markup.value.type === NodeTypes.LiquidVariable && markup.value.filters.length === 0 ? markup.value.expression : markup.value;
          assigns.set(markup.name, [...(assigns.get(markup.name) ?? []), value]);
          return;
        }
        if (node.name !== 'paginate' || typeof node.markup === 'string') return;
        const { collection, pageSize } = /** @type {{ collection: Node, pageSize: Node }} */ (/** @type {unknown} */ (node.markup));
        if (!isCustomerOrders(collection)) return;
        if (pageSize.type === NodeTypes.Number) checkNumber(pageSize, Number(/** @type {NumberNode} */ (pageSize).value));
        else pending.push(pageSize);
      },

      async LiquidRawTag(node) {
        if (node.name !== 'schema') return;
        try {
          const schema = JSON.parse(node.body.value);
          if (Array.isArray(schema?.settings)) sectionSettings = schema.settings;
        } catch {
          // A broken schema is ValidSchema's to report; the lookups then fail as unknown settings.
        }
      },

      async onCodePathEnd() {
        for (const pageSize of pending) {
          if (pageSize.type === NodeTypes.VariableLookup) await checkLookup(/** @type {VariableLookupNode} */ (pageSize));
          else
            report(
              pageSize,
              `paginate customer.orders by ${context.file.source.slice(pageSize.position.start, pageSize.position.end)}: the page size must be a number ≤ ${MAX_CUSTOMER_ORDERS_PER_PAGE} or a setting or variable that is.`,
            );
        }
      },
    };
  },
};

/** @param {Node} node `customer.orders` or `customer['orders']` */
function isCustomerOrders(node) {
  if (node.type !== NodeTypes.VariableLookup) return false;
  const lookup = /** @type {VariableLookupNode} */ (node);
  return (
    lookup.name === 'customer' &&
    lookup.lookups.length === 1 &&
    lookup.lookups[0].type === NodeTypes.String &&
    /** @type {StringNode} */ (lookup.lookups[0]).value === 'orders'
  );
}

module.exports = { CustomerOrdersPageSize, MAX_CUSTOMER_ORDERS_PER_PAGE };
