import { CommandError } from '../../domain/command-error.js';
import type { ProtocolError } from '../../protocol/errors.js';

/** Sends one group hug's gathered taps to its owner; answers each user's verdict (`null` = counted). */
export type TapSender = (groupId: string, taps: [userId: string, intensity: number][]) => Promise<Record<string, ProtocolError | null>>;

interface Waiter {
  resolve(): void;
  reject(error: unknown): void;
}

interface Gathering {
  readonly taps: Map<string, { intensity: number; waiters: Waiter[] }>;
  readonly timer: ReturnType<typeof setTimeout>;
}

/**
 * Pre-aggregates squeezes on the node that received them: for `batchMs` per group hug it keeps one
 * number per user (their strongest tap), then forwards them in one message to the owner. A flood
 * of taps costs the owner one message per node per window. Each tap still gets its own answer.
 */
export class TapBatcher {
  private readonly open = new Map<string, Gathering>();

  constructor(
    private readonly batchMs: number,
    private readonly send: TapSender,
  ) {}

  /** Counts one tap; resolves when the owner counted it, rejects with its refusal. */
  add(groupId: string, userId: string, intensity: number): Promise<void> {
    let gathering = this.open.get(groupId);
    if (!gathering) {
      gathering = { taps: new Map(), timer: setTimeout(() => void this.flush(groupId), this.batchMs) };
      this.open.set(groupId, gathering);
    }
    let entry = gathering.taps.get(userId);
    if (!entry) {
      entry = { intensity, waiters: [] };
      gathering.taps.set(userId, entry);
    }
    entry.intensity = Math.max(entry.intensity, intensity);
    const waiters = entry.waiters;
    return new Promise<void>((resolve, reject) => waiters.push({ resolve, reject }));
  }

  /** Forwards every open window now (shutdown). */
  async flushAll(): Promise<void> {
    await Promise.all([...this.open.keys()].map((groupId) => this.flush(groupId)));
  }

  private async flush(groupId: string): Promise<void> {
    const gathering = this.open.get(groupId);
    if (!gathering) return;
    this.open.delete(groupId);
    clearTimeout(gathering.timer);
    const taps = [...gathering.taps].map(([userId, e]): [string, number] => [userId, e.intensity]);
    try {
      const verdicts = await this.send(groupId, taps);
      for (const [userId, entry] of gathering.taps) {
        const verdict = verdicts[userId];
        for (const w of entry.waiters) {
          if (verdict) w.reject(CommandError.fromProtocol(verdict));
          else w.resolve();
        }
      }
    } catch (error) {
      for (const entry of gathering.taps.values()) for (const w of entry.waiters) w.reject(error);
    }
  }
}
