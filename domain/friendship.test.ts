import { describe, expect, it } from 'vitest';
import { CommandError } from './command-error.js';
import { decideFriendAction, friendshipStateOf, mirror, type PairRelation, relationshipOf } from './friendship.js';

const none: PairRelation = { friendship: null, actorBlockedOther: false, otherBlockedActor: false };
const pendingFrom = (who: string): PairRelation => ({ ...none, friendship: { status: 'pending', requestedBy: who, since: 1 } });
const friends: PairRelation = { ...none, friendship: { status: 'friends', since: 1 } };

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof CommandError) return error.code;
    throw error;
  }
  return 'allowed';
}

describe('friendship rules', () => {
  it('requests, and accepts a crossing request instead of duplicating it', () => {
    expect(decideFriendAction('me', 'you', 'request', none, true)).toEqual({ effect: 'create-request', actorState: 'outgoing', otherState: 'incoming' });
    expect(decideFriendAction('me', 'you', 'request', pendingFrom('you'), true)).toEqual({ effect: 'make-friends', actorState: 'friends', otherState: 'friends' });
    expect(decideFriendAction('me', 'you', 'request', pendingFrom('me'), true).effect).toBe('none');
    expect(refusal(() => decideFriendAction('me', 'you', 'request', friends, true))).toBe('conflict');
    expect(refusal(() => decideFriendAction('me', 'you', 'request', none, false))).toBe('forbidden');
  });

  it('never reveals a block to the blocked user', () => {
    const blockedByThem: PairRelation = { ...none, otherBlockedActor: true };
    const closedRequests = refusal(() => decideFriendAction('me', 'you', 'request', none, false));
    const blocked = refusal(() => decideFriendAction('me', 'you', 'request', blockedByThem, true));
    expect(blocked).toBe(closedRequests);
    expect(friendshipStateOf('me', blockedByThem)).toBe('none');
    expect(friendshipStateOf('you', mirror(blockedByThem))).toBe('blocked');
    expect(decideFriendAction('you', 'me', 'block', mirror(blockedByThem), true)).toMatchObject({ effect: 'none', otherState: null });
    // A stranger is told nothing of a block or an unblock; a friend sees what an unfriend shows.
    expect(decideFriendAction('me', 'you', 'block', none, true).otherState).toBeNull();
    expect(decideFriendAction('me', 'you', 'unblock', { ...none, actorBlockedOther: true }, true).otherState).toBeNull();
    expect(decideFriendAction('me', 'you', 'block', { ...none, friendship: { status: 'friends', since: 1 } }, true).otherState).toBe('none');
  });

  it('accepts and declines only requests from the other side', () => {
    expect(decideFriendAction('me', 'you', 'accept', pendingFrom('you'), true).effect).toBe('make-friends');
    expect(refusal(() => decideFriendAction('me', 'you', 'accept', pendingFrom('me'), true))).toBe('not_found');
    expect(refusal(() => decideFriendAction('me', 'you', 'accept', none, true))).toBe('not_found');
    expect(decideFriendAction('me', 'you', 'accept', friends, true).effect).toBe('none');
    expect(decideFriendAction('me', 'you', 'decline', pendingFrom('you'), true)).toMatchObject({ effect: 'delete-friendship', actorState: 'none' });
    expect(refusal(() => decideFriendAction('me', 'you', 'decline', pendingFrom('me'), true))).toBe('not_found');
  });

  it('removes friendships and own requests; repeats are harmless', () => {
    expect(decideFriendAction('me', 'you', 'remove', friends, true).effect).toBe('delete-friendship');
    expect(decideFriendAction('me', 'you', 'remove', pendingFrom('me'), true).effect).toBe('delete-friendship');
    expect(decideFriendAction('me', 'you', 'remove', none, true)).toEqual({ effect: 'none', actorState: 'none', otherState: 'none' });
    expect(decideFriendAction('me', 'you', 'remove', pendingFrom('you'), true)).toMatchObject({ effect: 'none', actorState: 'incoming' });
  });

  it('blocks from any state, and unblocks', () => {
    for (const rel of [none, friends, pendingFrom('you'), pendingFrom('me')]) {
      expect(decideFriendAction('me', 'you', 'block', rel, true)).toEqual({ effect: 'block', actorState: 'blocked', otherState: rel.friendship === null ? null : 'none' });
    }
    const blockedByMe: PairRelation = { ...none, actorBlockedOther: true };
    expect(refusal(() => decideFriendAction('me', 'you', 'request', blockedByMe, true))).toBe('conflict');
    expect(decideFriendAction('me', 'you', 'unblock', blockedByMe, true).effect).toBe('unblock');
    expect(decideFriendAction('me', 'you', 'unblock', none, true).effect).toBe('none');
    expect(relationshipOf(blockedByMe)).toBe('blocked');
    expect(relationshipOf(friends)).toBe('friends');
    expect(relationshipOf(pendingFrom('me'))).toBe('stranger');
  });
});
