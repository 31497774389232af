import { createHash, createHmac } from 'node:crypto';
import type { Liquid } from 'liquidjs';
import { toText } from './strings.ts';
import { rubyString } from '../ruby/standard-filters.ts';
import type { FilterThis } from './html.ts';

/*
 * Hash and encoding filters. liquidjs ships sha256, hmac_sha256, base64_encode and
 * a lenient base64_decode (both replaced here by Ruby's); Shopify also has md5, sha1, hmac_sha1 and the URL-safe Base64
 * pair. All hash the UTF-8 bytes of the input's text and print lowercase hex.
 */

function digest(algorithm: string, input: unknown): string {
  return createHash(algorithm).update(toText(input), 'utf8').digest('hex');
}

function hmac(algorithm: string, input: unknown, key: unknown): string {
  return createHmac(algorithm, toText(key)).update(toText(input), 'utf8').digest('hex');
}

/** `{{ '' | md5 }}` → `d41d8cd98f00b204e9800998ecf8427e`. */
export function md5(this: FilterThis, input: unknown): string {
  return digest('md5', input);
}

export function sha1(this: FilterThis, input: unknown): string {
  return digest('sha1', input);
}

export function sha256(this: FilterThis, input: unknown): string {
  return digest('sha256', input);
}

/** `{{ 'Polyjuice' | hmac_sha1: 'Polina' }}`: the key is the filter's argument. */
export function hmac_sha1(this: FilterThis, input: unknown, key: unknown): string {
  return hmac('sha1', input, key);
}

export function hmac_sha256(this: FilterThis, input: unknown, key: unknown): string {
  return hmac('sha256', input, key);
}

/**
 * Base64 of the input's Ruby `to_s` (a list or a hash is its `inspect`: liquid-spec's StandardFilterTest encodes
 * `{"foo"=>"bar"}` as `eyJmb28iPT4iYmFyIn0=`).
 */
export function base64_encode(this: FilterThis, input: unknown): string {
  return Buffer.from(rubyString(input), 'utf8').toString('base64');
}

/** `{{ 'one two three' | base64_url_safe_encode }}` → `b25lIHR3byB0aHJlZQ==`, with `-` and `_` for `+` and `/`. */
export function base64_url_safe_encode(this: FilterThis, input: unknown): string {
  return base64_encode.call(this, input).replace(/\+/g, '-').replace(/\//g, '_');
}

/**
 * Strict Base64, as Ruby's `Base64.strict_decode64`: padded to a multiple of four, no line breaks, nothing but the
 * alphabet; anything else is Liquid's "invalid base64 provided to base64_decode" (liquidjs decodes it leniently).
 */
export function base64_decode(this: FilterThis, input: unknown): string {
  // Ruby's `to_s`: a list is its `inspect` (`[]`), which is no Base64.
  const text = rubyString(input);
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) throw new Error('invalid base64 provided to base64_decode');
  return Buffer.from(text, 'base64').toString('utf8');
}

/** Decodes URL-safe Base64, padded or not; invalid input is an error, as in Shopify. */
export function base64_url_safe_decode(this: FilterThis, input: unknown): string {
  const text = toText(input).replace(/[\r\n]/g, '');
  const bare = text.replace(/={0,2}$/, '');
  if (!/^[A-Za-z0-9_-]*$/.test(bare) || bare.length % 4 === 1 || (text !== bare && text.length % 4 !== 0)) {
    throw new Error('invalid base64 provided to base64_url_safe_decode');
  }
  return Buffer.from(bare.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
}

export function registerCryptoFilters(liquid: Liquid): void {
  liquid.registerFilter('md5', md5);
  liquid.registerFilter('base64_encode', base64_encode);
  liquid.registerFilter('base64_decode', base64_decode);
  liquid.registerFilter('sha1', sha1);
  liquid.registerFilter('sha256', sha256);
  liquid.registerFilter('hmac_sha1', hmac_sha1);
  liquid.registerFilter('hmac_sha256', hmac_sha256);
  liquid.registerFilter('base64_url_safe_encode', base64_url_safe_encode);
  liquid.registerFilter('base64_url_safe_decode', base64_url_safe_decode);
}
