import type { PushSlots, SlotNote } from './push-slots.js';

interface Slot {
  /** Noted push ids → their creation time. */
  readonly noted: Map<string, number>;
  /** The latest push that went out. */
  sent: { readonly createdAt: number; readonly id: string } | null;
  /** When the slot may be forgotten. */
  until: number;
}

/** Whether position a is at or after position b (creation time, then id). */
export const atOrAfter = (a: { readonly createdAt: number; readonly id: string }, b: { readonly createdAt: number; readonly id: string }) =>
  a.createdAt > b.createdAt || (a.createdAt === b.createdAt && a.id >= b.id);

/** {@link PushSlots} in one process's memory (the embedded shape). */
export class MemoryPushSlots implements PushSlots {
  private readonly slots = new Map<string, Slot>();

  constructor(private readonly now: () => number = Date.now) {}

  note(slot: string, id: string, createdAt: number, windowMs: number): Promise<SlotNote> {
    const s = this.slotOf(slot, windowMs);
    s.noted.set(id, createdAt);
    const oldest = Math.min(createdAt, this.now()) - windowMs;
    let count = 0;
    for (const [other, at] of s.noted) {
      if (at < oldest) s.noted.delete(other);
      else if (at >= createdAt - windowMs && at <= createdAt) count += 1;
    }
    return Promise.resolve({ count, superseded: s.sent !== null && atOrAfter(s.sent, { createdAt, id }) });
  }

  sent(slot: string, id: string, createdAt: number, windowMs: number): Promise<void> {
    const s = this.slotOf(slot, windowMs);
    if (s.sent === null || atOrAfter({ createdAt, id }, s.sent)) s.sent = { createdAt, id };
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.slots.clear();
    return Promise.resolve();
  }

  private slotOf(name: string, windowMs: number): Slot {
    const at = this.now();
    if (this.slots.size > 10_000) for (const [key, s] of this.slots) if (s.until < at) this.slots.delete(key);
    let s = this.slots.get(name);
    if (!s || s.until < at) {
      s = { noted: new Map(), sent: null, until: 0 };
      this.slots.set(name, s);
    }
    s.until = at + 2 * windowMs;
    return s;
  }
}
