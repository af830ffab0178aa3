/** A set that remembers the last `capacity` ids added, forgetting the oldest first. */
export class SeenIds {
  private readonly ids = new Set<string>();

  constructor(private readonly capacity: number) {}

  /** Adds `id`; returns false when it was already there. */
  add(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.capacity) {
      const oldest = this.ids.values().next();
      if (!oldest.done) this.ids.delete(oldest.value);
    }
    return true;
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }
}
