import { Drop } from 'liquidjs';

/**
 * Ruby Liquid's ForloopDrop, the `forloop` of `for` and of `render … for`:
 * name, length, index/index0, rindex/rindex0, first, last and parentloop.
 * It prints as its Ruby class name, as Ruby's drops do.
 */
export class RubyForloop extends Drop {
  index0 = 0;

  constructor(
    readonly name: string,
    readonly length: number,
    /** The enclosing loop's forloop; nil at the top level. */
    readonly parentloop: unknown = undefined,
  ) {
    super();
  }

  next(): void {
    this.index0++;
  }

  get index(): number {
    return this.index0 + 1;
  }
  get rindex(): number {
    return this.length - this.index0;
  }
  get rindex0(): number {
    return this.length - this.index0 - 1;
  }
  get first(): boolean {
    return this.index0 === 0;
  }
  get last(): boolean {
    return this.index0 === this.length - 1;
  }

  toString(): string {
    return 'Liquid::ForloopDrop';
  }
}
