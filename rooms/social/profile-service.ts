import { CommandError } from '../../domain/command-error.js';
import { relationshipOf } from '../../domain/friendship.js';
import { canViewProfile } from '../../domain/privacy-policy.js';
import type { Profile } from '../../protocol/schemas/profile.js';
import type { FriendshipRepository } from '../../persistence/store/friendship-repository.js';
import type { ProfilePatch, UserRecord, UserRepository } from '../../persistence/store/user-repository.js';
import { userRoom } from '../room-names.js';
import type { RoomPort } from '../room-port.js';
import { toProfile } from './profiles.js';

/**
 * Profiles: read (hidden across a block, which reads as `not_found`), look up by username, and
 * update, pushing `profile:updated` to the user's friends and their own devices.
 */
export class ProfileService {
  constructor(
    private readonly deps: {
      readonly users: UserRepository;
      readonly friendships: FriendshipRepository;
      readonly rooms: RoomPort;
      readonly now?: () => number;
    },
  ) {}

  /** The profile of `userId` as `viewer` may see it. */
  async get(viewer: string, userId: string): Promise<Profile> {
    return toProfile(await this.visibleUser(viewer, await this.deps.users.findById(userId)));
  }

  /** Finds a user by login name, to befriend them. */
  async lookup(viewer: string, username: string): Promise<Profile> {
    return toProfile(await this.visibleUser(viewer, await this.deps.users.findByUsername(username)));
  }

  /** Updates the caller's profile and pushes it to their friends and devices. */
  async update(userId: string, patch: ProfilePatch): Promise<Profile> {
    const user = await this.deps.users.updateProfile(userId, patch);
    if (!user) throw new CommandError('unauthorized', 'your account no longer exists');
    const profile = toProfile(user);
    const friends = await this.deps.friendships.friendIds(userId);
    this.deps.rooms.emit([userRoom(userId), ...friends.map(userRoom)], 'profile:updated', {
      profile,
      at: (this.deps.now ?? Date.now)(),
    });
    return profile;
  }

  private async visibleUser(viewer: string, user: UserRecord | null): Promise<UserRecord> {
    const notFound = () => new CommandError('not_found', 'no such user');
    if (!user) throw notFound();
    if (user.id === viewer) return user;
    if (!canViewProfile(relationshipOf(await this.deps.friendships.relation(viewer, user.id)))) throw notFound();
    return user;
  }
}
