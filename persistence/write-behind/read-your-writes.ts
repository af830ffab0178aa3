import type { HistoryPosition, HugRecord, HugRepository } from '../store/hug-repository.js';
import type { HugRequestRecord, HugRequestRepository } from '../store/hug-request-repository.js';
import type { InboxRecord, InboxRepository } from '../store/inbox-repository.js';
import { foldHug, foldHugRequest } from './pending-fold.js';
import type { PendingWrites, SubjectRef } from './pending-writes.js';

/** The store's repositories that {@link freshReads} lays the pending writes over. */
export interface StoredReads {
  readonly hugs: HugRepository;
  readonly hugRequests: HugRequestRepository;
  readonly inbox: InboxRepository;
}

/**
 * Hugs as a read right after an acknowledgement sees them. A read names the recipient the caller
 * expects (a hug's pending writes are kept with its recipient's state, see {@link SubjectRef}): a
 * hug addressed to someone else is found only once the store holds it, which callers refuse anyway.
 */
export interface FreshHugReads {
  get(id: string, recipient: string): Promise<HugRecord | null>;
  getMany(ids: readonly string[], recipient: string): Promise<HugRecord[]>;
  /** Like {@link HugRepository.history}. */
  history(userId: string, direction: 'sent' | 'received', before: HistoryPosition | null, limit: number): Promise<HugRecord[]>;
  /** Like {@link HugRepository.unread}: a hug read a moment ago is gone, one received a moment ago is there. */
  unread(userId: string, limit: number): Promise<HugRecord[]>;
}

/**
 * Hug requests as a read right after an acknowledgement sees them (recipient as for
 * {@link FreshHugReads}; `null` looks everywhere, to tell a request made to someone else from none).
 */
export interface FreshHugRequestReads {
  get(id: string, recipient: string | null): Promise<HugRequestRecord | null>;
  getMany(ids: readonly string[], recipient: string | null): Promise<HugRequestRecord[]>;
  /** Like {@link HugRequestRepository.pendingFor}, with requests made and answers given a moment ago. */
  pendingFor(userId: string, now: number, limit: number): Promise<HugRequestRecord[]>;
}

/** The reads that go through read-your-writes. */
export interface FreshReads {
  readonly hugs: FreshHugReads;
  readonly hugRequests: FreshHugRequestReads;
  readonly inbox: InboxRepository;
}

const refsOf = (ids: readonly string[], recipient: string | null): SubjectRef[] => ids.map((id) => ({ id, recipient }));

/** Newest first, as history pages are ordered. */
const newestFirst = (a: HugRecord, b: HugRecord) => b.sentAt - a.sentAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
const isBefore = (hug: HugRecord, position: HistoryPosition | null) =>
  position === null || hug.sentAt < position.sentAt || (hug.sentAt === position.sentAt && hug.id < position.id);

class FreshHugs implements FreshHugReads {
  constructor(
    private readonly store: HugRepository,
    private readonly pending: PendingWrites,
  ) {}

  async get(id: string, recipient: string): Promise<HugRecord | null> {
    return (await this.getMany([id], recipient))[0] ?? null;
  }

  getMany(ids: readonly string[], recipient: string): Promise<HugRecord[]> {
    return this.ofRefs(refsOf(ids, recipient));
  }

  async history(userId: string, direction: 'sent' | 'received', before: HistoryPosition | null, limit: number): Promise<HugRecord[]> {
    const fresh = await this.pending.newHugs(userId, direction);
    const stored = await this.store.history(userId, direction, before, limit);
    const refs = new Map<string, SubjectRef>(fresh.map((r) => [r.id, r]));
    for (const hug of stored) refs.set(hug.id, { id: hug.id, recipient: hug.to });
    const merged = (await this.ofRefs([...refs.values()])).filter((h) => isBefore(h, before));
    return merged.sort(newestFirst).slice(0, limit);
  }

