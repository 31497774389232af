/**
 * The backend's state on Node, from the environment: the database DATABASE_URL names (embedded SQLite in memory
 * when unset), migrated at open; the rate counter in Redis when REDIS_URL is set, else in this process (the limit
 * then holds per instance; the record of signed offers is in the database either way, shared by every instance).
 */
import type { BackendState } from '../handler.ts';
import { migrate } from '../storage/migrations.ts';
import { memoryRateCounter } from '../storage/rate.ts';
import { purgeSignatures } from '../storage/signatures.ts';
import { databaseTarget, openDatabase } from './database.ts';

export interface NodeBackendState extends BackendState {
  /** One line for the start-up banner: which database and which counter, never a password. */
  describe(): string;
  close(): Promise<void>;
}

export interface StateOptions {
  env: Record<string, string | undefined>;
  /** The rate limit's window, milliseconds. */
  windowMs: number;
  /** How often expired signature records are deleted, milliseconds; 10 minutes by default. */
  purgeEveryMs?: number;
}

export async function openBackendState(options: StateOptions): Promise<NodeBackendState> {
  const target = databaseTarget(options.env.DATABASE_URL);
  const sql = await openDatabase(target);
  try {
    await migrate(sql);
  } catch (error) {
    await sql.close();
    throw error;
  }
  const redisUrl = options.env.REDIS_URL?.trim();
  const rate = redisUrl ? await (await import('./redis-rate.ts')).redisRateCounter(redisUrl, options.windowMs) : memoryRateCounter(options.windowMs);
  // Expired records only (storage/signatures.ts); a failed round is tried again at the next.
  const purge = setInterval(() => void purgeSignatures(sql, Date.now()).catch(() => {}), options.purgeEveryMs ?? 600_000);
  purge.unref();
  return {
    sql,
    rate,
    describe() {
      const database =
        target.kind === 'postgres'
          ? `PostgreSQL at ${hostOf(target.url)}`
          : target.file
            ? `the embedded database in ${target.file}`
            : 'the embedded database in memory (DATABASE_URL unset: nothing is kept past this process)';
      return `${database}; rate limit counted ${rate.kind === 'redis' ? `in Redis at ${hostOf(redisUrl!)}` : 'in this process (REDIS_URL unset)'}`;
    },
    async close() {
      clearInterval(purge);
      await Promise.all([sql.close(), rate.close()]);
    },
  };
}

/** host:port/path of a URL, without its user and password. */
function hostOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  } catch {
    return 'an address that does not parse';
  }
}
