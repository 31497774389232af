export type * from '../../../extensions/shared/src/customer-account/types.ts';
