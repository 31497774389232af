import { unknownDropsIn } from './drops.ts';

/**
 * Capabilities liquid-spec cases may require that this engine does not have.
 * A case needing any of these is skipped, not failed. Everything else — drops,
 * error modes, inline errors, standard filters — is expected to pass.
 */
export const MISSING_FEATURES: Record<string, string> = {
  ruby_hash_keys: 'Hashes with Integer/nil/boolean keys ({1=>"bar"}): JS object keys are always strings',
  ruby_drops: "a Ruby class of Shopify/liquid's test suite not written here (the others are: liquid-spec/ruby-test-drops.ts); the case names it",
  binary_data: 'JS strings are UTF-16 text; Ruby binary (ASCII-8BIT) strings cannot be represented',
  drop_class_output: "Prints Ruby class names of Ruby-only drops (e.g. 'LiquidDropClass')",
  template_factory: 'Needs a Ruby Liquid::TemplateFactory object passed in registers',
  shopify_resource_limits: "Shopify's render-score resource limits are server internals, not Liquid",
  strict2_blank_body_errors:
    "strict2 printing a blank block's error: liquid-spec calls it aspirational, the reference (liquid-ruby) does not do it and opts out, as here",
};

/** What a case needs that the engine lacks; `ruby_drops` only when its environment names a class not written here. */
export function missingFeaturesOf(features: string[], environment: unknown = {}): string[] {
  return features.flatMap((feature) => {
    if (feature !== 'ruby_drops') return Object.hasOwn(MISSING_FEATURES, feature) ? [feature] : [];
    const unknown = unknownDropsIn(environment);
    return unknown.length > 0 ? [`ruby_drops (${[...new Set(unknown)].join(', ')})`] : [];
  });
}

/** What the engine supports, as announced to liquid-spec (JSON-RPC `initialize`). */
export const SUPPORTED_FEATURES = ['core', 'drops', 'inline_errors', 'lax_parsing', 'randomness', 'shopify_error_format'];
