import { CommandError } from '../../domain/command-error.js';
import { type FriendAction, type FriendDecision, decideFriendAction, friendshipStateOf } from '../../domain/friendship.js';
import type { FriendCommandResult, FriendEntry, FriendsList } from '../../protocol/schemas/friends.js';
import type { FriendshipRepository } from '../../persistence/store/friendship-repository.js';
import type { UserRecord, UserRepository } from '../../persistence/store/user-repository.js';
import type { RelationshipChanges } from './relationship-changes.js';
import { friendAcceptedDraft, friendRequestDraft } from '../notifications/notification-drafts.js';
import type { Notifier } from '../notifications/notifier.js';
import type { ActivityLog } from '../feed/activity-log.js';
import { userRoom } from '../room-names.js';
import type { RoomPort } from '../room-port.js';
import { toProfile } from './profiles.js';

/** What {@link FriendsService} is built from. */
export interface FriendsServiceDeps {
  readonly users: UserRepository;
  readonly friendships: FriendshipRepository;
  readonly rooms: RoomPort;
  readonly changes: RelationshipChanges;
  /** Tells the other user of a request made to them, or of their request accepted. */
  readonly notifier: Notifier;
  /** Records a new friendship for both friends' feeds. */
  readonly activities: ActivityLog;
  readonly now?: () => number;
}

// A conditional write that lost a race is decided again on a fresh read, a bounded number of times.
const MAX_ATTEMPTS = 3;

/**
 * Friend requests, accepts, declines, unfriends and blocks. Each answers the caller with their new
 * state and pushes `friend:update` to both users' devices; unfriend and block also cut presence
 * watches at once. A request and an acceptance notify the other user.
 */
export class FriendsService {
  private readonly now: () => number;

  constructor(private readonly deps: FriendsServiceDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** Performs `action` by `actor` towards `otherId`. */
  async act(actor: string, otherId: string, action: FriendAction): Promise<FriendCommandResult> {
    if (actor === otherId) throw new CommandError('invalid_payload', 'you cannot do that to yourself', { field: 'userId' });
    const users = await this.deps.users.findByIds([actor, otherId]);
    const me = users.get(actor);
    const other = users.get(otherId);
    if (!me) throw new CommandError('unauthorized', 'your account no longer exists');
    if (!other) throw new CommandError('not_found', 'no such user', { field: 'userId' });

    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      const relation = await this.deps.friendships.relation(actor, otherId);
      // A blocked user is not told they are blocked: they see the same refusal as for closed requests.
      const decision = decideFriendAction(actor, otherId, action, relation, other.privacy.allowFriendRequests);
      const at = this.now();
      if (await this.apply(actor, otherId, decision, relation.friendship?.status === 'friends', at)) {
        this.announce(me, other, decision);
        if (decision.effect === 'create-request') await this.deps.notifier.notify(otherId, friendRequestDraft(actor, at));
        if (decision.effect === 'make-friends') {
          await this.deps.notifier.notify(otherId, friendAcceptedDraft(actor, at));
          await this.deps.activities.friendship(actor, otherId, at);
        }
        return { userId: otherId, state: decision.actorState };
      }
    }
    throw new CommandError('conflict', 'the friendship changed while this request was handled; try again');
  }

  /** The caller's friends, pending requests both ways, and the users they blocked. */
  async list(userId: string): Promise<FriendsList> {
    const [rows, blocks] = await Promise.all([this.deps.friendships.listFriendships(userId), this.deps.friendships.listBlocked(userId)]);
    const users = await this.deps.users.findByIds([...rows.map((r) => r.otherId), ...blocks.map((b) => b.userId)]);
    const friends: FriendEntry[] = [];
    const incoming: FriendEntry[] = [];
    const outgoing: FriendEntry[] = [];
    for (const row of rows) {
      const user = users.get(row.otherId);
      if (!user) continue;
      const state = friendshipStateOf(userId, { friendship: row.friendship, actorBlockedOther: false, otherBlockedActor: false });
      const entry: FriendEntry = { profile: toProfile(user), state, since: row.friendship.since };
      if (state === 'friends') friends.push(entry);
      else if (state === 'incoming') incoming.push(entry);
      else outgoing.push(entry);
    }
    const blocked: FriendEntry[] = [];
    for (const b of blocks) {
      const user = users.get(b.userId);
      if (user) blocked.push({ profile: toProfile(user), state: 'blocked', since: b.since });
    }
    return { friends, incoming, outgoing, blocked };
  }

  private async apply(actor: string, other: string, decision: FriendDecision, wereFriends: boolean, at: number): Promise<boolean> {
    const { friendships } = this.deps;
    switch (decision.effect) {
      case 'none':
        return true;
      case 'create-request':
        return friendships.createRequest(actor, other, at);
      case 'make-friends':
        if (!(await friendships.acceptRequest(other, actor, at))) return false;
        await this.deps.changes.friendshipStarted(actor, other);
        return true;
      case 'delete-friendship':
        if ((await friendships.deleteFriendship(actor, other)) && wereFriends) this.deps.changes.friendshipEnded(actor, other);
        return true;
      case 'block':
        await friendships.block(actor, other, at);
        this.deps.changes.blocked(actor, other, wereFriends);
        return true;
      case 'unblock':
        await friendships.unblock(actor, other);
        return true;
    }
  }

  private announce(me: UserRecord, other: UserRecord, decision: FriendDecision): void {
    if (decision.effect === 'none') return;
    const at = this.now();
    if (decision.otherState !== null) {
      this.deps.rooms.emit(userRoom(other.id), 'friend:update', { userId: me.id, state: decision.otherState, profile: toProfile(me), at });
    }
    this.deps.rooms.emit(userRoom(me.id), 'friend:update', { userId: other.id, state: decision.actorState, profile: toProfile(other), at });
  }
}
