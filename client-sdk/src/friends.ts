import type { FriendCommandResult, FriendsList } from '../../protocol/types/friends.js';
import type { FriendUpdateEvent } from '../../protocol/server-events.js';
import type { Commands } from './commands.js';
import type { Connection } from './connection/connection.js';
import { Emitter, type Unsubscribe } from './emitter.js';
import type { Logger } from './logger.js';

/**
 * Friends: requests, accepts, declines, unfriends and blocks, and live updates when the other side acts.
 *
 * @example
 * ```ts
 * const bob = await client.profile.lookup('bob');
 * await client.friends.request(bob.userId);
 * client.friends.on('update', (u) => showToast(`${u.profile.displayName}: ${u.state}`));
 * ```
 */
export class FriendsApi {
  private readonly events: Emitter<{ update: [event: FriendUpdateEvent] }>;

  /** @internal */
  constructor(
    private readonly commands: Commands,
    connection: Connection,
    logger: Logger,
  ) {
    this.events = new Emitter((error) => logger.error('a friends listener threw', { error }));
    connection.socket.on('friend:update', (event) => this.events.emit('update', event));
  }

  /**
   * Sends a friend request (accepts theirs if they already asked you).
   * @example
   * ```ts
   * const { state } = await client.friends.request(userId); // 'outgoing' or 'friends'
   * ```
   */
  request(userId: string): Promise<FriendCommandResult> {
    return this.commands.send('friend:request', { userId });
  }

  /**
   * Accepts a request from `userId`.
   * @example
   * ```ts
   * await client.friends.accept(userId);
   * ```
   */
  accept(userId: string): Promise<FriendCommandResult> {
    return this.commands.send('friend:accept', { userId });
  }

  /**
   * Declines a request from `userId`.
   * @example
   * ```ts
   * await client.friends.decline(userId);
   * ```
   */
  decline(userId: string): Promise<FriendCommandResult> {
    return this.commands.send('friend:decline', { userId });
  }

  /**
   * Unfriends `userId`, or withdraws your request to them.
   * @example
   * ```ts
   * await client.friends.remove(userId);
   * ```
   */
  remove(userId: string): Promise<FriendCommandResult> {
    return this.commands.send('friend:remove', { userId });
  }

  /**
   * Blocks `userId`: ends any friendship, and neither of you can see the other's presence or profile.
   * @example
   * ```ts
   * await client.friends.block(userId);
   * ```
   */
  block(userId: string): Promise<FriendCommandResult> {
    return this.commands.send('friend:block', { userId });
  }

  /**
   * Lifts your block of `userId`.
   * @example
   * ```ts
   * await client.friends.unblock(userId);
   * ```
   */
  unblock(userId: string): Promise<FriendCommandResult> {
    return this.commands.send('friend:unblock', { userId });
  }

  /**
   * Your friends, pending requests both ways, and the users you blocked.
   * @example
   * ```ts
   * const { friends, incoming } = await client.friends.list();
   * ```
   */
  list(): Promise<FriendsList> {
    return this.commands.send('friends:list', {});
  }

  /**
   * Listens for friendship changes made by either side.
   * @example
   * ```ts
   * client.friends.on('update', ({ userId, state }) => state === 'incoming' && notify(userId));
   * ```
   */
  on(event: 'update', listener: (event: FriendUpdateEvent) => void): Unsubscribe {
    return this.events.on(event, listener);
  }
}
