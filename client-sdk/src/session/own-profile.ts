import type { Profile } from '../../../protocol/types/profile.js';
import type { Commands } from '../commands.js';
import type { Connection } from '../connection/connection.js';
import { Emitter, type Unsubscribe } from '../emitter.js';
import type { Logger } from '../logger.js';

/**
 * The signed-in user's own profile, once the app asks for it (reading it, or listening): read then,
 * again on every connect, and kept current by `profile:updated` (edits from any of their devices).
 * An app that never asks costs no command.
 */
export class OwnProfile {
  private value: Profile | null = null;
  private wanted = false;
  private reading = false;
  private readonly events: Emitter<{ change: [profile: Profile] }>;

  constructor(
    private readonly commands: Commands,
    private readonly connection: Connection,
    private readonly userId: () => string | null,
    private readonly logger: Logger,
  ) {
    this.events = new Emitter((error) => logger.error('a profile listener threw', { error }));
    connection.events.on('connected', () => {
      if (this.wanted) this.read();
    });
    connection.socket.on('profile:updated', ({ profile }) => {
      if (profile.userId === userId()) this.set(profile);
    });
  }

  get(): Profile | null {
    this.want();
    return this.value;
  }

  subscribe(listener: (profile: Profile) => void): Unsubscribe {
    this.want();
    return this.events.on('change', listener);
  }

  private want(): void {
    if (this.wanted) return;
    this.wanted = true;
    if (this.connection.state === 'connected') this.read();
  }

  private read(): void {
    const id = this.userId();
    if (id === null || this.reading) return;
    this.reading = true;
    this.commands
      .send('profile:get', { userId: id })
      .then(
        (profile) => this.set(profile),
        (error: unknown) => this.logger.warn('reading your own profile failed', { error }),
      )
      .finally(() => {
        this.reading = false;
      });
  }

  private set(profile: Profile): void {
    this.value = profile;
    this.events.emit('change', profile);
  }
}
