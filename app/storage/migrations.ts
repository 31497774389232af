/**
 * The schema, as numbered steps run once each, in order, at start. Several instances starting together take turns:
 * each step runs under a transaction-wide advisory lock, and a step already recorded is skipped. A step is never
 * edited once released; a change is a new step.
 *
 * Written in the SQL both databases share (app/storage/sql.ts): a JSON document is text, a day is its
 * YYYY-MM-DD text, times are milliseconds and money minor units, both `bigint`.
 */
import type { Sql } from './sql.ts';

export interface Migration {
  version: number;
  name: string;
  statements: readonly string[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'shops, offers, signatures, offer events',
    statements: [
      // One row per installed shop: its offline access token from token exchange, and the scopes granted.
      `CREATE TABLE encore_shops (
        shop text PRIMARY KEY,
        access_token text NOT NULL,
        scope text NOT NULL,
        installed_at bigint NOT NULL
      )`,
      // The shop's offer config, as app/offers.json has it, checked before it is stored. It outlives an uninstall
      // (a shop that comes back finds its offers) until shop/redact.
      `CREATE TABLE encore_offer_configs (
        shop text PRIMARY KEY,
        config text NOT NULL,
        updated_at bigint NOT NULL
      )`,
      // Each offer signed for a purchase, once: the first key refuses a replay, the second a step past the limit.
      // A row outlives the input token and the changeset it signed (expires_at); only then may it be deleted.
      `CREATE TABLE encore_signatures (
        shop text NOT NULL,
        reference_id text NOT NULL,
        offer_id text NOT NULL,
        step integer NOT NULL,
        amount_cents bigint NOT NULL,
        currency text NOT NULL,
        signed_at bigint NOT NULL,
        expires_at bigint NOT NULL,
        PRIMARY KEY (shop, reference_id, offer_id),
        UNIQUE (shop, reference_id, step)
      )`,
      'CREATE INDEX encore_signatures_expiry ON encore_signatures (expires_at)',
      // The funnel: each offer's shown, accepted, declined and applied, once per purchase each, on its UTC day;
      // accepted and applied carry what the signed change adds. Figures are counted from these rows.
      `CREATE TABLE encore_offer_events (
        shop text NOT NULL,
        reference_id text NOT NULL,
        offer_id text NOT NULL,
        event text NOT NULL,
        day text NOT NULL,
        amount_cents bigint NOT NULL,
        currency text NOT NULL,
        at bigint NOT NULL,
        PRIMARY KEY (shop, reference_id, offer_id, event)
      )`,
      'CREATE INDEX encore_offer_events_day ON encore_offer_events (shop, day)',
    ],
  },
  {
    version: 2,
    name: 'catalog versions',
    statements: [
      // Moved by the products, inventory and collections webhooks: every instance reads the shop's catalog again
      // once its version is not the one it kept answers for.
      'ALTER TABLE encore_shops ADD COLUMN catalog_version bigint NOT NULL DEFAULT 0',
    ],
  },
  {
    version: 3,
    name: 'expiring offline tokens',
    statements: [
      // An expiring offline token (an hour) and the refresh token that renews it (90 days); null for a token that
      // does not expire. One column a statement: SQLite adds no more at once.
      'ALTER TABLE encore_shops ADD COLUMN access_expires_at bigint',
      'ALTER TABLE encore_shops ADD COLUMN refresh_token text',
      'ALTER TABLE encore_shops ADD COLUMN refresh_expires_at bigint',
    ],
  },
];

/** Runs the steps this database has not had; returns the versions it ran. */
export async function migrate(sql: Sql, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const ran: number[] = [];
  for (const migration of migrations) {
    const applied = await sql.transaction(async (tx) => {
      // One instance at a time past this point; the lock ends with the transaction.
      await tx.lock('encore-migrations');
      await tx.query('CREATE TABLE IF NOT EXISTS encore_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at bigint NOT NULL)');
      const done = await tx.query('SELECT 1 FROM encore_migrations WHERE version = $1', [migration.version]);
      if (done.length > 0) return false;
      for (const statement of migration.statements) await tx.query(statement);
      await tx.query('INSERT INTO encore_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [migration.version, migration.name, Date.now()]);
      return true;
    });
    if (applied) ran.push(migration.version);
  }
  return ran;
}
