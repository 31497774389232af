/**
 * The post-purchase funnel a merchant acts on: for each offer, how often it was shown, accepted, declined and
 * applied, and what the applied ones added. Each event counts once per purchase (a reload that shows the offer
 * again is the same view); accepted and applied carry the amount of the change the backend signed.
 */
import type { Sql } from './sql.ts';

export type OfferEvent = 'shown' | 'accepted' | 'declined' | 'applied';
export const OFFER_EVENTS: readonly OfferEvent[] = ['shown', 'accepted', 'declined', 'applied'];

export interface OfferEventRecord {
  shop: string;
  referenceId: string;
  offerId: string;
  event: OfferEvent;
  /** Minor units of `currency`; 0 for shown and declined. */
  amountCents: number;
  currency: string;
  /** Milliseconds since the epoch; the figures' day is its UTC date. */
  at: number;
}

/** Records the event; false when this purchase already had it for this offer. */
export async function recordOfferEvent(sql: Sql, record: OfferEventRecord): Promise<boolean> {
  const rows = await sql.query(
    `INSERT INTO encore_offer_events (shop, reference_id, offer_id, event, day, amount_cents, currency, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING 1`,
    [record.shop, record.referenceId, record.offerId, record.event, utcDay(record.at), record.amountCents, record.currency, record.at],
  );
  return rows.length > 0;
}

export const utcDay = (at: number): string => new Date(at).toISOString().slice(0, 10);

export interface OfferDay {
  day: string;
  views: number;
  accepted: number;
  declined: number;
  applied: number;
  /** Accepted per view, 0 to 1; null on a day without views. */
  acceptanceRate: number | null;
  /** What the applied offers added, in minor units of `currency`. */
  revenueAddedCents: number;
  currency: string | null;
}

export interface OfferFigures {
  offerId: string;
  days: OfferDay[];
  total: Omit<OfferDay, 'day'>;
}

/** Per offer and UTC day from `from` to `to` (YYYY-MM-DD, both included), offers by id, days in order. */
export async function funnelFigures(sql: Sql, shop: string, from: string, to: string): Promise<OfferFigures[]> {
  const rows = await sql.query<{ offer_id: string; day: string; event: OfferEvent; n: number; cents: string | number | null; currency: string | null }>(
    `SELECT offer_id, day, event, CAST(COUNT(*) AS integer) AS n, SUM(amount_cents) AS cents, MAX(currency) AS currency
       FROM encore_offer_events WHERE shop = $1 AND day >= $2 AND day <= $3
      GROUP BY offer_id, day, event ORDER BY offer_id, day`,
    [shop, from, to],
  );
  const offers = new Map<string, Map<string, OfferDay>>();
  for (const row of rows) {
    const days = offers.get(row.offer_id) ?? new Map<string, OfferDay>();
    offers.set(row.offer_id, days);
    const day = days.get(row.day) ?? emptyDay(row.day);
    days.set(row.day, day);
    if (row.event === 'shown') day.views += row.n;
    if (row.event === 'accepted') day.accepted += row.n;
    if (row.event === 'declined') day.declined += row.n;
    if (row.event === 'applied') {
      day.applied += row.n;
      day.revenueAddedCents += Number(row.cents ?? 0);
      day.currency = row.currency;
    }
  }
  return [...offers].map(([offerId, days]) => {
    const list = [...days.values()].map(withRate);
    const sum = (key: 'views' | 'accepted' | 'declined' | 'applied' | 'revenueAddedCents') => list.reduce((total, day) => total + day[key], 0);
    const total = withRate({
      ...emptyDay(''),
      views: sum('views'),
      accepted: sum('accepted'),
      declined: sum('declined'),
      applied: sum('applied'),
      revenueAddedCents: sum('revenueAddedCents'),
      currency: list.find((day) => day.currency)?.currency ?? null,
    });
    const { day: _day, ...rest } = total;
    return { offerId, days: list, total: rest };
  });
}

const emptyDay = (day: string): OfferDay => ({
  day,
  views: 0,
  accepted: 0,
  declined: 0,
  applied: 0,
  acceptanceRate: null,
  revenueAddedCents: 0,
  currency: null,
});
const withRate = (day: OfferDay): OfferDay => ({ ...day, acceptanceRate: day.views > 0 ? day.accepted / day.views : null });
