/**
 * Reading a request body within a byte limit, with web streams only (the
 * handler runs on edge runtimes as well as Node). The limit holds for bodies
 * without a Content-Length (chunked) too: reading stops at the first byte past it.
 */
import { apiError, type ApiError } from './responses.ts';

export async function readBodyBytes(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | ApiError> {
  const tooLarge = () => apiError(413, 'body_too_large', `The request body is larger than ${limit} bytes.`);
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) return tooLarge();
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** `application/json`, with or without parameters such as `; charset=utf-8`. */
export function isJsonContentType(request: Request): boolean {
  const type = request.headers.get('content-type');
  return type !== null && type.split(';')[0].trim().toLowerCase() === 'application/json';
}

/** A JSON object body: 415 for another content type, 413 past the limit, 400 for anything but a JSON object. */
export async function readJsonObject(request: Request, limit: number): Promise<Record<string, unknown> | ApiError> {
  if (!isJsonContentType(request)) {
    return apiError(415, 'unsupported_media_type', 'Send the request body as JSON with Content-Type: application/json.');
  }
  const bytes = await readBodyBytes(request, limit);
  if (!(bytes instanceof Uint8Array)) return bytes;
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return apiError(400, 'malformed_json', 'The request body is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return apiError(400, 'malformed_json', 'The request body must be a JSON object.');
  }
  return value as Record<string, unknown>;
}
