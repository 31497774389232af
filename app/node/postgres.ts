/** A PostgreSQL server through node-postgres: a pool shared by the process, one client per transaction. */
import pg from 'pg';
import { StorageError, type Sql } from '../storage/sql.ts';

export async function openPostgres(url: string): Promise<Sql> {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000, idleTimeoutMillis: 30_000 });
  // An idle client that loses its server must not take the process down; the next query reports it.
  pool.on('error', () => {});
  const run = async <Row>(client: pg.Pool | pg.PoolClient, text: string, params: readonly unknown[]): Promise<Row[]> => {
    try {
      return (await client.query(text, [...params])).rows as Row[];
    } catch (error) {
      throw asStorageError(error);
    }
  };
  const sql: Sql = {
    kind: 'postgres',
    query: (text, params = []) => run(pool, text, params),
    lock: async () => {
      throw new Error('lock() holds only inside a transaction');
    },
    async transaction(work) {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        throw asStorageError(error);
      }
      const inside: Sql = {
        kind: 'postgres',
        query: (text, params = []) => run(client, text, params),
        lock: async (name) => void (await run(client, 'SELECT pg_advisory_xact_lock(hashtext($1))', [name])),
        transaction: (nested) => nested(inside),
        close: async () => {},
      };
      try {
        await client.query('BEGIN');
        const result = await work(inside);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
  await sql.query('SELECT 1');
  return sql;
}

/** Errors from the server keep their SQLSTATE; the connection string (and its password) never reaches a message. */
function asStorageError(error: unknown): Error {
  if (error instanceof StorageError) return error;
  const code = (error as { code?: unknown }).code;
  // A SQLSTATE (five characters) is the server's answer to the statement: the caller decides what it means.
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return error as Error;
  return new StorageError(`the PostgreSQL server could not be reached (${typeof code === 'string' ? code : (error as Error).name})`);
}
