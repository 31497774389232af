/**
 * The databases the backend's storage tests run against: always the embedded one (SQLite, in memory), and a real
 * PostgreSQL server when ENCORE_TEST_DATABASE_URL names one (.ci/run starts one and sets it). Each opened database
 * on the server is a fresh schema of its own, dropped when it is closed, so test files never see each other's rows.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { openEmbedded } from '../../app/node/embedded.ts';
import { openPostgres } from '../../app/node/postgres.ts';
import type { Sql } from '../../app/storage/sql.ts';

export const POSTGRES_URL = process.env.ENCORE_TEST_DATABASE_URL?.trim() || null;
export const REDIS_URL = process.env.ENCORE_TEST_REDIS_URL?.trim() || null;

if (!POSTGRES_URL) console.warn('Skipping the PostgreSQL runs of the storage tests: ENCORE_TEST_DATABASE_URL is not set (.ci/run starts a server and sets it)');
if (!REDIS_URL) console.warn('Skipping the Redis runs of the rate-limit tests: ENCORE_TEST_REDIS_URL is not set (.ci/run starts a server and sets it)');

export interface TestDatabase {
  name: 'embedded' | 'PostgreSQL';
  /** A new, empty database; `connections` opens that many separate handles on it (instances sharing one server). */
  open(connections?: number): Promise<{ handles: Sql[]; url: string | null; close(): Promise<void> }>;
}

const embedded: TestDatabase = {
  name: 'embedded',
  async open(connections = 1) {
    if (connections !== 1) throw new Error('the embedded database lives in one process: one handle');
    const sql = openEmbedded(null);
    return { handles: [sql], url: null, close: () => sql.close() };
  },
};

const postgres = (url: string): TestDatabase => ({
  name: 'PostgreSQL',
  async open(connections = 1) {
    const schema = `encore_test_${randomUUID().replaceAll('-', '')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    const scoped = new URL(url);
    scoped.searchParams.set('options', `-c search_path=${schema}`);
    const handles = await Promise.all(Array.from({ length: connections }, () => openPostgres(scoped.href)));
    return {
      handles,
      // DATABASE_URL for a process of its own on the same schema.
      url: scoped.href,
      async close() {
        await Promise.all(handles.map((handle) => handle.close()));
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
        await admin.end();
      },
    };
  },
});

export const TEST_DATABASES: TestDatabase[] = [embedded, ...(POSTGRES_URL ? [postgres(POSTGRES_URL)] : [])];
