/** Counts this node's open sockets per user, to cap them. */
export class ConnectionCounter {
  private readonly counts = new Map<string, number>();

  constructor(private readonly maxPerUser: number) {}

  /** Takes a slot for `userId`; false when the user is at the cap. */
  tryAcquire(userId: string): boolean {
    const n = this.counts.get(userId) ?? 0;
    if (n >= this.maxPerUser) return false;
    this.counts.set(userId, n + 1);
    return true;
  }

  /** Sockets `userId` holds on this node now. */
  count(userId: string): number {
    return this.counts.get(userId) ?? 0;
  }

  /** Gives a slot back. */
  release(userId: string): void {
    const n = (this.counts.get(userId) ?? 0) - 1;
    if (n <= 0) this.counts.delete(userId);
    else this.counts.set(userId, n);
  }
}
