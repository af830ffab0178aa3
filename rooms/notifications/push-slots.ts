/** What {@link PushSlots.note} answers. */
export interface SlotNote {
  /** How many pushes of the slot were noted within the window ending at the noted one's creation (it included). */
  readonly count: number;
  /**
   * A push of the slot at or after the noted one (by creation time, then id) went out already: it
   * covered this one, or it was this one (a job run again after its push went out).
   */
  readonly superseded: boolean;
}

/**
 * The collapse slots of pushes: one per user and notification type. Pushes of one slot replace each
 * other on a device (the push's collapse key), so each push says how many it stands for ("3 new
 * hugs"), and one that a later push already covered is not sent. A memory implementation serves
 * one node, a Redis one the cluster's workers.
 *
 * Guarantees: `note` is atomic per slot (two workers noting at once both count each other, or one
 * counts the other), notes older than the window are forgotten, and a slot left alone expires.
 */
export interface PushSlots {
  /** Notes push `id` of `slot`, created at `createdAt`: counts the slot's pushes within `windowMs` before it. */
  note(slot: string, id: string, createdAt: number, windowMs: number): Promise<SlotNote>;
  /** Records that push `id` of `slot`, created at `createdAt`, went out. */
  sent(slot: string, id: string, createdAt: number, windowMs: number): Promise<void>;
  close(): Promise<void>;
}
