import type { Profile } from '../../../protocol/types/profile.js';
import type { Commands } from '../commands.js';
import type { Connection } from '../connection/connection.js';
import { Emitter, type Unsubscribe } from '../emitter.js';
import type { Logger } from '../logger.js';

/**
 * The signed-in user's own profile: read on every connect, kept current by `profile:updated`
 * (edits from any of their devices).
 */
export class OwnProfile {
  private value: Profile | null = null;
  private readonly events: Emitter<{ change: [profile: Profile] }>;

  constructor(commands: Commands, connection: Connection, userId: () => string | null, logger: Logger) {
    this.events = new Emitter((error) => logger.error('a profile listener threw', { error }));
    connection.events.on('connected', () => {
      const id = userId();
      if (id === null) return;
      commands.send('profile:get', { userId: id }).then(
        (profile) => this.set(profile),
        (error: unknown) => logger.warn('reading your own profile failed', { error }),
      );
    });
    connection.socket.on('profile:updated', ({ profile }) => {
      if (profile.userId === userId()) this.set(profile);
    });
  }

  get(): Profile | null {
    return this.value;
  }

  subscribe(listener: (profile: Profile) => void): Unsubscribe {
    return this.events.on('change', listener);
  }

  private set(profile: Profile): void {
    this.value = profile;
    this.events.emit('change', profile);
  }
}
