// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS } from '../../app/storage/migrations.ts';
import { claimSignature, purgeSignatures, signedAmount, type SignatureClaim } from '../../app/storage/signatures.ts';
import type { Sql } from '../../app/storage/sql.ts';
import { databaseTarget } from '../../app/node/database.ts';
import { TEST_DATABASES } from './databases.ts';

const NOW = Date.UTC(2026, 11, 7, 12);
const HOUR = 3_600_000;
const claim = (over: Partial<SignatureClaim> = {}): SignatureClaim => ({
  shop: 'candle-co.myshopify.com',
  referenceId: 'purchase-1',
  offerId: 'snuffer',
  amountCents: 1800,
  currency: 'USD',
  now: NOW,
  expiresAt: NOW + HOUR + 5 * 60_000,
  maxSteps: 3,
  ...over,
});

describe.each(TEST_DATABASES)('storage on the $name database', (database) => {
  let sql: Sql;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const opened = await database.open();
    [sql] = opened.handles as [Sql];
    close = opened.close;
    await migrate(sql);
  }, 60_000);
  afterAll(() => close?.());

  it('migrates once: a second start runs no step and the tables are there', async () => {
    expect(await migrate(sql)).toEqual([]);
    const versions = await sql.query<{ version: number; name: string }>('SELECT version, name FROM encore_migrations ORDER BY version');
    expect(versions).toEqual(MIGRATIONS.map(({ version, name }) => ({ version, name })));
    for (const table of ['encore_shops', 'encore_offer_configs', 'encore_signatures', 'encore_offer_events']) {
      expect(await sql.query(`SELECT CAST(COUNT(*) AS integer) AS n FROM ${table} WHERE 1 = 0`), table).toEqual([{ n: 0 }]);
    }
  });

  it('signs an offer once per purchase: the second claim is a replay, whatever its amount', async () => {
    expect(await claimSignature(sql, claim())).toBe('ok');
    expect(await claimSignature(sql, claim())).toBe('replayed');
    expect(await claimSignature(sql, claim({ amountCents: 1, now: NOW + 1000 }))).toBe('replayed');
    expect(await signedAmount(sql, 'candle-co.myshopify.com', 'purchase-1', 'snuffer')).toEqual({ amountCents: 1800, currency: 'USD' });
  });

  it("records the funnel's accepted event with the claim, once, with the amount it was signed for", async () => {
    const purchase = { referenceId: 'purchase-accepted' };
    expect(await claimSignature(sql, claim(purchase))).toBe('ok');
    expect(await claimSignature(sql, claim({ ...purchase, amountCents: 1 }))).toBe('replayed');
    const events = await sql.query<{ event: string; day: string; amount_cents: string | number; currency: string }>(
      'SELECT event, day, amount_cents, currency FROM encore_offer_events WHERE reference_id = $1',
      ['purchase-accepted'],
    );
    expect(events.map((row) => ({ ...row, amount_cents: Number(row.amount_cents) }))).toEqual([
      { event: 'accepted', day: new Date(NOW).toISOString().slice(0, 10), amount_cents: 1800, currency: 'USD' },
    ]);
  });

  it('allows each purchase its steps, then refuses any further offer', async () => {
    const purchase = { referenceId: 'purchase-2' };
    expect(await claimSignature(sql, claim({ ...purchase, offerId: 'a' }))).toBe('ok');
    expect(await claimSignature(sql, claim({ ...purchase, offerId: 'b' }))).toBe('ok');
    expect(await claimSignature(sql, claim({ ...purchase, offerId: 'c' }))).toBe('ok');
    expect(await claimSignature(sql, claim({ ...purchase, offerId: 'd' }))).toBe('step_limit');
    // An offer already signed is still named a replay, not a step past the limit.
    expect(await claimSignature(sql, claim({ ...purchase, offerId: 'b' }))).toBe('replayed');
    const steps = await sql.query<{ offer_id: string; step: number }>('SELECT offer_id, step FROM encore_signatures WHERE reference_id = $1 ORDER BY step', [
      'purchase-2',
    ]);
    expect(steps).toEqual([
      { offer_id: 'a', step: 1 },
      { offer_id: 'b', step: 2 },
      { offer_id: 'c', step: 3 },
    ]);
  });

  it('keeps shops apart: the same purchase id in another shop is another purchase', async () => {
    expect(await claimSignature(sql, claim({ referenceId: 'purchase-3' }))).toBe('ok');
    expect(await claimSignature(sql, claim({ referenceId: 'purchase-3', shop: 'other-shop.myshopify.com' }))).toBe('ok');
    expect(await signedAmount(sql, 'third-shop.myshopify.com', 'purchase-3', 'snuffer')).toBeNull();
  });

  it('signs exactly once when 40 claims for one offer and 40 for others of the same purchase arrive together', async () => {
    const purchase = { referenceId: 'purchase-burst' };
    const verdicts = await Promise.all([
      ...Array.from({ length: 40 }, () => claimSignature(sql, claim(purchase))),
      ...Array.from({ length: 40 }, (_, i) => claimSignature(sql, claim({ ...purchase, offerId: `other-${i % 4}` }))),
    ]);
    const same = verdicts.slice(0, 40);
    expect(same.filter((verdict) => verdict === 'ok')).toHaveLength(1);
    expect(same.filter((verdict) => verdict === 'ok' || verdict === 'replayed')).toHaveLength(40);
    const [{ count }] = await sql.query<{ count: number }>('SELECT CAST(COUNT(*) AS integer) AS count FROM encore_signatures WHERE reference_id = $1', [
      'purchase-burst',
    ]);
    // Three steps at most, whatever the race: the snuffer's own and two of the others, or three of the others.
    expect(count).toBe(3);
  });

  it('purges only what has expired; a live claim stays and still refuses its replay', async () => {
    const live = claim({ referenceId: 'purchase-live', expiresAt: NOW + HOUR });
    const old = claim({ referenceId: 'purchase-old', expiresAt: NOW - 1 });
    expect(await claimSignature(sql, live)).toBe('ok');
    expect(await claimSignature(sql, old)).toBe('ok');
    expect(await purgeSignatures(sql, NOW)).toBe(1);
    expect(await claimSignature(sql, live)).toBe('replayed');
    expect(await signedAmount(sql, live.shop, 'purchase-old', live.offerId)).toBeNull();
  });
});

