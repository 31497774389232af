import { Drop, TablerowTag, type evalToken, toValue, type Context, type Emitter, type Liquid, type Template } from 'liquidjs';
import { toRubyInteger } from './integers.ts';
import { sliceCollection } from './collections.ts';
import { chargeIteration } from './budget.ts';
import { collectionOf } from './ranges.ts';

/**
 * Ruby's `tablerow`: a newline after every `<tr>`, always at least one row
 * (even for an empty collection), nil `cols`/`limit`/`offset` count as 0,
 * non-integers raise "invalid integer", and `break`/`continue` stay inside
 * the table. liquidjs's parser is kept; only rendering is replaced.
 */
class RubyTablerowTag extends TablerowTag {
  override *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const self = this as unknown as TablerowFields;
    const source = toValue(yield* collectionOf(self.collection, ctx));
    if (source === null || source === undefined || source === false) return;
    const args = (yield self.args.render(ctx)) as Record<string, unknown>;
    const from = 'offset' in args ? toRubyInteger(args.offset, 0) : 0;
    const items = sliceCollection(source, from, 'limit' in args ? from + toRubyInteger(args.limit, 0) : undefined);
    const cols = 'cols' in args ? toRubyInteger(args.cols, 0) : items.length;
    const loop = new TablerowloopDrop(items.length, cols);
    const scope: Record<string, unknown> = { tablerowloop: loop };
    emitter.write('<tr class="row1">\n');
    ctx.push(scope);
    try {
      yield* renderCells(this.liquid, self, ctx, emitter, items, loop, scope);
    } finally {
      ctx.pop();
    }
    emitter.write('</tr>\n');
  }
}

interface TablerowFields {
  variable: string;
  collection: Parameters<typeof evalToken>[0];
  args: { render(ctx: Context): unknown };
  templates: Template[];
}

function* renderCells(
  liquid: Liquid,
  self: TablerowFields,
  ctx: Context,
  emitter: Emitter,
  items: unknown[],
  loop: TablerowloopDrop,
  scope: Record<string, unknown>,
): Generator<unknown, void, unknown> {
  for (const item of items) {
    chargeIteration(ctx, emitter, self as unknown as Template);
    scope[self.variable] = item;
    emitter.write(`<td class="col${loop.col}">`);
    yield liquid.renderer.renderTemplates(self.templates, ctx, emitter);
    emitter.write('</td>');
    const broke = ctx.breakCalled;
    ctx.breakCalled = false;
    ctx.continueCalled = false;
    if (broke) return;
    if (loop.col_last && !loop.last) emitter.write(`</tr>\n<tr class="row${loop.row + 1}">`);
    loop.next();
  }
}

/** Ruby's tablerowloop: the forloop fields plus the cell's row and column. */
export class TablerowloopDrop extends Drop {
  index0 = 0;
  row = 1;
  col = 1;

  constructor(
    readonly length: number,
    private readonly cols: number,
  ) {
    super();
  }

  next(): void {
    this.index0++;
    if (this.col === this.cols) {
      this.col = 1;
      this.row++;
    } else this.col++;
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
  get col0(): number {
    return this.col - 1;
  }
  get col_first(): boolean {
    return this.col === 1;
  }
  get col_last(): boolean {
    return this.col === this.cols;
  }
}

export function registerRubyTablerow(liquid: Liquid): void {
  liquid.registerTag('tablerow', RubyTablerowTag);
}
