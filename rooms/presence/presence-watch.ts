import { CommandError } from '../../domain/command-error.js';
import { relationshipOf } from '../../domain/friendship.js';
import { type PresenceAudience, isPresenceVisible, presenceWatchAudience } from '../../domain/privacy-policy.js';
import type { Relationship } from '../../domain/relationship.js';
import type { UnwatchResult, UserPresence, WatchDenial, WatchResult } from '../../protocol/schemas/presence.js';
import type { FriendshipRepository } from '../../persistence/store/friendship-repository.js';
import type { UserRepository } from '../../persistence/store/user-repository.js';
import { presenceRoom } from '../room-names.js';
import type { RoomPort } from '../room-port.js';
import type { Presence } from './presence.js';
import { viewPresence } from './presence-view.js';

/** One socket that watches presence, and the users it watches (`null` until its first watch, to keep idle sockets small). */
export interface Watcher {
  readonly userId: string;
  readonly socketId: string;
  watching: Set<string> | null;
}

/** What {@link PresenceWatch} is built from. */
export interface PresenceWatchDeps {
  readonly presence: Presence;
  readonly rooms: RoomPort;
  readonly users: UserRepository;
  readonly friendships: FriendshipRepository;
  /** Most users one socket may watch at once. */
  readonly maxWatchedPerSocket: number;
  readonly now?: () => number;
}

const OTHER_AUDIENCE: Record<PresenceAudience, PresenceAudience> = { friends: 'public', public: 'friends' };

/**
 * `presence:watch` and `presence:unwatch`. A watch is authorized per user (friends, or anyone
 * while the user shares their status publicly), answers with a snapshot, and puts the socket in
 * the user's presence room for that audience, so later changes arrive as one room emit each.
 */
export class PresenceWatch {
  private readonly now: () => number;

  constructor(private readonly deps: PresenceWatchDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** Watches `userIds` from `watcher`; refused users are listed in `denied`. */
  async watch(watcher: Watcher, userIds: readonly string[]): Promise<WatchResult> {
    const watching = (watcher.watching ??= new Set());
    const added = userIds.filter((id) => !watching.has(id)).length;
    if (watching.size + added > this.deps.maxWatchedPerSocket) {
      throw new CommandError('invalid_payload', `a connection may watch at most ${this.deps.maxWatchedPerSocket} users`, {
        field: 'userIds',
        limit: this.deps.maxWatchedPerSocket,
        watching: watching.size,
      });
    }
    const users = await this.deps.users.findByIds(userIds);
    const denied: WatchDenial[] = [];
    /** Every watched room is joined (and this node hears it) before the snapshot is read. */
    const joins: Promise<void>[] = [];
    const allowed: { userId: string; visible: boolean; lastSeenAt: number | null }[] = [];
    for (const userId of userIds) {
      const user = users.get(userId);
      if (!user) {
        denied.push({ userId, code: 'not_found' });
        continue;
      }
      const relationship: Relationship =
        userId === watcher.userId ? 'self' : relationshipOf(await this.deps.friendships.relation(watcher.userId, userId));
      const audience = presenceWatchAudience(relationship, user.privacy);
      if (audience === null) {
        this.stopWatching(watcher, userId);
        denied.push({ userId, code: 'forbidden' });
        continue;
      }
      // Join before reading the snapshot, so no change can fall between the two.
      joins.push(this.deps.rooms.join(watcher.socketId, [presenceRoom(userId, audience)]));
      this.deps.rooms.leave(watcher.socketId, [presenceRoom(userId, OTHER_AUDIENCE[audience])]);
      watching.add(userId);
      allowed.push({ userId, visible: isPresenceVisible(audience, user.privacy), lastSeenAt: user.lastSeenAt });
    }
    await Promise.all(joins);
    const at = this.now();
    const snapshots = await this.deps.presence.get(allowed.map((a) => a.userId));
    const presences: UserPresence[] = allowed.map((a) => viewPresence(a.userId, snapshots.get(a.userId), a.lastSeenAt, a.visible));
    return { presences, denied, at };
  }

  /** Stops watching `userIds`; ids not watched are ignored. */
  unwatch(watcher: Watcher, userIds: readonly string[]): UnwatchResult {
    const unwatched = userIds.filter((id) => watcher.watching?.has(id) === true);
    for (const id of unwatched) this.stopWatching(watcher, id);
    return { unwatched };
  }

  private stopWatching(watcher: Watcher, userId: string): void {
    if (!watcher.watching?.delete(userId)) return;
    this.deps.rooms.leave(watcher.socketId, [presenceRoom(userId, 'friends'), presenceRoom(userId, 'public')]);
  }
}
