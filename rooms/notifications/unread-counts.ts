/**
 * Users' unread counts, read with at most one read per user in flight: a caller gets the result of
 * a read that started after it asked (so it reflects every write acknowledged before the call), and
 * callers that ask while a read runs share the next one. A burst of a user's notifications (each
 * announced with the count after it) costs two reads, not one per notification.
 */
export class UnreadCounts {
  private readonly flights = new Map<string, { readonly current: Promise<number>; next: Promise<number> | null }>();

  constructor(private readonly read: (userId: string) => Promise<number>) {}

  /** A count read after this call. */
  count(userId: string): Promise<number> {
    const flight = this.flights.get(userId);
    if (!flight) return this.launch(userId);
    flight.next ??= flight.current.then(
      () => this.launch(userId),
      () => this.launch(userId),
    );
    return flight.next;
  }

  private launch(userId: string): Promise<number> {
    const current = this.read(userId).finally(() => {
      if (this.flights.get(userId)?.current === current) this.flights.delete(userId);
    });
    this.flights.set(userId, { current, next: null });
    return current;
  }
}