  async unread(userId: string, limit: number): Promise<HugRecord[]> {
    const fresh = await this.pending.newHugs(userId, 'received');
    const stored = await this.store.unread(userId, limit);
    const refs = new Map<string, SubjectRef>(fresh.map((r) => [r.id, r]));
    for (const hug of stored) refs.set(hug.id, { id: hug.id, recipient: userId });
    // Folded with the pending reads: one read a moment ago drops out (so a page may come back short).
    const merged = (await this.ofRefs([...refs.values()])).filter((h) => h.readAt === null && h.to === userId);
    return merged.sort(newestFirst).slice(0, limit);
  }

  private async ofRefs(refs: readonly SubjectRef[]): Promise<HugRecord[]> {
    const ids = refs.map((r) => r.id);
    const pending = await this.pending.hugOperations(refs);
    const stored = await this.store.getMany(ids);
    const byId = new Map(stored.map((h) => [h.id, h]));
    return ids.flatMap((id) => {
      const hug = foldHug(byId.get(id) ?? null, pending.get(id) ?? []);
      return hug ? [hug] : [];
    });
  }
}

class FreshHugRequests implements FreshHugRequestReads {
  constructor(
    private readonly store: HugRequestRepository,
    private readonly pending: PendingWrites,
  ) {}

  async get(id: string, recipient: string | null): Promise<HugRequestRecord | null> {
    return (await this.getMany([id], recipient))[0] ?? null;
  }

  async pendingFor(userId: string, now: number, limit: number): Promise<HugRequestRecord[]> {
    // A request is recorded with its recipient's inbox entry: the pending entries name the fresh ones.
    const fresh = (await this.pending.inboxAfter(userId, 0)).flatMap((e) => (e.type === 'hug-request' ? [e.ref] : []));
    const stored = await this.store.pendingFor(userId, now, limit);
    const ids = [...new Set([...fresh, ...stored.map((r) => r.id)])];
    const merged = (await this.getMany(ids, userId)).filter((r) => r.to === userId && r.status === 'pending' && r.expiresAt > now);
    return merged.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)).slice(0, limit);
  }

  async getMany(ids: readonly string[], recipient: string | null): Promise<HugRequestRecord[]> {
    const pending = await this.pending.requestOperations(refsOf(ids, recipient));
    const stored = await this.store.getMany(ids);
    const byId = new Map(stored.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const request = foldHugRequest(byId.get(id) ?? null, pending.get(id) ?? []);
      return request ? [request] : [];
    });
  }
}

class FreshInbox implements InboxRepository {
  constructor(
    private readonly store: InboxRepository,
    private readonly pending: PendingWrites,
  ) {}

  async after(userId: string, after: number, limit: number): Promise<InboxRecord[]> {
    const fresh = await this.pending.inboxAfter(userId, after);
    const stored = await this.store.after(userId, after, limit);
    const byCursor = new Map<number, InboxRecord>();
    for (const entry of [...fresh, ...stored]) byCursor.set(entry.cursor, entry);
    return [...byCursor.values()].sort((a, b) => a.cursor - b.cursor).slice(0, limit);
  }

  async lastCursor(userId: string): Promise<number> {
    const fresh = await this.pending.inboxAfter(userId, 0);
    const stored = await this.store.lastCursor(userId);
    return Math.max(stored, ...fresh.map((e) => e.cursor));
  }
}

/**
 * Read-your-writes: the store's repositories with the acknowledged but unflushed writes of
 * {@link PendingWrites} laid over them, with the store's own semantics. A hug sent, read or
 * answered is visible to the very next read on any node, before the worker has flushed it.
 *
 * Every read takes the pending writes first and the store second, never both at once: a worker
 * forgets an operation only after the store committed it, so an operation missing from the pending
 * read is already in the store read that follows. (The other order can miss a write that is
 * committed and forgotten between the two reads.)
 */
export function freshReads(store: StoredReads, pending: PendingWrites): FreshReads {
  return {
    hugs: new FreshHugs(store.hugs, pending),
    hugRequests: new FreshHugRequests(store.hugRequests, pending),
    inbox: new FreshInbox(store.inbox, pending),
  };
}
