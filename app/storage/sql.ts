/**
 * The backend's database, whichever it is: a PostgreSQL server, or the embedded one (SQLite in the process, no
 * server); app/node/database.ts opens the one DATABASE_URL names. Statements are written once, in the SQL both
 * understand: `$1` placeholders, `CAST(x AS integer)` rather than `::`, text for JSON and days, `bigint` for times
 * (milliseconds) and money (minor units). The tests run every statement on both.
 */

/** One query at a time; `transaction` runs `work` on one connection between BEGIN and COMMIT (ROLLBACK on a throw). */
export interface Sql {
  /** 'embedded' (SQLite) or 'postgres' (a server): for messages and the bench, never for choosing SQL. */
  readonly kind: 'embedded' | 'postgres';
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Row[]>;
  /**
   * Inside a transaction: waits until no other process holds the lock `name`, and holds it to the transaction's
   * end. The embedded database has one process and one connection, so there it has nothing to wait for.
   */
  lock(name: string): Promise<void>;
  transaction<T>(work: (sql: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A database that cannot be reached or answered with an error: the backend then refuses what needs it. */
export class StorageError extends Error {
  override name = 'StorageError';
}