describe.each(TEST_DATABASES.filter((database) => database.name === 'PostgreSQL'))('two instances on one $name server', (database) => {
  it('migrate together without a clash, and a purchase signed by one is refused by the other', async () => {
    const { handles, close } = await database.open(2);
    try {
      const [one, two] = handles as [Sql, Sql];
      const ran = await Promise.all([migrate(one), migrate(two)]);
      expect(ran.flat().sort()).toEqual(MIGRATIONS.map((migration) => migration.version));
      const burst = await Promise.all(Array.from({ length: 30 }, (_, i) => claimSignature(i % 2 ? one : two, claim({ referenceId: 'purchase-shared' }))));
      expect(burst.filter((verdict) => verdict === 'ok')).toHaveLength(1);
      expect(await claimSignature(one, claim({ referenceId: 'purchase-shared' }))).toBe('replayed');
      expect(await claimSignature(two, claim({ referenceId: 'purchase-shared' }))).toBe('replayed');
    } finally {
      await close();
    }
  }, 60_000);
});

describe('DATABASE_URL', () => {
  it('unset or blank is the embedded database in memory; file: keeps it in a file; postgres:// is a server', () => {
    expect(databaseTarget(undefined)).toEqual({ kind: 'embedded', file: null });
    expect(databaseTarget('  ')).toEqual({ kind: 'embedded', file: null });
    expect(databaseTarget('file:./data/encore.db')).toEqual({ kind: 'embedded', file: './data/encore.db' });
    expect(databaseTarget('postgres://u:p@db:5432/encore')).toEqual({ kind: 'postgres', url: 'postgres://u:p@db:5432/encore' });
    expect(databaseTarget('postgresql://db/encore')).toEqual({ kind: 'postgres', url: 'postgresql://db/encore' });
  });

  it('names what it cannot use without showing the rest of the value (it may hold a password)', () => {
    expect(() => databaseTarget('mysql://root:hunter2@db/encore')).toThrow(
      'DATABASE_URL: mysql: is not a database Encore can use; use postgres://USER:PASSWORD@HOST:PORT/DB, file:PATH, or leave it unset',
    );
    expect(() => databaseTarget('hunter2')).toThrow('DATABASE_URL: a value without a scheme is not a database Encore can use');
    expect(() => databaseTarget('file:')).toThrow('DATABASE_URL=file: names no file');
  });
});
