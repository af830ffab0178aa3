import type { FriendshipState } from '../../../protocol/types/friends.js';
import type { WatchResult } from '../../../protocol/types/presence.js';
import type { Commands } from '../commands.js';
import type { Logger } from '../logger.js';

/** What the follower asks of presence. */
export interface FriendWatches {
  watch(userIds: readonly string[]): Promise<WatchResult>;
  /** Drops users from what presence shows (the server already stopped their watch). */
  forget(userIds: readonly string[]): void;
}

/**
 * Keeps presence watches in step with the friends list: the list is read when following starts
 * and after each reconnect, and `friend:update` events add and drop friends in between.
 */
export class FriendFollower {
  private following = false;
  private friends = new Set<string>();
  private snapshot: readonly string[] = [];

  constructor(
    private readonly commands: Commands,
    private readonly presence: FriendWatches,
    private readonly logger: Logger,
  ) {}

  /** The friends followed now (a new array after each change). */
  ids(): readonly string[] {
    return this.snapshot;
  }

  async start(): Promise<WatchResult> {
    this.following = true;
    return this.presence.watch(await this.reload());
  }

  stop(): void {
    this.following = false;
    this.setFriends(new Set());
  }

  /**
   * After a reconnect: friends made or lost while offline. Only the new ones are watched here: the
   * reconnect already watches again every user presence wants, the friends known before included.
   */
  async catchUp(): Promise<void> {
    if (!this.following) return;
    try {
      const before = this.friends;
      const fresh = (await this.reload()).filter((id) => !before.has(id));
      if (fresh.length > 0) await this.presence.watch(fresh);
    } catch (error) {
      this.logger.warn('reading the friends list after a reconnect failed', { error });
    }
  }

  /** A friendship changed (on any device of either side). */
  update(userId: string, state: FriendshipState): void {
    if (!this.following) return;
    if (state === 'friends' && !this.friends.has(userId)) {
      this.setFriends(new Set(this.friends).add(userId));
      this.presence.watch([userId]).catch((error: unknown) => this.logger.warn('watching a new friend failed', { error, userId }));
    } else if (state !== 'friends' && this.friends.has(userId)) {
      const next = new Set(this.friends);
      next.delete(userId);
      this.setFriends(next);
      this.presence.forget([userId]);
    }
  }

  /** Reads the friends list, drops those no longer friends, and answers the friends now. */
  private async reload(): Promise<string[]> {
    const list = await this.commands.send('friends:list', {});
    const now = new Set(list.friends.map((f) => f.profile.userId));
    const gone = [...this.friends].filter((id) => !now.has(id));
    this.setFriends(now);
    if (gone.length > 0) this.presence.forget(gone);
    return [...now];
  }

  private setFriends(next: Set<string>): void {
    this.friends = next;
    this.snapshot = Object.freeze([...next]);
  }
}
