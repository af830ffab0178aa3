import type { FriendMoods, MoodEntry, MoodStreakView } from '../../../protocol/types/moods.js';
import type { MoodFriendHiddenEvent, MoodFriendRemovedEvent, MoodFriendUpdateEvent } from '../../../protocol/server-events.js';

/** A friend's moods as this client holds them: the latest you may see, the streak, and the server time of what was last heard. */
export interface FriendMoodState {
  readonly userId: string;
  readonly latest: MoodEntry | null;
  readonly streak: MoodStreakView;
  readonly at: number;
}

const NO_STREAK: MoodStreakView = { current: 0, longest: 0, lastDate: null };

/** What a `mood:friends` snapshot changed on the board. */
export interface SnapshotChanges {
  /** Friends whose latest mood arrived or changed with it. */
  readonly updated: readonly FriendMoodState[];
  /** Friends no longer shown. */
  readonly hidden: readonly string[];
}

/**
 * The friends' moods one client holds, from snapshots and live events. Each friend keeps the
 * server time of what was last heard of them, so a snapshot never undoes a newer event that came
 * before its answer. `onChange` gets a fresh immutable copy after every change.
 */
export class FriendMoodBoard {
  private readonly friends = new Map<string, FriendMoodState>();
  /** The copy handed out until the next change (the same object: `useSyncExternalStore` needs that). */
  private copy: ReadonlyMap<string, FriendMoodState> | null = null;

  constructor(private readonly onChange: (board: ReadonlyMap<string, FriendMoodState>) => void) {}

  /** An immutable copy of the board: the same object until the board changes. */
  snapshot(): ReadonlyMap<string, FriendMoodState> {
    this.copy ??= new Map(this.friends);
    return this.copy;
  }

  /** What this client holds of one friend. */
  get(userId: string): FriendMoodState | undefined {
    return this.friends.get(userId);
  }

  /** A `mood:friends` answer: it is the truth as of its `at`, except for what was heard since. */
  snapshotArrived(result: FriendMoods): SnapshotChanges {
    const updated: FriendMoodState[] = [];
    const hidden: string[] = [];
    const listed = new Set(result.friends.map((f) => f.userId));
    for (const [userId, known] of this.friends) {
      if (!listed.has(userId) && known.at <= result.at) {
        this.friends.delete(userId);
        hidden.push(userId);
      }
    }
    for (const friend of result.friends) {
      const known = this.friends.get(friend.userId);
      if (known && known.at > result.at) continue;
      const state: FriendMoodState = { ...friend, at: result.at };
      this.friends.set(friend.userId, state);
      if (!known || known.latest?.id !== friend.latest?.id || known.latest?.updatedAt !== friend.latest?.updatedAt) updated.push(state);
    }
    this.changed();
    return { updated, hidden };
  }

  /** A live `mood:friend-update`; false when it is older than what was heard. */
  updated(event: MoodFriendUpdateEvent): boolean {
    const known = this.friends.get(event.userId);
    if (known && known.at > event.at) return false;
    // A change to an older mood leaves the latest in place.
    const older = known?.latest && known.latest.id !== event.entry.id && known.latest.recordedAt > event.entry.recordedAt;
    this.friends.set(event.userId, {
      userId: event.userId,
      latest: older ? (known?.latest ?? null) : event.entry,
      streak: event.streak ?? known?.streak ?? NO_STREAK,
      at: event.at,
    });
    this.changed();
    return true;
  }

  /** A live `mood:friend-removed`: true when it was the friend's latest, which then needs reading again. */
  removed(event: MoodFriendRemovedEvent): boolean {
    const known = this.friends.get(event.userId);
    if (!known || known.at > event.at) return false;
    const wasLatest = known.latest?.id === event.moodId;
    this.friends.set(event.userId, { ...known, latest: wasLatest ? null : known.latest, streak: event.streak ?? known.streak, at: event.at });
    this.changed();
    return wasLatest;
  }

  /** The friend's latest mood, read again after their latest went; kept only if nothing newer came meanwhile. */
  refilled(userId: string, entry: MoodEntry): boolean {
    const known = this.friends.get(userId);
    if (!known || known.latest !== null) return false;
    this.friends.set(userId, { ...known, latest: entry });
    this.changed();
    return true;
  }

  /** A live `mood:friend-hidden`: the friend is forgotten. */
  hidden(event: MoodFriendHiddenEvent): boolean {
    const known = this.friends.get(event.userId);
    if (known && known.at > event.at) return false;
    this.friends.delete(event.userId);
    this.changed();
    return true;
  }

  private changed(): void {
    this.copy = null;
    this.onChange(this.snapshot());
  }
}
