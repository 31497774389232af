/**
 * The order rules live in the pure core (extensions/core/src/order-status.ts)
 * so the UI extensions compute exactly what the fixture loader and the Liquid
 * drops do; this module keeps the store's existing import path working.
 */
export {
  allocatedToApplication,
  financialStatus,
  fulfillmentStatus,
  isCartLevel,
  lineAmounts,
  lineItemState,
  lineItemStates,
  netPaid,
  orderAmounts,
  payments,
  totalRefunded,
} from '../../extensions/core/src/order-status.ts';
export type {
  FinancialStatus,
  FulfillmentStatus,
  LineAmounts,
  LineItemState,
  OrderAmounts,
  Payments,
} from '../../extensions/core/src/order-status.ts';
