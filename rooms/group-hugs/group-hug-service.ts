import { CommandError } from '../../domain/command-error.js';
import type { GroupHistoryPage, GroupHugView, GroupInviteResult, GroupMembership, OpenGroupHugs } from '../../protocol/schemas/group-hugs.js';
import type { GroupHugRepository } from '../../persistence/store/group-hug-repository.js';
import { inboxAppend } from '../../persistence/write-behind/write-operation.js';
import { groupHugIdFor } from '../command-ids.js';
import { assertMayHug, type HugPermissionDeps } from '../hugs/hug-permission.js';
import { historyPage, parsePageToken } from '../page-token.js';
import type { InboxAppender } from '../inbox/inbox-appender.js';
import { entryCursorOf } from '../command-steps/step-operations.js';
import { groupInviteDraft } from '../notifications/notification-drafts.js';
import type { Notifier } from '../notifications/notifier.js';
import { userRoom } from '../room-names.js';
import type { RoomPort } from '../room-port.js';
import type { GroupHugDirectory } from './group-hug-directory.js';
import type { GroupHugHost } from './group-hug-host.js';
import { groupRoom } from './group-hug-views.js';
import type { OwnerCommand, OwnerReply } from './owner-reply.js';

/** What {@link GroupHugService} is built from. */
export interface GroupHugServiceDeps extends HugPermissionDeps {
  readonly host: GroupHugHost;
  /** Which group hugs each user is in or invited to (a hint kept by the owners' saves). */
  readonly members: Pick<GroupHugDirectory, 'memberOf' | 'forgetMember'>;
  readonly groupHugs: GroupHugRepository;
  readonly inbox: InboxAppender;
  readonly rooms: RoomPort;
  /** Tells each invitee (an invite is a notification too). */
  readonly notifier: Notifier;
  readonly now?: () => number;
}

/** What `group:create` asks for, validated. */
export interface GroupCreate {
  readonly title: string;
  readonly invitees: readonly string[];
  readonly scheduledAt?: number | undefined;
  readonly durationMs: number;
  readonly clientId: string;
}

/** Most group hugs `group:open` answers with. */
export const MAX_OPEN_GROUPS = 50;

/** `group:open` lists live group hugs first, then those counting down, then those gathering. */
const OPEN_ORDER: Readonly<Record<string, number>> = { live: 0, countdown: 1, gathering: 2 };

/** Furthest ahead a group hug may be scheduled. */
const MAX_SCHEDULE_AHEAD_MS = 30 * 24 * 3600 * 1000;

/**
 * Group hugs as users command them, on whichever node their socket is. It checks what needs the
 * store (invitees must accept hugs from the creator: friends, by privacy), sends each command to
 * the group hug's owner (the actor decides), then does this node's part: sockets join or leave
 * room `group:{id}`, and new invitees get an inbox entry and a live `group:invited`.
 */
export class GroupHugService {
  private readonly now: () => number;

  constructor(private readonly deps: GroupHugServiceDeps) {
    this.now = deps.now ?? Date.now;
  }

  async create(userId: string, request: GroupCreate): Promise<GroupHugView> {
    const now = this.now();
    if (request.scheduledAt !== undefined && (request.scheduledAt <= now || request.scheduledAt > now + MAX_SCHEDULE_AHEAD_MS)) {
      throw new CommandError('invalid_payload', 'scheduledAt: must be in the future, at most 30 days ahead', { field: 'scheduledAt' });
    }
    await this.assertMayInvite(userId, request.invitees, 'invitees');
    const id = groupHugIdFor(userId, request.clientId);
    const { view, created } = await this.deps.host.create({
      id,
      title: request.title,
      creatorId: userId,
      invitees: request.invitees,
      scheduledAt: request.scheduledAt ?? null,
      durationMs: request.durationMs,
    });
    if (created) await this.sendInvites(view, view.invited);
    await this.deps.rooms.join(userRoom(userId), [groupRoom(id)]);
    return view;
  }

  async invite(userId: string, groupId: string, userIds: readonly string[]): Promise<GroupInviteResult> {
    await this.assertMayInvite(userId, userIds, 'userIds');
    const reply = replyOfKind(await this.deps.host.command(groupId, { type: 'invite', by: userId, userIds }), 'invited');
    await this.sendInvites({ id: groupId, title: reply.title, creatorId: reply.creatorId }, reply.invited);
    return { invited: reply.invited };
  }

  /**
   * Every device of the user follows the group hug from before the join is applied, so the diff
   * that carries it (and every later one) reaches them; the ack is the version and the joiner's
   * entry. A device that had no snapshot reads it once (`group:get`).
   */
  async join(userId: string, groupId: string): Promise<GroupMembership> {
    await this.deps.rooms.join(userRoom(userId), [groupRoom(groupId)]);
    try {
      return await this.membership(groupId, { type: 'join', userId });
    } catch (error) {
      // Refused: only those who joined (or created it) follow a group hug.
      if (error instanceof CommandError) this.deps.rooms.leave(userRoom(userId), [groupRoom(groupId)]);
      throw error;
    }
  }

