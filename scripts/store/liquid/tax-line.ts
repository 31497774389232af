import { ShopifyDrop } from './drop.ts';
import type { TaxLine } from '../types.ts';

/** Liquid `tax_line`. */
export class TaxLineDrop extends ShopifyDrop {
  #line: TaxLine;
  constructor(line: TaxLine) {
    super();
    this.#line = line;
  }
  get title(): string { return this.#line.title; }
  get price(): number { return this.#line.price; }
  get rate(): number { return this.#line.rate; }
  /** Rounded so 0.08875 gives 8.875, not 8.875000000000002. */
  get rate_percentage(): number { return Math.round(this.#line.rate * 100 * 1e6) / 1e6; }
}
