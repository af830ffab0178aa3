import type { PrivacySettings } from '../../protocol/types/privacy.js';
import type { PrivacyUpdatedEvent } from '../../protocol/server-events.js';
import type { Commands } from './commands.js';
import type { Connection } from './connection/connection.js';
import { Emitter, type Unsubscribe } from './emitter.js';
import type { Logger } from './logger.js';

/**
 * Privacy settings. The server enforces them; a change applies at once, also to people already
 * watching you.
 *
 * @example
 * ```ts
 * await client.privacy.update({ showOnlineStatus: 'none' });
 * ```
 */
export class PrivacyApi {
  private readonly events: Emitter<{ updated: [event: PrivacyUpdatedEvent] }>;

  /** @internal */
  constructor(
    private readonly commands: Commands,
    connection: Connection,
    logger: Logger,
  ) {
    this.events = new Emitter((error) => logger.error('a privacy listener threw', { error }));
    connection.socket.on('privacy:updated', (event) => this.events.emit('updated', event));
  }

  /**
   * Your settings.
   * @example
   * ```ts
   * const { allowHugsFrom } = await client.privacy.get();
   * ```
   */
  get(): Promise<PrivacySettings> {
    return this.commands.send('privacy:get', {});
  }

  /**
   * Changes some settings.
   * @example
   * ```ts
   * await client.privacy.update({ allowFriendRequests: false });
   * ```
   */
  update(changes: Partial<PrivacySettings>): Promise<PrivacySettings> {
    return this.commands.send('privacy:update', changes);
  }

  /**
   * Listens for changes made from any of your devices.
   * @example
   * ```ts
   * client.privacy.on('updated', ({ privacy }) => store.set(privacy));
   * ```
   */
  on(event: 'updated', listener: (event: PrivacyUpdatedEvent) => void): Unsubscribe {
    return this.events.on(event, listener);
  }
}
