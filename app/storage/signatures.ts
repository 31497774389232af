/**
 * The record of what the backend signed: before it signs an offer for a purchase it claims (shop, purchase, offer)
 * and the purchase's next step in one statement, which the table's two unique keys make atomic on any number of
 * instances. A claim that finds the offer signed is a replay; one that finds every step taken is over the limit.
 * Nothing live is ever removed: `purge` deletes only rows past `expires_at`, which outlasts both the input token and
 * the changeset. When the database cannot be reached the claim throws, and the backend signs nothing.
 */
import { recordOfferEvent, utcDay } from './funnel.ts';
import type { Sql } from './sql.ts';

export type SignVerdict = 'ok' | 'replayed' | 'step_limit';

export interface SignatureClaim {
  shop: string;
  referenceId: string;
  offerId: string;
  /** What the signed change adds, in minor units of `currency`: the funnel's revenue when it is applied. */
  amountCents: number;
  currency: string;
  /** Milliseconds since the epoch. */
  now: number;
  /** Until when the claim must hold: past the input token's age limit and the changeset's lifetime. */
  expiresAt: number;
  maxSteps: number;
}

/** A row for the purchase's next step, unless this offer or the last step is taken: the claim itself. */
const CLAIM = `INSERT INTO encore_signatures (shop, reference_id, offer_id, step, amount_cents, currency, signed_at, expires_at)
       SELECT $1, $2, $3, COALESCE(MAX(step), 0) + 1, $4, $5, $6, $7
         FROM encore_signatures WHERE shop = $1 AND reference_id = $2
       HAVING COALESCE(MAX(step), 0) < $8
       ON CONFLICT DO NOTHING
       RETURNING step`;

/**
 * PostgreSQL takes the claim and the funnel's accepted event in one statement (a data-modifying WITH): one round
 * trip and one commit where there were two. SQLite has no such statement; its two are local calls.
 */
const CLAIM_AND_ACCEPT = `WITH claimed AS (${CLAIM}),
       accepted AS (
         INSERT INTO encore_offer_events (shop, reference_id, offer_id, event, day, amount_cents, currency, at)
         SELECT $1, $2, $3, 'accepted', $9, $4, $5, $6 FROM claimed
         ON CONFLICT DO NOTHING
       )
       SELECT step FROM claimed`;

/**
 * Claims the offer's signature for the purchase and, once it holds, records the funnel's accepted event with the
 * signed amount (app/storage/funnel.ts).
 */
export async function claimSignature(sql: Sql, claim: SignatureClaim): Promise<SignVerdict> {
  const params = [claim.shop, claim.referenceId, claim.offerId, claim.amountCents, claim.currency, claim.now, claim.expiresAt, claim.maxSteps];
  // Two offers of one purchase signed at once may both aim at the same next step: one wins, the other tries again.
  for (let attempt = 0; attempt <= claim.maxSteps; attempt++) {
    const claimed =
      sql.kind === 'postgres'
        ? await sql.query<{ step: number }>(CLAIM_AND_ACCEPT, [...params, utcDay(claim.now)])
        : await sql.query<{ step: number }>(CLAIM, params);
    if (claimed.length > 0) {
      if (sql.kind !== 'postgres') {
        const { shop, referenceId, offerId, amountCents, currency } = claim;
        await recordOfferEvent(sql, { shop, referenceId, offerId, event: 'accepted', amountCents, currency, at: claim.now });
      }
      return 'ok';
    }
    const [seen] = await sql.query<{ signed: number | null; steps: number }>(
      `SELECT MAX(CASE WHEN offer_id = $3 THEN 1 ELSE 0 END) AS signed, CAST(COUNT(*) AS integer) AS steps
         FROM encore_signatures WHERE shop = $1 AND reference_id = $2`,
      [claim.shop, claim.referenceId, claim.offerId],
    );
    if (Number(seen?.signed) === 1) return 'replayed';
    if ((seen?.steps ?? 0) >= claim.maxSteps) return 'step_limit';
  }
  // Only a steady stream of other claims on the same purchase gets here; refusing is the safe answer.
  return 'step_limit';
}

/** The signed change's amount while its row lives: what an applied offer added. */
export async function signedAmount(sql: Sql, shop: string, referenceId: string, offerId: string): Promise<{ amountCents: number; currency: string } | null> {
  const [row] = await sql.query<{ amount_cents: string | number; currency: string }>(
    'SELECT amount_cents, currency FROM encore_signatures WHERE shop = $1 AND reference_id = $2 AND offer_id = $3',
    [shop, referenceId, offerId],
  );
  return row ? { amountCents: Number(row.amount_cents), currency: row.currency } : null;
}

/** Deletes up to `limit` rows whose time is past; returns how many went. */
export async function purgeSignatures(sql: Sql, now: number, limit = 10_000): Promise<number> {
  const rows = await sql.query(
    `DELETE FROM encore_signatures WHERE (shop, reference_id, offer_id) IN
       (SELECT shop, reference_id, offer_id FROM encore_signatures WHERE expires_at <= $1 LIMIT $2)
     RETURNING 1`,
    [now, limit],
  );
  return rows.length;
}
