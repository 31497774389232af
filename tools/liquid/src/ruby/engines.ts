import { Tokenizer, type Context, type Liquid } from 'liquidjs';

/**
 * The engines made by createLiquid. A few of Ruby's behaviours patch liquidjs's shared classes (its tokenizer,
 * context and expression), which every liquidjs engine in the process uses; each patch asks here whether the
 * tokenizer or context at hand is one of ours, so a plain `new Liquid()` (the bench's bare liquidjs) keeps
 * liquidjs's behaviour and speed.
 */
const engines = new WeakSet<Liquid>();
/** The operator tries of our engines' tokenizers (liquidjs keeps one trie per operator table). */
const operatorTries = new WeakSet<object>();

/** Marks an engine as Ruby's; called again whenever its operator table changes. */
export function markRubyEngine(liquid: Liquid): void {
  engines.add(liquid);
  operatorTries.add((new Tokenizer('', liquid.options.operators) as unknown as { opTrie: object }).opTrie);
}

export function isRubyContext(ctx: Context | undefined): boolean {
  const liquid = (ctx as { liquid?: Liquid } | undefined)?.liquid;
  return liquid !== undefined && engines.has(liquid);
}

export function isRubyTokenizer(tokenizer: unknown): boolean {
  const trie = (tokenizer as { opTrie?: object }).opTrie;
  return trie !== undefined && operatorTries.has(trie);
}
