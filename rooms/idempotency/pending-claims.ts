import { CommandError } from '../../domain/command-error.js';

/**
 * How long an unfinished claim blocks retries of the same key. A command holds its claim for
 * milliseconds; a claim much older than that belongs to a command whose node died mid-way, and in
 * a cluster it outlives that node (it is in Redis), so this is short: after it, a retry runs afresh
 * and deterministic ids keep that harmless.
 */
export const PENDING_CLAIM_TTL_MS = 5000;

/** A claim younger than this is a concurrent duplicate, about to finish. */
const YOUNG_CLAIM_MS = 1000;

/**
 * `unavailable` for a command whose key another command holds: retry shortly if that command is
 * young, else when its claim expires (its node probably died).
 */
export function claimInProgress(message: string, claim: { readonly expiresInMs: number }): CommandError {
  const ageMs = PENDING_CLAIM_TTL_MS - claim.expiresInMs;
  const retryAfterMs = ageMs < YOUNG_CLAIM_MS ? 200 : Math.max(200, claim.expiresInMs);
  return new CommandError('unavailable', message, { reason: 'in_progress' }, retryAfterMs);
}
