import type { PendingWrites } from './pending-writes.js';
import type { WriteOperation } from './write-operation.js';

/**
 * How long written operations stay pending: a receipt or read that comes within it finds its hug
 * among the pending writes (in its own command step) instead of asking the store.
 */
export const WRITTEN_STAYS_PENDING_MS = 1000;

/**
 * Forgets written operations `delayMs` after they were written, oldest first, with one timer: a
 * store batch costs the pending writes nothing until then. `flush()` forgets everything now.
 */
export class DelayedForget {
  private readonly due: { readonly at: number; readonly ops: readonly WriteOperation[] }[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly pending: PendingWrites,
    private readonly delayMs = WRITTEN_STAYS_PENDING_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Forgets `ops` (written now) once the delay has passed; resolves at once. */
  forget(ops: readonly WriteOperation[]): Promise<void> {
    if (ops.length === 0) return Promise.resolve();
    this.due.push({ at: this.now() + this.delayMs, ops });
    this.arm();
    return Promise.resolve();
  }

  /** Forgets everything written so far, now (shutdown). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const all = this.due.splice(0).flatMap((d) => d.ops);
    if (all.length > 0) await this.pending.forget(all);
  }

  private arm(): void {
    if (this.timer || this.due.length === 0) return;
    const first = this.due[0];
    this.timer = setTimeout(() => void this.forgetDue(), Math.max(0, (first?.at ?? 0) - this.now()));
    this.timer.unref();
  }

  private async forgetDue(): Promise<void> {
    this.timer = null;
    const now = this.now();
    let count = 0;
    while (count < this.due.length && (this.due[count]?.at ?? Infinity) <= now) count += 1;
    const ops = this.due.splice(0, count).flatMap((d) => d.ops);
    this.arm();
    if (ops.length > 0) await this.pending.forget(ops);
  }
}
