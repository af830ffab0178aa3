import type { Logger } from 'pino';

/** What {@link watchLoopStalls} is given. */
export interface LoopStallOptions {
  /** How often the watch ticks. */
  readonly everyMs?: number;
  /** A tick this much late is a stall worth a warning. */
  readonly warnAfterMs?: number;
  readonly now?: () => number;
}

/**
 * Warns (`event: 'event-loop-stalled'`) when this process's event loop was held past `warnAfterMs`:
 * every socket of the node waited that long, so an operator reading "slow command" or a late
 * heartbeat wants to know whether the node itself stood still. One unref'd timer; returns its stop.
 */
export function watchLoopStalls(log: Logger, options: LoopStallOptions = {}): () => void {
  const everyMs = options.everyMs ?? 250;
  const warnAfterMs = options.warnAfterMs ?? 1000;
  const now = options.now ?? (() => performance.now());
  let expected = now() + everyMs;
  const timer = setInterval(() => {
    const at = now();
    const lateMs = at - expected;
    expected = at + everyMs;
    if (lateMs >= warnAfterMs) log.warn({ event: 'event-loop-stalled', ms: Math.round(lateMs) }, 'event loop stalled');
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
