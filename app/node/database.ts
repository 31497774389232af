/** Opening the database DATABASE_URL names, on Node. */
import { StorageError, type Sql } from '../storage/sql.ts';

export { StorageError };

/**
 * Where DATABASE_URL points: unset or empty is an embedded database in memory (lost at exit: right for the studio
 * and tests), `file:PATH` an embedded one kept in the file PATH, `postgres://` or `postgresql://` a server.
 */
export type DatabaseTarget = { kind: 'embedded'; file: string | null } | { kind: 'postgres'; url: string };

export function databaseTarget(value: string | undefined): DatabaseTarget {
  const url = value?.trim() ?? '';
  if (url === '') return { kind: 'embedded', file: null };
  if (url.startsWith('file:')) {
    const file = url.slice('file:'.length);
    if (file === '') throw new StorageError('DATABASE_URL=file: names no file; write file:./data/encore.db (the embedded database, made when missing)');
    return { kind: 'embedded', file };
  }
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: 'postgres', url };
  // Only the scheme is shown: the rest may hold a password.
  const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(url)?.[0] ?? 'a value without a scheme';
  throw new StorageError(`DATABASE_URL: ${scheme} is not a database Encore can use; use postgres://USER:PASSWORD@HOST:PORT/DB, file:PATH, or leave it unset`);
}

/** Opens the database DATABASE_URL names (see `databaseTarget`). */
export async function openDatabase(target: DatabaseTarget): Promise<Sql> {
  if (target.kind === 'postgres') return (await import('./postgres.ts')).openPostgres(target.url);
  return (await import('./embedded.ts')).openEmbedded(target.file);
}
