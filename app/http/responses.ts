/**
 * JSON responses with the contract's error shape and CORS: the post-purchase
 * extension runs in a web worker on Shopify's checkout origin, so every answer
 * (errors included, or the worker sees only "network error") carries
 * `Access-Control-Allow-Origin: *`. Nothing here reads cookies, so a wildcard
 * origin exposes nothing a token does not already grant.
 */

export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-allow-headers': 'content-type',
  'access-control-max-age': '86400',
};

/** A stable snake_case code the extension switches on, and text for a person. */
export interface ApiError {
  status: number;
  code: string;
  message: string;
}

export function apiError(status: number, code: string, message: string): ApiError {
  return { status, code, message };
}

export function isApiError(value: unknown): value is ApiError {
  return typeof value === 'object' && value !== null && 'status' in value && 'code' in value && 'message' in value;
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...CORS_HEADERS, ...headers },
  });
}

export function errorResponse(error: ApiError, headers: Record<string, string> = {}): Response {
  return json(error.status, { error: { code: error.code, message: error.message } }, headers);
}

/** The answer to a CORS preflight. */
export function preflight(): Response {
  return new Response(null, { status: 204, headers: { ...CORS_HEADERS } });
}
