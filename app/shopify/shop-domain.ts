/** A shop's permanent domain, as tokens, session tokens and webhooks name it: `{name}.myshopify.com`. */
const MYSHOPIFY = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

/** `value` lower-cased when it is a *.myshopify.com domain; null for anything else. */
export function myshopifyDomain(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const lower = value.toLowerCase();
  return MYSHOPIFY.test(lower) ? lower : null;
}
