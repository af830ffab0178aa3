import { isFinalPhase } from '../../../protocol/group-hug-constants.js';
import type { GroupHistoryPage, GroupHugView, GroupInvite, GroupInviteResult, GroupMembership } from '../../../protocol/types/group-hugs.js';
import type { Commands } from '../commands.js';
import type { ClientSocket, Connection } from '../connection/connection.js';
import { randomId } from '../device-id.js';
import { Emitter, type Unsubscribe } from '../emitter.js';
import type { HugsApi } from '../hugs/hugs.js';
import type { Logger } from '../logger.js';
import { GroupHug, type GroupHugLink } from './group-hug.js';

/** How long a join waits for its own diff before it reads the snapshot instead. */
const CATCH_UP_MS = 1000;

/** Options of {@link GroupHugsApi.create}. */
export interface CreateGroupHugOptions {
  readonly title: string;
  /** Friends to invite (each must accept hugs from you). */
  readonly invitees?: readonly string[];
  /** Start by itself at this server time (epoch ms); `client.clock.now()` gives server time. */
  readonly scheduledAt?: number;
  /** The live part, 3 s to 10 min. Default 30 s. */
  readonly durationMs?: number;
  /** Your own idempotency key; one is generated per call otherwise. */
  readonly clientId?: string;
}

/** What the group hugs API reports. */
export interface GroupHugsEvents {
  /** You were invited to a group hug (live, or from the inbox after a reconnect; once each). */
  invited: [invite: GroupInvite & { readonly cursor: number }];
}

/**
 * Group hugs: create one and invite friends, join, squeeze together while live, and follow each
 * one through a {@link GroupHug} handle. After a reconnect the SDK rejoins the group hugs you were
 * in and refreshes their state.
 *
 * @example
 * ```ts
 * const group = await client.groupHugs.create({ title: 'Friday hug', invitees: [ana, ben] });
 * client.groupHugs.on('invited', ({ groupId }) => showInvite(groupId));
 * await client.groupHugs.start(group.id);
 * group.on('pulse', ({ warmth }) => glow(warmth));
 * ```
 */
export class GroupHugsApi {
  private readonly handles = new Map<string, GroupHug>();
  private readonly events: Emitter<GroupHugsEvents>;
  private readonly link: GroupHugLink;

  /** @internal */
  constructor(
    private readonly commands: Commands,
    connection: Connection,
    hugs: HugsApi,
    clockNow: () => number,
    private readonly logger: Logger,
  ) {
    this.events = new Emitter((error) => logger.error('a group hugs listener threw', { error }));
    this.link = {
      clockNow,
      refresh: (groupId) => void this.get(groupId).catch((error: unknown) => logger.warn('refreshing a group hug failed', { error, groupId })),
      squeeze: (groupId, intensity) => this.squeeze(groupId, intensity),
      logger,
    };
    hugs.routeGroupInvites((entry) => this.events.emit('invited', { ...entry.invite, cursor: entry.cursor }));
    this.bind(connection.socket);
    connection.events.on('connected', ({ reconnect }) => {
      if (reconnect) void this.rejoin();
    });
  }

  /**
   * Creates a group hug in `gathering`, with you as creator and first participant; invitees get
   * an invitation. Safe to retry with the same `clientId`.
   * @example
   * ```ts
   * const group = await client.groupHugs.create({ title: 'Exam week', invitees: friendIds, durationMs: 20_000 });
   * ```
   */
  async create(options: CreateGroupHugOptions): Promise<GroupHug> {
    const view = await this.commands.send('group:create', {
      title: options.title,
      invitees: [...(options.invitees ?? [])],
      clientId: options.clientId ?? `g_${randomId(22)}`,
      // Server time to the millisecond: `client.clock.now()` has a fraction, the wire takes whole ms.
      ...(options.scheduledAt === undefined ? {} : { scheduledAt: Math.round(options.scheduledAt) }),
      ...(options.durationMs === undefined ? {} : { durationMs: options.durationMs }),
    });
    return this.track(view, true);
  }

  /**
   * Invites more friends (creator only). Resolves with those newly invited.
   * @example
   * ```ts
   * const { invited } = await client.groupHugs.invite(group.id, [cleo]);
   * ```
   */
  invite(groupId: string, userIds: readonly string[]): Promise<GroupInviteResult> {
    return this.commands.send('group:invite', { groupId, userIds: [...userIds] });
  }

  /**
   * Joins a group hug you were invited to, and follows it. The join's answer is small (the
   * version and your entry); the handle's state is the full snapshot, read once when this client
   * starts following the group hug and kept current by diffs after that.
   * @example
   * ```ts
   * const group = await client.groupHugs.join(invite.groupId);
   * ```
   */
  async join(groupId: string): Promise<GroupHug> {
    return this.follow(await this.commands.send('group:join', { groupId }));
  }

  /**
   * Declines an invitation. Resolves with your entry and where the group hug stands.
   * @example
   * ```ts
   * await client.groupHugs.decline(invite.groupId);
   * ```
   */
  async decline(groupId: string): Promise<GroupMembership> {
    return this.unfollow(await this.commands.send('group:decline', { groupId }));
  }

