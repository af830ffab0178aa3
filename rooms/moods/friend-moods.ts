import { FRIEND_VISIBILITIES, friendsSeeMoods } from '../../domain/moods/mood-visibility.js';
import { NO_STREAK, streakAsOf } from '../../domain/moods/mood-streak.js';
import type { PrivacySettings } from '../../protocol/schemas/privacy.js';
import type { FriendMood, FriendMoods as FriendMoodsResult } from '../../protocol/types/moods.js';
import type { UserRepository } from '../../persistence/store/user-repository.js';
import type { FreshMoodReads } from '../../persistence/write-behind/fresh-mood-reads.js';
import { moodListenersRoom, moodRoom, userRoom } from '../room-names.js';
import type { RoomPort } from '../room-port.js';
import type { RelationshipChanges } from '../social/relationship-changes.js';
import { entryOf, streakView } from './mood-views.js';

/** What {@link FriendMoods} is built from. */
export interface FriendMoodsDeps {
  readonly moods: FreshMoodReads;
  readonly users: Pick<UserRepository, 'findByIds' | 'findById'>;
  readonly friendIds: (userId: string) => Promise<string[]>;
  readonly rooms: RoomPort;
  readonly now?: () => number;
}

/**
 * Friends' moods, live. `mood:friends` puts the connection in the mood room of every friend (and
 * in the caller's listeners room, so a new friend's room is joined for it), then reads the
 * snapshot: nothing recorded between the two is missed. A mood then reaches every listening
 * friend as one emit to its author's room, as presence does.
 *
 * Who hears what is decided when a mood is emitted (the author's privacy as it is then), so a
 * privacy change needs no leave; an unfriend or a block takes the connections out of the rooms.
 * Either way the listeners are told (`mood:friend-hidden`) to forget what they held.
 */
export class FriendMoods implements RelationshipChanges {
  private readonly now: () => number;

  constructor(private readonly deps: FriendMoodsDeps) {
    this.now = deps.now ?? Date.now;
  }

  /**
   * Puts connection `socketId` of `userId` in every friend's activity room (moods, feed items) and
   * in the user's listeners room (so a new friend's room is joined for it); returns the friends.
   */
  async listen(userId: string, socketId: string): Promise<string[]> {
    const friendIds = await this.deps.friendIds(userId);
    // Joined on every call, even by a connection listening already: a join resolves only once this
    // node hears the rooms, so a second call while the first's subscriptions are still on their way
    // (the SDK's listen and its first page, sent together) waits for them too, and a mood recorded
    // right after its answer is never missed. Rooms joined already cost nothing more.
    await this.deps.rooms.join(socketId, [moodListenersRoom(userId), ...friendIds.map(moodRoom)]);
    return friendIds;
  }

  /** `mood:friends` from connection `socketId` of `userId`. */
  async subscribe(userId: string, socketId: string): Promise<FriendMoodsResult> {
    // Join before reading, so no mood falls between the snapshot and the live events.
    const friendIds = await this.listen(userId, socketId);
    const users = await this.deps.users.findByIds(friendIds);
    const showing = friendIds.filter((id) => {
      const privacy = users.get(id)?.privacy;
      return privacy !== undefined && friendsSeeMoods(privacy);
    });
    return { friends: await this.views(showing), at: this.now() };
  }

  async friendshipStarted(a: string, b: string): Promise<void> {
    await Promise.all([this.deps.rooms.join(moodListenersRoom(a), [moodRoom(b)]), this.deps.rooms.join(moodListenersRoom(b), [moodRoom(a)])]);
    const users = await this.deps.users.findByIds([a, b]);
    const at = this.now();
    for (const [listener, author] of [
      [a, b],
      [b, a],
    ] as const) {
      const privacy = users.get(author)?.privacy;
      if (!privacy || !friendsSeeMoods(privacy)) continue;
      const [view] = await this.views([author]);
      if (view?.latest) this.deps.rooms.emit(moodListenersRoom(listener), 'mood:friend-update', { userId: author, entry: view.latest, streak: view.streak, at });
    }
  }

  friendshipEnded(a: string, b: string): void {
    this.cut(a, b);
    this.cut(b, a);
  }

  /** A blocked friend sees what an unfriend shows; a stranger listened to nothing. */
  blocked(blocker: string, blocked: string, wereFriends: boolean): void {
    if (wereFriends) this.friendshipEnded(blocker, blocked);
  }

  async privacyChanged(userId: string, before: PrivacySettings, after: PrivacySettings): Promise<void> {
    const was = friendsSeeMoods(before);
    const is = friendsSeeMoods(after);
    if (was === is) return;
    const at = this.now();
    if (!is) {
      this.deps.rooms.emit(moodRoom(userId), 'mood:friend-hidden', { userId, at });
      return;
    }
    const [view] = await this.views([userId]);
    if (view?.latest) this.deps.rooms.emit(moodRoom(userId), 'mood:friend-update', { userId, entry: view.latest, streak: view.streak, at });
  }

  /** Each of `authors`' latest mood a friend sees, and streak as of now in the author's zone. */
  private async views(authors: readonly string[]): Promise<FriendMood[]> {
    if (authors.length === 0) return [];
    const now = this.now();
    const [latest, streaks] = await Promise.all([this.deps.moods.latest(authors, FRIEND_VISIBILITIES), this.deps.moods.streaks(authors)]);
    return authors.map((userId) => {
      const mood = latest.get(userId);
      const streak = streaks.get(userId) ?? NO_STREAK;
      return { userId, latest: mood ? entryOf(mood) : null, streak: streakView(streakAsOf(streak, now, streak.lastZone ?? 'UTC')) };
    });
  }

  /** `listener`'s connections stop hearing `author`'s moods, and forget them. */
  private cut(listener: string, author: string): void {
    this.deps.rooms.leave(userRoom(listener), [moodRoom(author)]);
    this.deps.rooms.emit(moodListenersRoom(listener), 'mood:friend-hidden', { userId: author, at: this.now() });
  }
}
