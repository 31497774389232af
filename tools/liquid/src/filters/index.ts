import type { Liquid } from 'liquidjs';
import { registerMoneyFilters } from './money.ts';
import { registerStringFilters } from './strings.ts';
import { registerTranslateFilters } from './translate.ts';
import { registerDateFilters } from './date.ts';
import { registerJsonFilters } from './json.ts';
import { registerCryptoFilters } from './crypto.ts';
import { registerLinkFilters } from './links.ts';
import { registerPaginationFilters } from './pagination.ts';
import { registerAssetFilters } from './assets.ts';
import { registerMediaFilters } from './media.ts';
import { registerAddressFilters } from './address.ts';
import { registerMeasurementFilters } from './measurement.ts';
import { registerPaymentFilters } from './payment.ts';
import { registerColorFilters } from './color.ts';
import { registerFontFilters } from './fonts.ts';
import { registerCustomerFilters } from './customer.ts';

/** The one registration point for Shopify's filters, grouped by topic in the modules beside this file. */
export function registerShopifyFilters(liquid: Liquid): void {
  void liquid;
  registerMoneyFilters(liquid);
  registerStringFilters(liquid);
  registerTranslateFilters(liquid);
  registerDateFilters(liquid);
  registerJsonFilters(liquid);
  registerCryptoFilters(liquid);
  registerLinkFilters(liquid);
  registerPaginationFilters(liquid);
  registerAssetFilters(liquid);
  registerMediaFilters(liquid);
  registerAddressFilters(liquid);
  registerMeasurementFilters(liquid);
  registerPaymentFilters(liquid);
  registerColorFilters(liquid);
  registerFontFilters(liquid);
  registerCustomerFilters(liquid);
}
