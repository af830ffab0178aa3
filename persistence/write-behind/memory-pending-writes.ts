import type { InboxRecord } from '../store/inbox-repository.js';
import { type HugDirection, type OwnedFamily, ownedOperationOrder, ownerOf, type PendingWrites, type SubjectRef, subjectOf } from './pending-writes.js';
import type { WriteOperation } from './write-operation.js';

interface Timed<T> {
  readonly value: T;
  readonly at: number;
}

/** {@link PendingWrites} in one process's memory (the embedded shape), swept of expired entries. */
export class MemoryPendingWrites implements PendingWrites {
  private readonly ops = new Map<string, Map<string, Timed<WriteOperation>>>();
  private readonly sent = new Map<string, Map<string, Timed<SubjectRef>>>();
  private readonly inbox = new Map<string, Map<number, Timed<InboxRecord>>>();
  /** By `family:owner`. */
  private readonly owned = new Map<string, Map<string, Timed<WriteOperation>>>();
  private readonly sweeper: ReturnType<typeof setInterval>;

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.sweeper = setInterval(() => this.sweep(), Math.min(60_000, ttlMs));
    this.sweeper.unref();
  }

  record(operations: readonly WriteOperation[]): Promise<void> {
    const at = this.now();
    for (const op of operations) {
      if (op.type === 'inbox.append') getOrAdd(this.inbox, op.entry.userId, () => new Map()).set(op.entry.cursor, { value: op.entry, at });
      const owned = ownerOf(op);
      if (owned !== null) getOrAdd(this.owned, `${owned.family}:${owned.owner}`, () => new Map()).set(op.id, { value: op, at });
      const subject = subjectOf(op);
      if (!subject) continue;
      getOrAdd(this.ops, `${subject.kind}:${subject.id}`, () => new Map()).set(op.id, { value: op, at });
      if (op.type === 'hug.create') {
        getOrAdd(this.sent, op.hug.from, () => new Map()).set(op.hug.id, { value: { id: op.hug.id, recipient: op.hug.to }, at });
      }
    }
    return Promise.resolve();
  }

  forget(operations: readonly WriteOperation[]): Promise<void> {
    for (const op of operations) {
      if (op.type === 'inbox.append') deleteIn(this.inbox, op.entry.userId, op.entry.cursor);
      const owned = ownerOf(op);
      if (owned !== null) deleteIn(this.owned, `${owned.family}:${owned.owner}`, op.id);
      const subject = subjectOf(op);
      if (!subject) continue;
      deleteIn(this.ops, `${subject.kind}:${subject.id}`, op.id);
      if (op.type === 'hug.create') {
        deleteIn(this.sent, op.hug.from, op.hug.id);
      }
    }
    return Promise.resolve();
  }

  hugOperations(refs: readonly SubjectRef[]): Promise<Map<string, WriteOperation[]>> {
    return Promise.resolve(this.operationsOf('hug', refs));
  }

  requestOperations(refs: readonly SubjectRef[]): Promise<Map<string, WriteOperation[]>> {
    return Promise.resolve(this.operationsOf('request', refs));
  }

  async newHugs(userId: string, direction: HugDirection): Promise<SubjectRef[]> {
    if (direction === 'received') return (await this.inboxAfter(userId, 0)).flatMap((e) => (e.type === 'hug' ? [{ id: e.ref, recipient: userId }] : []));
    const fresh = this.fresh();
    return [...(this.sent.get(userId)?.values() ?? [])].filter(fresh).map((t) => t.value);
  }

  inboxAfter(userId: string, after: number): Promise<InboxRecord[]> {
    const entries = [...(this.inbox.get(userId)?.values() ?? [])]
      .filter(this.fresh())
      .map((t) => t.value)
      .filter((e) => e.cursor > after);
    return Promise.resolve(entries.sort((a, b) => a.cursor - b.cursor));
  }

  ownedOperations(userId: string, family: OwnedFamily): Promise<WriteOperation[]> {
    const fresh = this.fresh();
    return Promise.resolve([...(this.owned.get(`${family}:${userId}`)?.values() ?? [])].filter(fresh).map((t) => t.value).sort(ownedOperationOrder));
  }

  close(): Promise<void> {
    clearInterval(this.sweeper);
    return Promise.resolve();
  }

  /** Drops entries older than the TTL (operations that were dead-lettered, never flushed). */
  sweep(): void {
    const oldest = this.now() - this.ttlMs;
    sweepNested(this.ops, oldest);
    sweepNested(this.inbox, oldest);
    sweepNested(this.sent, oldest);
    sweepNested(this.owned, oldest);
  }

  /** One process holds every user's state: the recipient does not matter here. */
  private operationsOf(kind: 'hug' | 'request', refs: readonly SubjectRef[]): Map<string, WriteOperation[]> {
    const found = new Map<string, WriteOperation[]>();
    const fresh = this.fresh();
    for (const { id } of refs) {
      const ops = [...(this.ops.get(`${kind}:${id}`)?.values() ?? [])].filter(fresh);
      if (ops.length > 0) found.set(id, ops.map((t) => t.value));
    }
    return found;
  }

  /** Entries past the TTL are invisible at once; the sweep frees them later. */
  private fresh(): (t: Timed<unknown>) => boolean {
    const oldest = this.now() - this.ttlMs;
    return (t) => t.at >= oldest;
  }
}

function getOrAdd<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

function deleteIn<K, I>(map: Map<K, Map<I, unknown>>, key: K, inner: I): void {
  const m = map.get(key);
  if (!m) return;
  m.delete(inner);
  if (m.size === 0) map.delete(key);
}

function sweepNested<K, I, T>(map: Map<K, Map<I, Timed<T>>>, oldest: number): void {
  for (const [key, inner] of map) {
    for (const [k, t] of inner) if (t.at < oldest) inner.delete(k);
    if (inner.size === 0) map.delete(key);
  }
}
