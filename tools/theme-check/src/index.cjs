// @ts-check
'use strict';

/**
 * Encore's own theme-check checks, one per file. `theme/.theme-check.yml` loads this file with
 * `require: ../tools/theme-check/src/index.cjs` and enables each check by its code; theme-check expects
 * the module to export `checks`, an array of check definitions.
 */

const { CustomerOrdersPageSize } = require('./customer-orders-page-size.cjs');

module.exports = { checks: [CustomerOrdersPageSize] };
