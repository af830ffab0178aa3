import { presenceAudienceChange } from '../../domain/privacy-policy.js';
import type { PrivacySettings } from '../../protocol/schemas/privacy.js';
import type { UserRepository } from '../../persistence/store/user-repository.js';
import { presenceRoom, userRoom } from '../room-names.js';
import type { RoomPort } from '../room-port.js';
import type { RelationshipChanges } from '../social/relationship-changes.js';
import type { Presence } from './presence.js';
import { hiddenPresence, viewPresence } from './presence-view.js';

/**
 * Makes privacy and relationship changes take effect at once for watchers already subscribed:
 * watchers who lose the right to watch are removed from the room and told (`presence:revoked`),
 * and friends see `hidden` or the real status as soon as the setting flips.
 */
export class PresenceVisibility implements RelationshipChanges {
  constructor(
    private readonly deps: {
      readonly presence: Presence;
      readonly rooms: RoomPort;
      readonly users: UserRepository;
      readonly now?: () => number;
    },
  ) {}

  /** Applies a change of `userId`'s privacy settings to their presence rooms. */
  async privacyChanged(userId: string, before: PrivacySettings, after: PrivacySettings): Promise<void> {
    const change = presenceAudienceChange(before, after);
    const at = (this.deps.now ?? Date.now)();
    const { rooms } = this.deps;
    if (change.public === 'revoked') {
      rooms.emitAndLeave(presenceRoom(userId, 'public'), 'presence:revoked', { userId, at });
    }
    if (change.friends === 'hidden') {
      rooms.emit(presenceRoom(userId, 'friends'), 'presence:update', { ...hiddenPresence(userId), at });
    } else if (change.friends === 'shown') {
      const [snapshots, user] = await Promise.all([this.deps.presence.get([userId]), this.deps.users.findById(userId)]);
      const view = viewPresence(userId, snapshots.get(userId), user?.lastSeenAt ?? null, true);
      rooms.emit(presenceRoom(userId, 'friends'), 'presence:update', { ...view, at });
    }
  }

  /** A new friend's SDK hears `friend:update` and watches again: nothing to do here. */
  friendshipStarted(): Promise<void> {
    return Promise.resolve();
  }

  /**
   * After an unfriend: each side stops watching the other as a friend. Their SDKs are told and
   * watch again, which succeeds only where the other's privacy allows strangers.
   */
  friendshipEnded(a: string, b: string): void {
    this.cut(a, b, ['friends']);
    this.cut(b, a, ['friends']);
  }

  /**
   * After a block: neither side may watch the other at all. The blocker is told; the blocked user
   * never learns of the block. A blocked friend sees what an unfriend shows (the friends watch is
   * revoked), and leaves the public room silently; a blocked stranger leaves both rooms silently,
   * so the blocker simply stops changing, as a user who hides their status.
   */
  blocked(blocker: string, blocked: string, wereFriends: boolean): void {
    this.cut(blocker, blocked, ['friends', 'public']);
    if (wereFriends) this.cut(blocked, blocker, ['friends']);
    this.deps.rooms.leave(userRoom(blocked), wereFriends ? [presenceRoom(blocker, 'public')] : [presenceRoom(blocker, 'friends'), presenceRoom(blocker, 'public')]);
  }

  private cut(watcher: string, subject: string, audiences: readonly ('friends' | 'public')[]): void {
    const at = (this.deps.now ?? Date.now)();
    this.deps.rooms.leave(
      userRoom(watcher),
      audiences.map((a) => presenceRoom(subject, a)),
    );
    this.deps.rooms.emit(userRoom(watcher), 'presence:revoked', { userId: subject, at });
  }
}
