import type { MoodVisibility } from '../../protocol/types/moods.js';
import type { MoodPosition, MoodRecord, MoodRepository, StoredMoodStreak } from '../store/mood-repository.js';
import type { PendingWrites } from './pending-writes.js';
import type { WriteOperation } from './write-operation.js';

/**
 * Moods and streaks as a read right after an acknowledgement sees them: a user's pending mood
 * operations (recorded, changed, deleted, the streak saved) laid over what the store holds. Every
 * read names the author, whose state holds their pending operations.
 */
export interface FreshMoodReads {
  /** The mood `id` of `userId`, a tombstone included (null when there is none, or it is another user's). */
  get(id: string, userId: string): Promise<MoodRecord | null>;
  /** {@link get} for many moods at once (one store read, one read of each author's pending writes), by id. */
  getMany(refs: readonly { readonly id: string; readonly userId: string }[]): Promise<Map<string, MoodRecord>>;
  /** Like {@link MoodRepository.history}. */
  history(userId: string, visibilities: readonly MoodVisibility[], before: MoodPosition | null, limit: number): Promise<MoodRecord[]>;
  /** Like {@link MoodRepository.since}. */
  since(userId: string, from: number): Promise<MoodRecord[]>;
  /** Like {@link MoodRepository.latest}. */
  latest(userIds: readonly string[], visibilities: readonly MoodVisibility[]): Promise<Map<string, MoodRecord>>;
  /** Each user's streak after their last saved or pending save (users with neither are left out). */
  streaks(userIds: readonly string[]): Promise<Map<string, StoredMoodStreak>>;
  /** What a record needs of its author, with one read of their pending writes: the mood `id` (as {@link get}) and their streak. */
  recordState(id: string, userId: string): Promise<{ readonly mood: MoodRecord | null; readonly streak: StoredMoodStreak | null }>;
}

const newestFirst = (a: MoodRecord, b: MoodRecord) => b.recordedAt - a.recordedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
const isBefore = (m: MoodRecord, position: MoodPosition | null) =>
  position === null || m.recordedAt < position.recordedAt || (m.recordedAt === position.recordedAt && m.id < position.id);

/**
 * `stored` (moods of one user) with the user's pending operations applied in order, as the store
 * will apply them: a record never overwrites, a change touches a live mood only, a deletion leaves
 * a tombstone.
 */
export function foldMoods(stored: readonly MoodRecord[], pending: readonly WriteOperation[]): Map<string, MoodRecord> {
  const moods = new Map(stored.map((m) => [m.id, m]));
  for (const op of pending) {
    switch (op.type) {
      case 'mood.create':
        if (!moods.has(op.mood.id)) moods.set(op.mood.id, op.mood);
        break;
      case 'mood.update': {
        const m = moods.get(op.moodId);
        // A change older than the one the store already holds is not laid over it again.
        if (m && m.userId === op.userId && m.deletedAt === null && (m.updatedAt === null || m.updatedAt <= op.at)) moods.set(m.id, { ...m, ...op.changes, updatedAt: op.at });
        break;
      }
      case 'mood.delete': {
        const m = moods.get(op.moodId);
        if (m && m.userId === op.userId && m.deletedAt === null) moods.set(m.id, { ...m, deletedAt: op.at, note: null, tags: [] });
        break;
      }
      default:
        break;
    }
  }
  return moods;
}

/** The moods a user's pending operations touch: records, and the moods they change or delete. */
function touched(pending: readonly WriteOperation[]): Set<string> {
  const ids = new Set<string>();
  for (const op of pending) {
    if (op.type === 'mood.create') ids.add(op.mood.id);
    else if (op.type === 'mood.update' || op.type === 'mood.delete') ids.add(op.moodId);
  }
  return ids;
}

/** {@link FreshMoodReads} over a store's moods and the pending writes. */
export class FreshMoods implements FreshMoodReads {
  constructor(
    private readonly store: MoodRepository,
    private readonly pending: PendingWrites,
  ) {}

  async get(id: string, userId: string): Promise<MoodRecord | null> {
    const [stored, pending] = await Promise.all([this.store.get(id), this.pending.ownedOperations(userId, 'moods')]);
    return moodOf(id, userId, stored, pending);
  }

