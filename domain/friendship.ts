import type { FriendshipState } from '../protocol/schemas/friends.js';
import { CommandError } from './command-error.js';
import type { Relationship } from './relationship.js';

/** A friendship row as stored, for an unordered pair of users. */
export type StoredFriendship =
  | { readonly status: 'pending'; readonly requestedBy: string; readonly since: number }
  | { readonly status: 'friends'; readonly since: number };

/** Everything the friendship rules need to know about a pair, from the actor's side. */
export interface PairRelation {
  readonly friendship: StoredFriendship | null;
  readonly actorBlockedOther: boolean;
  readonly otherBlockedActor: boolean;
}

/** A friend command. */
export type FriendAction = 'request' | 'accept' | 'decline' | 'remove' | 'block' | 'unblock';

/** What the store must do for an allowed action. */
export type FriendEffect = 'create-request' | 'make-friends' | 'delete-friendship' | 'block' | 'unblock' | 'none';

/** The verdict on a friend action: what to store, and each side's state afterwards. */
export interface FriendDecision {
  readonly effect: FriendEffect;
  readonly actorState: FriendshipState;
  /**
   * What the other user is told their state now is, or `null` when they are told nothing. A block
   * never shows: to a friend or someone with a pending request it reads as an unfriend or a
   * declined (withdrawn) request, `none`; to a stranger it is silent, and so is an unblock.
   */
  readonly otherState: FriendshipState | null;
}

/** The state `viewer` sees for a pair, given who requested. */
export function friendshipStateOf(viewer: string, relation: PairRelation): FriendshipState {
  if (relation.actorBlockedOther) return 'blocked';
  if (relation.otherBlockedActor) return 'none';
  const f = relation.friendship;
  if (f === null) return 'none';
  if (f.status === 'friends') return 'friends';
  return f.requestedBy === viewer ? 'outgoing' : 'incoming';
}

/** The same pair relation seen from the other side. */
export function mirror(relation: PairRelation): PairRelation {
  return {
    friendship: relation.friendship,
    actorBlockedOther: relation.otherBlockedActor,
    otherBlockedActor: relation.actorBlockedOther,
  };
}

/** The relationship the privacy rules use, from a pair relation. */
export function relationshipOf(relation: PairRelation): Relationship {
  if (relation.actorBlockedOther || relation.otherBlockedActor) return 'blocked';
  return relation.friendship?.status === 'friends' ? 'friends' : 'stranger';
}

const refuseRequest = () => new CommandError('forbidden', 'this user does not accept friend requests from you');

/**
 * Decides `action` by `actor` towards `other`. Throws a {@link CommandError} when the action is
 * not allowed; repeats of an action already in effect are allowed and change nothing, so retries
 * are safe. A block never reveals itself: the blocked user is refused as if they were not allowed.
 */
export function decideFriendAction(
  actor: string,
  other: string,
  action: FriendAction,
  relation: PairRelation,
  otherAllowsRequests: boolean,
): FriendDecision {
  const f = relation.friendship;
  const pendingFromActor = f?.status === 'pending' && f.requestedBy === actor;
  const pendingFromOther = f?.status === 'pending' && f.requestedBy !== actor;
  const friends = f?.status === 'friends';
  const stay = (): FriendDecision => ({
    effect: 'none',
    actorState: friendshipStateOf(actor, relation),
    otherState: friendshipStateOf(other, mirror(relation)),
  });

  switch (action) {
    case 'request':
      if (relation.actorBlockedOther) throw new CommandError('conflict', 'you blocked this user: unblock them first');
      if (relation.otherBlockedActor) throw refuseRequest();
      if (friends) throw new CommandError('conflict', 'you are already friends');
      if (pendingFromActor) return { effect: 'none', actorState: 'outgoing', otherState: 'incoming' };
      if (pendingFromOther) return { effect: 'make-friends', actorState: 'friends', otherState: 'friends' };
      if (!otherAllowsRequests) throw refuseRequest();
      return { effect: 'create-request', actorState: 'outgoing', otherState: 'incoming' };
    case 'accept':
      if (friends) return { effect: 'none', actorState: 'friends', otherState: 'friends' };
      if (!pendingFromOther || relation.actorBlockedOther || relation.otherBlockedActor) {
        throw new CommandError('not_found', 'there is no friend request from this user');
      }
      return { effect: 'make-friends', actorState: 'friends', otherState: 'friends' };
    case 'decline':
      if (!pendingFromOther) throw new CommandError('not_found', 'there is no friend request from this user');
      return { effect: 'delete-friendship', actorState: 'none', otherState: 'none' };
    case 'remove':
      if (f === null || pendingFromOther) return stay();
      return { effect: 'delete-friendship', actorState: relation.actorBlockedOther ? 'blocked' : 'none', otherState: 'none' };
    case 'block':
      if (relation.actorBlockedOther) return { effect: 'none', actorState: 'blocked', otherState: null };
      return { effect: 'block', actorState: 'blocked', otherState: f === null ? null : 'none' };
    case 'unblock':
      if (!relation.actorBlockedOther) return stay();
      return { effect: 'unblock', actorState: 'none', otherState: null };
  }
}
