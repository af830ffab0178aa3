import { CommandError } from '../../domain/command-error.js';
import type { PrivacySettings } from '../../protocol/schemas/privacy.js';
import type { UserRepository } from '../../persistence/store/user-repository.js';
import type { RelationshipChanges } from './relationship-changes.js';
import { userRoom } from '../room-names.js';
import type { RoomPort } from '../room-port.js';

/** Privacy settings: read, and update with immediate effect on presence watchers. */
export class PrivacyService {
  constructor(
    private readonly deps: {
      readonly users: UserRepository;
      readonly rooms: RoomPort;
      readonly changes: RelationshipChanges;
      readonly now?: () => number;
    },
  ) {}

  /** The caller's settings. */
  async get(userId: string): Promise<PrivacySettings> {
    const user = await this.deps.users.findById(userId);
    if (!user) throw new CommandError('unauthorized', 'your account no longer exists');
    return user.privacy;
  }

  /** Merges `patch` into the caller's settings, applies it to watchers, and tells their devices. */
  async update(userId: string, patch: Partial<PrivacySettings>): Promise<PrivacySettings> {
    const change = await this.deps.users.updatePrivacy(userId, patch);
    if (!change) throw new CommandError('unauthorized', 'your account no longer exists');
    await this.deps.changes.privacyChanged(userId, change.before, change.after);
    this.deps.rooms.emit(userRoom(userId), 'privacy:updated', { privacy: change.after, at: (this.deps.now ?? Date.now)() });
    return change.after;
  }
}
