import { diffBetween, type GroupHugDiff, type GroupHugState } from '../../domain/group-hugs/group-hug.js';

/**
 * Sends a group hug's changes to its room at most once per `periodMs`, each time as one diff from
 * what was sent last, so a burst of 1,000 joins reaches each participant as a handful of messages
 * instead of one per batch: what a join costs the room stays bounded by time, not by the group's
 * size. The first change after a quiet period, and any change of phase (a countdown fixing
 * `startsAt`), go at once.
 */
export class StateBroadcaster {
  private latest: GroupHugState;
  private lastSentAt = Number.NEGATIVE_INFINITY;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private sent: GroupHugState,
    private readonly send: (diff: GroupHugDiff & { readonly fromVersion: number }) => void,
    private readonly periodMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.latest = sent;
  }

  /** The state changed (it is saved): tell the room now or at the end of the period. */
  changed(state: GroupHugState): void {
    this.latest = state;
    const now = this.now();
    if (state.phase !== this.sent.phase || now - this.lastSentAt >= this.periodMs) {
      this.flush();
      return;
    }
    this.timer ??= setTimeout(() => this.flush(), this.lastSentAt + this.periodMs - now);
  }

  /** Sends what is pending now. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.latest.version === this.sent.version) return;
    this.send(diffBetween(this.sent, this.latest));
    this.sent = this.latest;
    this.lastSentAt = this.now();
  }

  /** Drops what is pending (the actor was fenced off: its successor speaks for the group hug). */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
