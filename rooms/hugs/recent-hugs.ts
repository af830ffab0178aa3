/** Who sent a hug to whom, and when. */
export interface HugParties {
  readonly from: string;
  readonly to: string;
  readonly sentAt: number;
}

/** Options of {@link RecentHugs}. */
export interface RecentHugsOptions {
  /** Most hugs remembered. */
  readonly capacity?: number;
  /** How long a hug is remembered: receipts come within seconds of a live delivery. */
  readonly maxAgeMs?: number;
  readonly now?: () => number;
}

/**
 * The parties (and send time) of the hugs this node sent most recently, so a receipt (`hug:ack`)
 * for a fresh hug needs no store read. Bounded in count and in age (five minutes by default): the
 * oldest entries are forgotten first, so a steady send rate holds a steady amount of memory rather
 * than filling up to the cap; a miss reads the store.
 */
export class RecentHugs {
  private readonly parties = new Map<string, HugParties & { readonly rememberedAt: number }>();
  private readonly capacity: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;

  constructor(options: RecentHugsOptions = {}) {
    this.capacity = options.capacity ?? 50_000;
    this.maxAgeMs = options.maxAgeMs ?? 5 * 60 * 1000;
    this.now = options.now ?? Date.now;
  }

  /** Hugs remembered now. */
  get size(): number {
    return this.parties.size;
  }

  remember(hugId: string, parties: HugParties): void {
    const at = this.now();
    this.parties.set(hugId, { ...parties, rememberedAt: at });
    // A Map iterates in insertion order: the oldest entries are at the front.
    for (const [id, entry] of this.parties) {
      if (this.parties.size <= this.capacity && at - entry.rememberedAt <= this.maxAgeMs) break;
      this.parties.delete(id);
    }
  }

  get(hugId: string): HugParties | undefined {
    return this.parties.get(hugId);
  }
}