  /**
   * Leaves a group hug (you may join again while it lasts). Resolves with your entry
   * (`invited` again) and where the group hug stands.
   * @example
   * ```ts
   * await client.groupHugs.leave(group.id);
   * ```
   */
  async leave(groupId: string): Promise<GroupMembership> {
    return this.unfollow(await this.commands.send('group:leave', { groupId }));
  }

  /**
   * Starts the countdown (creator only): every device gets the same `startsAt`.
   * @example
   * ```ts
   * const group = await client.groupHugs.start(id);
   * console.info('live in', group.timeline?.msUntilStart(), 'ms');
   * ```
   */
  async start(groupId: string): Promise<GroupHug> {
    return this.track(await this.commands.send('group:start', { groupId }));
  }

  /**
   * Cancels the group hug (creator only).
   * @example
   * ```ts
   * await client.groupHugs.cancel(group.id);
   * ```
   */
  async cancel(groupId: string): Promise<GroupHug> {
    return this.track(await this.commands.send('group:cancel', { groupId }));
  }

  /**
   * The current snapshot of a group hug you created, joined or were invited to.
   * @example
   * ```ts
   * const group = await client.groupHugs.get(invite.groupId);
   * ```
   */
  async get(groupId: string): Promise<GroupHug> {
    return this.track(await this.commands.send('group:get', { groupId }));
  }

  /**
   * The group hugs not yet ended that you are in or invited to (and did not decline), from any of
   * your devices: live first, then counting down, then gathering. Each is a handle with its current
   * state; `join` one to follow it live on this device.
   * @example
   * ```ts
   * for (const group of await client.groupHugs.open()) showCard(group.state.title, group.state.phase);
   * ```
   */
  async open(): Promise<readonly GroupHug[]> {
    const { groups } = await this.commands.send('group:open', {});
    return groups.map((view) => this.track(view));
  }

  /**
   * One squeeze while live, `intensity` 0..1.
   * @example
   * ```ts
   * await client.groupHugs.squeeze(group.id, 0.7);
   * ```
   */
  async squeeze(groupId: string, intensity: number): Promise<void> {
    await this.commands.send('group:squeeze', { groupId, intensity });
  }

  /**
   * Completed group hugs you took part in, newest first.
   * @example
   * ```ts
   * const { summaries, next } = await client.groupHugs.history({ limit: 10 });
   * ```
   */
  history(options: { readonly before?: string; readonly limit?: number } = {}): Promise<GroupHistoryPage> {
    return this.commands.send('group:history', { ...(options.before ? { before: options.before } : {}), limit: options.limit ?? 50 });
  }

  /**
   * Listens for invitations.
   * @example
   * ```ts
   * client.groupHugs.on('invited', ({ groupId, title, from }) => notify(`${from} invites you to ${title}`));
   * ```
   */
  on<K extends keyof GroupHugsEvents>(event: K, listener: (...args: GroupHugsEvents[K]) => void): Unsubscribe {
    return this.events.on(event, listener);
  }

  /**
   * The handle of a group hug this client follows, if any.
   * @example
   * ```ts
   * client.groupHugs.handle(id)?.state.phase;
   * ```
   */
  handle(groupId: string): GroupHug | undefined {
    return this.handles.get(groupId);
  }

  private track(view: GroupHugView, member?: boolean): GroupHug {
    let handle = this.handles.get(view.id);
    if (!handle) {
      handle = new GroupHug(view, this.link);
      this.handles.set(view.id, handle);
    } else handle.replace(view);
    if (member !== undefined) handle.member = member;
    return handle;
  }

  /**
   * After a join: the handle, caught up to the join's version. A group hug this client did not
   * follow yet is read once (its snapshot); one it follows gets the join's diff through the room,
   * and only if that does not come soon is the snapshot read again.
   */
  private async follow(membership: GroupMembership): Promise<GroupHug> {
    const handle = this.handles.get(membership.groupId);
    if (!handle) return this.track(await this.commands.send('group:get', { groupId: membership.groupId }), true);
    handle.member = true;
    if (!(await handle.reached(membership.version, CATCH_UP_MS))) handle.replace(await this.commands.send('group:get', { groupId: handle.id }));
    return handle;
  }

  private unfollow(membership: GroupMembership): GroupMembership {
    const handle = this.handles.get(membership.groupId);
    if (handle) handle.member = false;
    return membership;
  }

  /** After a reconnect: rejoin every group hug still running that this client was in, and read what was missed. */
  private async rejoin(): Promise<void> {
    for (const handle of this.handles.values()) {
      if (!handle.member || isFinalPhase(handle.state.phase)) continue;
      try {
        await this.commands.send('group:join', { groupId: handle.id });
        handle.replace(await this.commands.send('group:get', { groupId: handle.id }));
      } catch (error) {
        this.logger.warn('rejoining a group hug after reconnecting failed', { error, groupId: handle.id });
      }
    }
  }

  private bind(socket: ClientSocket): void {
    socket.on('group:state', (diff) => this.handles.get(diff.groupId)?.apply(diff));
    socket.on('group:pulse', (pulse) => this.handles.get(pulse.groupId)?.pulse(pulse));
    socket.on('group:complete', ({ groupId, summary }) => this.handles.get(groupId)?.complete(summary));
  }
}