  async getMany(refs: readonly { readonly id: string; readonly userId: string }[]): Promise<Map<string, MoodRecord>> {
    const authors = [...new Set(refs.map((r) => r.userId))];
    const [stored, pending] = await Promise.all([
      this.store.getMany(refs.map((r) => r.id)),
      Promise.all(authors.map(async (userId) => [userId, await this.pending.ownedOperations(userId, 'moods')] as const)),
    ]);
    const storedById = new Map(stored.map((m) => [m.id, m]));
    const pendingOf = new Map(pending);
    const found = new Map<string, MoodRecord>();
    for (const { id, userId } of refs) {
      const mood = moodOf(id, userId, storedById.get(id) ?? null, pendingOf.get(userId) ?? []);
      if (mood) found.set(id, mood);
    }
    return found;
  }

  async recordState(id: string, userId: string): Promise<{ readonly mood: MoodRecord | null; readonly streak: StoredMoodStreak | null }> {
    const [stored, streaks, pending] = await Promise.all([this.store.get(id), this.store.streaks([userId]), this.pending.ownedOperations(userId, 'moods')]);
    return { mood: moodOf(id, userId, stored, pending), streak: lastStreakSave(pending) ?? streaks.get(userId) ?? null };
  }

  async history(userId: string, visibilities: readonly MoodVisibility[], before: MoodPosition | null, limit: number): Promise<MoodRecord[]> {
    const pending = await this.pending.ownedOperations(userId, 'moods');
    if (pending.length === 0) return this.store.history(userId, visibilities, before, limit);
    const ids = touched(pending);
    // A pending change may take a stored mood out of this page (or bring one in): read the stored
    // versions of every touched mood, and enough of the page to fill it without them.
    const [page, changed] = await Promise.all([
      this.store.history(userId, ['private', 'friends', 'public'], before, limit + ids.size),
      Promise.all([...ids].map((id) => this.store.get(id))),
    ]);
    const stored = [...page, ...changed.filter((m): m is MoodRecord => m !== null && m.userId === userId)];
    return [...foldMoods(stored, pending).values()]
      .filter((m) => m.deletedAt === null && visibilities.includes(m.visibility) && isBefore(m, before))
      .sort(newestFirst)
      .slice(0, limit);
  }

  async since(userId: string, from: number): Promise<MoodRecord[]> {
    const [stored, pending] = await Promise.all([this.store.since(userId, from), this.pending.ownedOperations(userId, 'moods')]);
    if (pending.length === 0) return stored;
    const changed = await Promise.all([...touched(pending)].map((id) => this.store.get(id)));
    const all = [...stored, ...changed.filter((m): m is MoodRecord => m !== null && m.userId === userId)];
    return [...foldMoods(all, pending).values()].filter((m) => m.deletedAt === null && m.recordedAt > from).sort((a, b) => -newestFirst(a, b));
  }

  async latest(userIds: readonly string[], visibilities: readonly MoodVisibility[]): Promise<Map<string, MoodRecord>> {
    const found = new Map<string, MoodRecord>();
    await Promise.all(
      [...new Set(userIds)].map(async (userId) => {
        const [newest] = await this.history(userId, visibilities, null, 1);
        if (newest) found.set(userId, newest);
      }),
    );
    return found;
  }

  async streaks(userIds: readonly string[]): Promise<Map<string, StoredMoodStreak>> {
    const unique = [...new Set(userIds)];
    const [stored, pending] = await Promise.all([this.store.streaks(unique), Promise.all(unique.map((u) => this.pending.ownedOperations(u, 'moods')))]);
    unique.forEach((userId, i) => {
      const last = lastStreakSave(pending[i] ?? []);
      if (last) stored.set(userId, last);
    });
    return stored;
  }
}

/** The mood `id` of `userId`: its stored version (if theirs) with their pending operations laid over it. */
function moodOf(id: string, userId: string, stored: MoodRecord | null, pending: readonly WriteOperation[]): MoodRecord | null {
  return foldMoods(stored && stored.userId === userId ? [stored] : [], pending).get(id) ?? null;
}

/** The streak of a user's last pending save: saves are pending in the order they were made, so the last is the newest state. */
function lastStreakSave(pending: readonly WriteOperation[]): StoredMoodStreak | null {
  for (let i = pending.length - 1; i >= 0; i--) {
    const op = pending[i];
    if (op?.type === 'mood.streak') return op.streak;
  }
  return null;
}
