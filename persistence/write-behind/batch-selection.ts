/** A queued operation as the batch selector sees it. */
export interface QueuedItem {
  readonly seq: number;
  readonly key: string;
  /** Not before this time (epoch ms): set while the operation waits out a retry backoff. */
  readonly notBefore: number;
}

/**
 * Picks the next batch from `items` (in queue order): up to `max` items that are due, skipping
 * every item whose key has an earlier item not yet due, so one key's operations never overtake
 * each other. Returns the batch and, when nothing is due, the earliest time something will be.
 */
export function selectBatch<T extends QueuedItem>(items: readonly T[], now: number, max: number): { batch: T[]; nextDueAt: number | null } {
  const blocked = new Set<string>();
  const batch: T[] = [];
  let nextDueAt: number | null = null;
  for (const item of items) {
    if (batch.length >= max) break;
    if (blocked.has(item.key)) continue;
    if (item.notBefore > now) {
      blocked.add(item.key);
      nextDueAt = nextDueAt === null ? item.notBefore : Math.min(nextDueAt, item.notBefore);
      continue;
    }
    batch.push(item);
  }
  return { batch, nextDueAt: batch.length > 0 ? null : nextDueAt };
}

/** Exponential backoff for attempt `attempt` (1-based), capped. */
export function retryDelay(attempt: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
}
