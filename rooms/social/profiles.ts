import type { Profile } from '../../protocol/schemas/profile.js';
import type { UserRecord } from '../../persistence/store/user-repository.js';

/** The public profile of a stored user. */
export function toProfile(user: UserRecord): Profile {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    avatarUrl: user.avatarUrl,
    bio: user.bio,
  };
}
