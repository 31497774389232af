/**
 * What went wrong, as the key of the message the buyer reads (locales/*.json `errors.*`). Every problem ends
 * the funnel with that message and a button on to the thank-you page: the order is already paid, so nothing
 * here may keep the buyer from it.
 */
import { BackendError } from './backend.ts';

/** `applyChangeset` / `calculateChangeset` error codes with a message of their own. */
const CHANGESET_CODES = new Set([
  'payment_required',
  'insufficient_inventory',
  'changeset_already_applied',
  'unsupported_payment_method',
  'invalid_request',
  'server_error',
  'buyer_consent_required',
  'order_released_error',
]);

/** Message key for a Shopify changeset error code (subscription_* share one message). */
export function changesetProblem(code: string | undefined): string {
  if (code && CHANGESET_CODES.has(code)) return `errors.${code}`;
  if (code?.startsWith('subscription_')) return 'errors.subscription';
  return 'errors.unknown';
}

/**
 * Message key for a failed backend call. The backend's codes are grouped by the status the contract gives
 * them, so a code added there later still reads sensibly here.
 */
export function backendProblem(error: unknown): string {
  if (!(error instanceof BackendError)) return 'errors.unknown';
  if (error.code === 'timeout' || error.code === 'unreachable' || error.code === 'bad_response') return 'errors.unreachable';
  // 429s differ in what the buyer can do about them: nothing, but the reason should be true.
  if (error.code === 'replayed') return 'errors.already_used';
  if (error.code === 'step_limit') return 'errors.step_limit';
  switch (error.status) {
    case 401:
      return 'errors.expired';
    case 404:
      return 'errors.offer_unavailable';
    case 422:
      return 'errors.choice_unavailable';
    case 429:
      return 'errors.too_many_attempts';
    default:
      return error.status !== null && error.status >= 500 ? 'errors.unreachable' : 'errors.unknown';
  }
}
