import type { Profile } from '../../protocol/types/profile.js';
import type { CommandInput } from '../../protocol/command-map.js';
import type { ProfileUpdatedEvent } from '../../protocol/server-events.js';
import type { Commands } from './commands.js';
import type { Connection } from './connection/connection.js';
import { Emitter, type Unsubscribe } from './emitter.js';
import type { Logger } from './logger.js';

/** The editable profile fields; `avatarUrl: null` removes the avatar. */
export type ProfileChanges = CommandInput<'profile:update'>;

/**
 * Profiles: yours and other users'.
 *
 * @example
 * ```ts
 * await client.profile.update({ displayName: 'Ana', bio: 'hugs > handshakes' });
 * const bob = await client.profile.lookup('bob');
 * ```
 */
export class ProfileApi {
  private readonly events: Emitter<{ updated: [event: ProfileUpdatedEvent] }>;

  /** @internal */
  constructor(
    private readonly commands: Commands,
    connection: Connection,
    logger: Logger,
  ) {
    this.events = new Emitter((error) => logger.error('a profile listener threw', { error }));
    connection.socket.on('profile:updated', (event) => this.events.emit('updated', event));
  }

  /**
   * The profile of `userId`.
   * @example
   * ```ts
   * const profile = await client.profile.get(userId);
   * ```
   */
  get(userId: string): Promise<Profile> {
    return this.commands.send('profile:get', { userId });
  }

  /**
   * Finds a user by username.
   * @example
   * ```ts
   * const { userId } = await client.profile.lookup('bob');
   * ```
   */
  lookup(username: string): Promise<Profile> {
    return this.commands.send('user:lookup', { username });
  }

  /**
   * Changes your profile; friends see it live.
   * @example
   * ```ts
   * await client.profile.update({ avatarUrl: 'https://cdn.example.com/me.png' });
   * ```
   */
  update(changes: ProfileChanges): Promise<Profile> {
    return this.commands.send('profile:update', changes);
  }

  /**
   * Listens for profile changes of your friends and yourself.
   * @example
   * ```ts
   * client.profile.on('updated', ({ profile }) => cache.set(profile.userId, profile));
   * ```
   */
  on(event: 'updated', listener: (event: ProfileUpdatedEvent) => void): Unsubscribe {
    return this.events.on(event, listener);
  }
}
