import type { GroupHugCommand, GroupHugState } from '../../domain/group-hugs/group-hug.js';
import type { GroupHugView, GroupMembership, GroupMemberStatus } from '../../protocol/schemas/group-hugs.js';
import type { ActorOutcome } from './group-hug-actor.js';
import { toGroupView } from './group-hug-views.js';

/** A command as it travels to the owner: the state machine's, or a read. */
export type OwnerCommand = GroupHugCommand | { readonly type: 'get'; readonly userId: string };

/**
 * What the owner answers, sized by the command rather than the group: a join, leave or decline
 * gets the version and the member's own entry, an invite the ids it added. Only a read, a start
 * and a cancel (once per group hug) carry the whole view.
 */
export type OwnerReply =
  | { readonly kind: 'view'; readonly view: GroupHugView }
  | { readonly kind: 'membership'; readonly membership: GroupMembership }
  | { readonly kind: 'invited'; readonly invited: readonly string[]; readonly title: string; readonly creatorId: string };

/** The owner's answer to `command`, from the state after the batch it was applied in. */
export function replyTo(command: OwnerCommand, outcome: ActorOutcome): OwnerReply {
  const { state } = outcome;
  switch (command.type) {
    case 'get':
    case 'start':
    case 'cancel':
      return { kind: 'view', view: toGroupView(state) };
    case 'invite':
      return { kind: 'invited', invited: outcome.diff?.invited ?? [], title: state.title, creatorId: state.creatorId };
    case 'join':
    case 'leave':
    case 'decline':
      return { kind: 'membership', membership: membershipOf(state, command.userId, outcome.status) };
  }
}

/** `userId`'s entry in `state`, with where the group hug stands. */
function membershipOf(state: GroupHugState, userId: string, status: GroupMemberStatus | undefined): GroupMembership {
  return {
    groupId: state.id,
    version: state.version,
    phase: state.phase,
    startsAt: state.startsAt,
    participantCount: state.participants.length,
    you: { userId, status: status ?? statusOf(state, userId) },
  };
}

/** Where `userId` stands in `state`, read from its lists (when the actor did not say). */
function statusOf(state: GroupHugState, userId: string): GroupMemberStatus {
  if (state.participants.includes(userId)) return 'participant';
  return state.declined.includes(userId) ? 'declined' : 'invited';
}
