import { CycleTag, TokenKind, Value, evalToken, type Context, type Liquid, type TagToken, type TopLevelToken } from 'liquidjs';
import { rubyToS } from './output.ts';

let unnamed = 0;

interface CycleFields {
  group?: Parameters<typeof evalToken>[0];
  candidates: { getText(): string; initial?: { postfix?: { kind: number }[] } }[];
}

/**
 * Ruby's `cycle`:
 * - an unnamed cycle is named by its values' inspect, in which a variable is an object of its own, so two
 *   `{% cycle x, 'b' %}` tags count apart (liquid-spec: `{% cycle x, 'b' %}{% cycle x, 'b' %}` prints `aa`);
 *   liquidjs shared them by the values' text, as it still does for literals (two cycles of the same literals
 *   written alike share a count, as in Ruby; written with other quotes they do not, where Ruby's would);
 * - the value prints through `to_s`, so `{% cycle 0.0 %}` is `0.0` (liquidjs printed `0`).
 */
class RubyCycleTag extends CycleTag {
  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    const self = this as unknown as CycleFields;
    const hasVariable = self.candidates.some((candidate) => candidate.initial?.postfix?.some((part) => part.kind === TokenKind.PropertyAccess));
    if (self.group === undefined && hasVariable) self.group = { kind: TokenKind.Quoted, content: `\u0000unnamed cycle ${(unnamed += 1)}` } as never;
  }

  override *render(ctx: Context): Generator<unknown, unknown, unknown> {
    const self = this as unknown as CycleFields;
    const key = self.group ? `cycle:group:${String(yield evalToken(self.group, ctx))}` : `cycle:args:${self.candidates.map((c) => c.getText()).join(',')}`;
    const turns = ctx.getRegister('cycle', {}) as Record<string, number>;
    const turn = turns[key] ?? 0;
    turns[key] = turn + 1 < self.candidates.length ? turn + 1 : 0;
    const candidate = self.candidates[turn];
    if (!candidate) return undefined;
    return rubyToS(yield new Value(candidate as never, this.liquid).value(ctx, false));
  }
}

export function registerRubyCycle(liquid: Liquid): void {
  liquid.registerTag('cycle', RubyCycleTag);
}
