/**
 * HS256 on a Node host with fast-jwt over node:crypto: the same checks as jose over WebCrypto
 * (app/post-purchase/token.ts), about a tenth of the time, as each call is synchronous where WebCrypto queues a
 * job on the thread pool (measured with the backend bench: every buyer's request verifies one token, and each sign
 * signs one more).
 */
import { createSigner, createVerifier, TokenError } from 'fast-jwt';
import type { Hs256 } from '../post-purchase/token.ts';

export function nodeHs256(secret: string): Hs256 {
  // Made on first use: a secret the library refuses fails the calls that need it, never the server's start.
  let made: { verify: (token: string) => unknown; sign: (claims: Record<string, unknown>) => string } | undefined;
  const library = () =>
    (made ??= {
      // Only HS256; the claims (exp and nbf included) are checked by the caller, once for every library.
      verify: createVerifier({ key: secret, algorithms: ['HS256'], cache: false, ignoreExpiration: true, ignoreNotBefore: true, complete: false }),
      // The caller sets every claim; the library keeps the `iat` it is given (its noTimestamp would drop it).
      sign: createSigner({ key: secret, algorithm: 'HS256' }),
    });
  return {
    async verify(token) {
      const { verify } = library();
      let payload: unknown;
      try {
        payload = verify(token);
      } catch (error) {
        if (!(error instanceof TokenError)) throw error;
        if (error.code === TokenError.codes.invalidAlgorithm) return 'algorithm';
        if (error.code === TokenError.codes.invalidSignature) return 'signature';
        return 'malformed';
      }
      return typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? (payload as Record<string, unknown>) : 'malformed';
    },
    async sign(claims) {
      return library().sign(claims);
    },
  };
}
