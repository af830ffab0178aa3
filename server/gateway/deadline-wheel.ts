/**
 * Many deadlines on one timer, instead of a timer per item: an item fires within `tickMs` after
 * its deadline, never before it. Costs one set entry per item, and no timer at all while empty.
 */
export class DeadlineWheel<T> {
  private readonly slots = new Map<number, Set<T>>();
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly tickMs: number,
    private readonly fire: (item: T, now: number) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** Fires `item` once `at` has passed (epoch ms). */
  add(item: T, at: number): void {
    const slot = Math.ceil(at / this.tickMs);
    let items = this.slots.get(slot);
    if (!items) {
      items = new Set();
      this.slots.set(slot, items);
    }
    items.add(item);
    if (!this.timer) {
      this.timer = setInterval(() => this.tick(), this.tickMs);
      this.timer.unref();
    }
  }

  /** Cancels `item`, added for `at`. */
  delete(item: T, at: number): void {
    const slot = Math.ceil(at / this.tickMs);
    const items = this.slots.get(slot);
    if (!items) return;
    items.delete(item);
    if (items.size === 0) this.slots.delete(slot);
    this.stopIfEmpty();
  }

  /** Cancels everything. */
  clear(): void {
    this.slots.clear();
    this.stopIfEmpty();
  }

  private tick(): void {
    const now = this.now();
    const current = Math.floor(now / this.tickMs);
    // A late tick may find several slots due: fire them in deadline order.
    const due = [...this.slots.keys()].filter((slot) => slot <= current).sort((a, b) => a - b);
    for (const slot of due) {
      const items = this.slots.get(slot);
      this.slots.delete(slot);
      for (const item of items ?? []) this.fire(item, now);
    }
    this.stopIfEmpty();
  }

  private stopIfEmpty(): void {
    if (this.slots.size > 0 || !this.timer) return;
    clearInterval(this.timer);
    this.timer = null;
  }
}
