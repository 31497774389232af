/**
 * The embedded database: SQLite through Node's own `node:sqlite` (no server, no native build, no download), in
 * memory or in one file. Statements are written for PostgreSQL with `$1` placeholders and in the SQL both
 * databases share; the only translation is `$n` to SQLite's `?n`.
 *
 * node:sqlite answers synchronously on one connection, so a transaction that awaits between its statements would
 * let another request's statements into it: every statement waits while a transaction is open.
 */
import { DatabaseSync } from 'node:sqlite';
import { StorageError, type Sql } from '../storage/sql.ts';

export function openEmbedded(file: string | null): Sql {
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(file ?? ':memory:');
    // Several processes may open one file (npm start and npm run serve); WAL lets readers run beside a writer, and a
    // writer waits up to 5 s for another's lock instead of failing at once. synchronous = NORMAL in WAL mode keeps
    // every commit through a crash of the process and syncs at checkpoints, not at each commit.
    db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON');
  } catch (error) {
    throw new StorageError(`the embedded database${file ? ` in ${file}` : ''} could not be opened: ${error instanceof Error ? error.message : String(error)}`);
  }
  const statements = new Map<string, ReturnType<DatabaseSync['prepare']>>();
  const run = <Row>(text: string, params: readonly unknown[]): Row[] => {
    let statement = statements.get(text);
    if (!statement) {
      statement = db.prepare(text.replace(/\$(\d+)/g, '?$1'));
      statements.set(text, statement);
    }
    const values = params.map((value) => (typeof value === 'boolean' ? Number(value) : value)) as (string | number | bigint | null | Uint8Array)[];
    // Rows come with a null prototype; callers and tests compare plain objects.
    return statement.all(...values).map((row) => ({ ...row }) as Row);
  };

  /** The open transaction's end, which every statement from outside it waits for. */
  let open: Promise<void> | null = null;
  const outside = async <T>(work: () => T | Promise<T>): Promise<T> => {
    while (open) await open;
    return work();
  };

  const sql: Sql = {
    kind: 'embedded',
    query: <Row>(text: string, params: readonly unknown[] = []) => outside(() => run<Row>(text, params)),
    lock: async () => {},
    transaction: (work) =>
      outside(async () => {
        let finish!: () => void;
        open = new Promise((resolve) => (finish = resolve));
        const inside: Sql = {
          kind: 'embedded',
          query: async <Row>(text: string, params: readonly unknown[] = []) => run<Row>(text, params),
          lock: async () => {},
          transaction: (nested) => nested(inside),
          close: async () => {},
        };
        try {
          db.exec('BEGIN IMMEDIATE');
          const result = await work(inside);
          db.exec('COMMIT');
          return result;
        } catch (error) {
          if (db.isTransaction) db.exec('ROLLBACK');
          throw error;
        } finally {
          open = null;
          finish();
        }
      }),
    close: async () => {
      if (db.isOpen) db.close();
    },
  };
  return sql;
}
