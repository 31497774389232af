/**
 * The app's credentials: SHOPIFY_API_KEY (the client id, the `iss` of signed changesets) and SHOPIFY_API_SECRET
 * (the client secret: it verifies Shopify's tokens and webhooks and signs changesets). `shopify app dev` sets both.
 *
 * Without them the backend refuses to start (it fails closed): a development default anyone can read would let
 * anyone forge the tokens it trusts. Only a caller that says it is in development mode (the studio, the tests,
 * `npm run serve -- --development`) gets the default, with one warning, and never under NODE_ENV=production.
 */
export const DEVELOPMENT_API_KEY = 'encore-development-api-key';
export const DEVELOPMENT_API_SECRET = 'encore-development-api-secret';

type SecretName = 'SHOPIFY_API_KEY' | 'SHOPIFY_API_SECRET';

export interface AppSecrets {
  apiKey: string;
  apiSecret: string;
  /** Which of the two fell back to the development default. */
  defaulted: SecretName[];
}

/** The credentials are missing outside development mode; the message names the variables, never a value. */
export class SecretsError extends Error {
  override name = 'SecretsError';
}

/**
 * Reads the two variables from any environment record (Node's environment, or an edge runtime's `env` bindings).
 * A blank value counts as unset.
 */
export function appSecrets(env: Record<string, string | undefined>, options: { development?: boolean } = {}): AppSecrets {
  const apiKey = env.SHOPIFY_API_KEY?.trim() ?? '';
  const apiSecret = env.SHOPIFY_API_SECRET?.trim() ?? '';
  const missing = [...(apiKey ? [] : ['SHOPIFY_API_KEY' as const]), ...(apiSecret ? [] : ['SHOPIFY_API_SECRET' as const])];
  if (missing.length > 0 && !options.development) {
    throw new SecretsError(
      `${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set: the backend will not start without the app's credentials (shopify app dev sets them; on a host, set them from the app's settings in the Partner Dashboard). Offline, npm run serve -- --development uses a development default.`,
    );
  }
  if (missing.length > 0 && env.NODE_ENV?.trim() === 'production') {
    throw new SecretsError(`${missing.join(' and ')} not set, and NODE_ENV=production: development mode and its public default are refused in production.`);
  }
  return { apiKey: apiKey || DEVELOPMENT_API_KEY, apiSecret: apiSecret || DEVELOPMENT_API_SECRET, defaulted: missing };
}

/** The one warning printed at start when a development default is in use; it names the variables, never a value. */
export function defaultSecretsWarning(secrets: AppSecrets): string | null {
  if (secrets.defaulted.length === 0) return null;
  return `warning: ${secrets.defaulted.join(' and ')} not set; development mode uses Encore's development default (see README "Post-purchase backend"). Shopify will refuse anything it signs.`;
}

/**
 * The app's public URL (SHOPIFY_APP_URL, which `shopify app dev` sets to its tunnel): what Shopify's app library
 * takes for the app's host. Unset or blank: none (the library's default serves). Anything but an http(s) URL is a
 * mistake named at start.
 */
export function appUrlFrom(env: Record<string, string | undefined>): string | undefined {
  const value = env.SHOPIFY_APP_URL?.trim();
  if (!value) return undefined;
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    // Named below.
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new SecretsError(`SHOPIFY_APP_URL=${value}: not an http(s) URL; use the app's public URL, e.g. https://encore.example.com`);
  }
  return url.origin;
}
