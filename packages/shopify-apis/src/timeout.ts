/**
 * What every network call of the extensions goes through: a call that fails, throws or takes longer
 * than its limit settles as a failure value instead of rejecting, so the UI can render its quiet
 * fallback and never waits on a skeleton that does not end.
 */

/** Shopify's guidance and Encore's rule: no call may hold the UI for more than 1.5 s. */
export const NETWORK_TIMEOUT_MS = 1500;

export type Settled<T> = { ok: true; value: T } | { ok: false; reason: 'timeout' | 'error'; error?: unknown };

/** `work()` settled within `ms`: its value, or why not. Never rejects. */
export function settleWithin<T>(work: () => Promise<T>, ms: number = NETWORK_TIMEOUT_MS): Promise<Settled<T>> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ ok: false, reason: 'timeout' }), ms);
    let pending: Promise<T>;
    try {
      pending = work();
    } catch (error) {
      clearTimeout(timer);
      resolve({ ok: false, reason: 'error', error });
      return;
    }
    pending.then(
      (value) => {
        clearTimeout(timer);
        resolve({ ok: true, value });
      },
      (error: unknown) => {
        clearTimeout(timer);
        resolve({ ok: false, reason: 'error', error });
      },
    );
  });
}
