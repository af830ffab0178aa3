/** Who sent a hug to whom, and when. */
export interface HugParties {
  readonly from: string;
  readonly to: string;
  readonly sentAt: number;
}

/**
 * The parties (and send time) of the hugs this node sent most recently, so a receipt (`hug:ack`) for a fresh hug
 * needs no store read. Bounded: the oldest entries are forgotten first; a miss reads the store.
 */
export class RecentHugs {
  private readonly parties = new Map<string, HugParties>();

  constructor(private readonly capacity = 50_000) {}

  remember(hugId: string, parties: HugParties): void {
    this.parties.set(hugId, parties);
    if (this.parties.size > this.capacity) {
      const oldest = this.parties.keys().next();
      if (!oldest.done) this.parties.delete(oldest.value);
    }
  }

  get(hugId: string): HugParties | undefined {
    return this.parties.get(hugId);
  }
}
