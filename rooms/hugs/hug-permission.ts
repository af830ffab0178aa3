import { CommandError } from '../../domain/command-error.js';
import { relationshipOf } from '../../domain/friendship.js';
import { canSendHug } from '../../domain/privacy-policy.js';
import type { FriendshipRepository } from '../../persistence/store/friendship-repository.js';
import type { UserRepository } from '../../persistence/store/user-repository.js';

/** Where a hug may come from: the users and friendships it is decided on. */
export interface HugPermissionDeps {
  readonly users: UserRepository;
  readonly friendships: FriendshipRepository;
}

/**
 * Refuses a hug (or hug request) from `senderId` to `recipientId` that the rules forbid: to
 * yourself (`invalid_payload`), to an unknown user (`not_found`), across a block or against the
 * recipient's `allowHugsFrom` (`forbidden`). A block reads like privacy, so a blocked sender
 * cannot tell the two apart.
 */
export async function assertMayHug(deps: HugPermissionDeps, senderId: string, recipientId: string, field = 'to'): Promise<void> {
  if (senderId === recipientId) throw new CommandError('invalid_payload', 'you cannot hug yourself', { field });
  const privacy = await deps.users.privacyOf(recipientId);
  if (!privacy) throw new CommandError('not_found', 'no such user', { field });
  const relation = relationshipOf(await deps.friendships.relation(senderId, recipientId));
  if (relation === 'blocked' || !canSendHug(relation, privacy)) {
    throw new CommandError('forbidden', 'this user does not accept hugs from you', { field, reason: 'privacy' });
  }
}
