/**
 * The app's credentials: SHOPIFY_API_KEY (the client id, the `iss` of signed
 * changesets) and SHOPIFY_API_SECRET (the client secret: it verifies
 * Shopify's tokens and webhooks and signs changesets). `shopify app dev` sets
 * both. When one is unset, a development default stands in so everything runs
 * offline; tokens signed with it are worthless to a real shop, and the
 * servers say so once at start.
 */
export const DEVELOPMENT_API_KEY = 'encore-development-api-key';
export const DEVELOPMENT_API_SECRET = 'encore-development-api-secret';

export interface AppSecrets {
  apiKey: string;
  apiSecret: string;
  /** Which of the two fell back to the development default. */
  defaulted: ('SHOPIFY_API_KEY' | 'SHOPIFY_API_SECRET')[];
}

/** Reads the two variables from any environment record (Node's environment, or an edge runtime's `env` bindings). */
export function appSecrets(env: Record<string, string | undefined>): AppSecrets {
  const defaulted: AppSecrets['defaulted'] = [];
  const apiKey = env.SHOPIFY_API_KEY?.trim() || (defaulted.push('SHOPIFY_API_KEY'), DEVELOPMENT_API_KEY);
  const apiSecret = env.SHOPIFY_API_SECRET?.trim() || (defaulted.push('SHOPIFY_API_SECRET'), DEVELOPMENT_API_SECRET);
  return { apiKey, apiSecret, defaulted };
}

/** The one warning printed at start when a development default is in use; it names the variables, never a value. */
export function defaultSecretsWarning(secrets: AppSecrets): string | null {
  if (secrets.defaulted.length === 0) return null;
  return `warning: ${secrets.defaulted.join(' and ')} not set; using Encore's development default (see README "Post-purchase backend"). Shopify will refuse anything it signs.`;
}
