/**
 * Capabilities liquid-spec cases may require that this engine does not have.
 * A case needing any of these is skipped, not failed. Everything else — drops,
 * error modes, inline errors, standard filters — is expected to pass.
 */
export const MISSING_FEATURES: Record<string, string> = {
  ruby_hash_keys: 'Hashes with Integer/nil/boolean keys ({1=>"bar"}): JS object keys are always strings',
  ruby_drops: "Ruby drop classes from Shopify/liquid's test suite (SecurityVictimDrop, LoaderDrop...) are Ruby code, not portable fixtures",
  binary_data: 'JS strings are UTF-16 text; Ruby binary (ASCII-8BIT) strings cannot be represented',
  drop_class_output: "Prints Ruby class names of Ruby-only drops (e.g. 'LiquidDropClass')",
  template_factory: 'Needs a Ruby Liquid::TemplateFactory object passed in registers',
  shopify_resource_limits: "Shopify's render-score resource limits are server internals, not Liquid",
  strict2_blank_body_errors:
    "strict2 printing a blank block's error: liquid-spec calls it aspirational, the reference (liquid-ruby) does not do it and opts out, as here",
};

export function missingFeaturesOf(features: string[]): string[] {
  return features.filter((feature) => Object.hasOwn(MISSING_FEATURES, feature));
}

/** What the engine supports, as announced to liquid-spec (JSON-RPC `initialize`). */
export const SUPPORTED_FEATURES = ['core', 'drops', 'inline_errors', 'lax_parsing', 'randomness', 'shopify_error_format'];