  decline(userId: string, groupId: string): Promise<GroupMembership> {
    return this.membership(groupId, { type: 'decline', userId });
  }

  async leave(userId: string, groupId: string): Promise<GroupMembership> {
    const membership = await this.membership(groupId, { type: 'leave', userId });
    this.deps.rooms.leave(userRoom(userId), [groupRoom(groupId)]);
    return membership;
  }

  start(userId: string, groupId: string): Promise<GroupHugView> {
    return this.view(groupId, { type: 'start', by: userId });
  }

  cancel(userId: string, groupId: string): Promise<GroupHugView> {
    return this.view(groupId, { type: 'cancel', by: userId });
  }

  get(userId: string, groupId: string): Promise<GroupHugView> {
    return this.view(groupId, { type: 'get', userId });
  }

  /** One tap (limited per connection by the dispatcher, so a flood never reaches the owner). */
  async squeeze(userId: string, groupId: string, intensity: number): Promise<{ accepted: true }> {
    await this.deps.host.squeeze(groupId, userId, intensity);
    return { accepted: true };
  }

  /**
   * `group:open`: the group hugs not yet ended that the caller is in or invited to. The index of
   * each user's group hugs is a hint: each is read from its owner, and one that ended or no longer
   * counts the caller is dropped from the index as it is found.
   */
  async open(userId: string): Promise<OpenGroupHugs> {
    const ids = await this.deps.members.memberOf(userId);
    const views = await Promise.all(
      ids.map(async (groupId) => {
        const view = await this.get(userId, groupId).catch((error: unknown) => {
          if (error instanceof CommandError && (error.code === 'not_found' || error.code === 'forbidden')) return null;
          throw error;
        });
        if (view && view.phase in OPEN_ORDER && (view.participants.includes(userId) || view.invited.includes(userId))) return view;
        await this.deps.members.forgetMember(userId, groupId);
        return null;
      }),
    );
    const groups = views.filter((v): v is GroupHugView => v !== null);
    groups.sort((a, b) => (OPEN_ORDER[a.phase] ?? 3) - (OPEN_ORDER[b.phase] ?? 3) || b.createdAt - a.createdAt);
    return { groups: groups.slice(0, MAX_OPEN_GROUPS) };
  }

  async history(userId: string, before: string | undefined, limit: number): Promise<GroupHistoryPage> {
    const token = before ? parsePageToken(before, 'group:history') : null;
    const rows = await this.deps.groupHugs.history(userId, token && { endedAt: token.at, groupId: token.id }, limit + 1);
    const { items, next } = historyPage(rows, limit, (row) => ({ at: row.endedAt, id: row.groupId }));
    return { summaries: items, next };
  }

  private async view(groupId: string, command: OwnerCommand): Promise<GroupHugView> {
    return replyOfKind(await this.deps.host.command(groupId, command), 'view').view;
  }

  private async membership(groupId: string, command: OwnerCommand): Promise<GroupMembership> {
    return replyOfKind(await this.deps.host.command(groupId, command), 'membership').membership;
  }

  private async assertMayInvite(userId: string, invitees: readonly string[], field: string): Promise<void> {
    for (const invitee of new Set(invitees)) {
      if (invitee === userId) continue;
      try {
        await assertMayHug(this.deps, userId, invitee, field);
      } catch (error) {
        if (error instanceof CommandError) throw new CommandError(error.code, `${invitee}: ${error.message}`, { ...error.details, userId: invitee });
        throw error;
      }
    }
  }

  /** Each new invitee gets an inbox entry (so offline ones learn of it), a live `group:invited` and a notification. */
  private async sendInvites(state: Pick<GroupHugView, 'id' | 'title' | 'creatorId'>, invitees: readonly string[]): Promise<void> {
    const createdAt = this.now();
    const id = `group-invite:${state.id}`;
    const data = { title: state.title, from: state.creatorId };
    await Promise.all(
      invitees.map(async (invitee) => {
        const notification = await this.deps.notifier.prepare(invitee, groupInviteDraft(state.creatorId, state.id, state.title), createdAt);
        const operations = (c: number) => [inboxAppend({ userId: invitee, cursor: c, id, type: 'group-invite', ref: state.id, createdAt, data }), ...(notification?.operations ?? [])];
        const { cursor } = await this.deps.inbox.append(invitee, operations);
        this.deps.rooms.emit(userRoom(invitee), 'group:invited', {
          type: 'group-invite',
          cursor,
          id,
          createdAt,
          invite: { groupId: state.id, ...data },
          at: this.now(),
        });
        if (notification) await this.deps.notifier.announce(notification, entryCursorOf(operations(0), cursor, notification.entryId), false);
      }),
    );
  }
}

/** The owner's reply of the kind this command gets (the kinds are fixed per command type). */
function replyOfKind<K extends OwnerReply['kind']>(reply: OwnerReply, kind: K): Extract<OwnerReply, { kind: K }> {
  if (reply.kind !== kind) throw new Error(`the group hug's owner answered ${reply.kind} where ${kind} was due`);
  return reply as Extract<OwnerReply, { kind: K }>;
}
