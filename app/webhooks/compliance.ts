/**
 * Shopify's mandatory privacy webhooks (customers/data_request,
 * customers/redact, shop/redact), declared in shopify.app.toml. Encore stores
 * no customer data of its own, so once the HMAC proves Shopify sent the
 * request there is nothing to return or erase: 200.
 *
 * `X-Shopify-Hmac-Sha256` is the base64 HMAC-SHA256 of the raw body with the
 * app's client secret. WebCrypto's `verify` compares in constant time.
 */
import { readBodyBytes } from '../http/body.ts';
import { apiError, isApiError, json, type ApiError } from '../http/responses.ts';

export async function complianceWebhook(request: Request, secret: Uint8Array<ArrayBuffer>, limit: number): Promise<Response | ApiError> {
  const body = await readBodyBytes(request, limit);
  if (isApiError(body)) return body;
  const signature = base64Bytes(request.headers.get('x-shopify-hmac-sha256'));
  const key = await crypto.subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  if (!signature || signature.byteLength !== 32 || !(await crypto.subtle.verify('HMAC', key, signature, body))) {
    return apiError(401, 'invalid_hmac', 'The webhook HMAC does not match this app.');
  }
  return json(200, { ok: true });
}

function base64Bytes(text: string | null): Uint8Array<ArrayBuffer> | null {
  if (!text || !/^[A-Za-z0-9+/]+={0,2}$/.test(text.trim())) return null;
  try {
    return Uint8Array.from(atob(text.trim()), (char) => char.charCodeAt(0));
  } catch {
    return null;
  }
}
