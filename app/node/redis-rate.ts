/** The rate counter in Redis, for several instances (REDIS_URL). */
import { createClient } from 'redis';
import type { RateCounter } from '../storage/rate.ts';

/** Counts in Redis (REDIS_URL), shared by every instance; a key lives one window past its own. */
export async function redisRateCounter(url: string, windowMs: number): Promise<RateCounter> {
  const client = createClient({ url, socket: { connectTimeout: 5_000, reconnectStrategy: (retries) => Math.min(retries * 100, 2_000) } });
  // Reconnection is the client's job; a lost server shows as a failed hit, which the backend answers as unavailable.
  client.on('error', () => {});
  await client.connect();
  return {
    kind: 'redis',
    async hit(key, now) {
      const window = Math.floor(now / windowMs);
      const name = `encore:rate:${window}:${key}`;
      const [count] = await client
        .multi()
        .incr(name)
        .pExpire(name, windowMs * 2)
        .exec();
      return Number(count);
    },
    async close() {
      await client.close();
    },
  };
}
