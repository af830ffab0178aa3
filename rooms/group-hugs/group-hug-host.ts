import { randomUUID } from 'node:crypto';
import { CommandError } from '../../domain/command-error.js';
import { canView, createGroupHug, notMember, refuseTap, type GroupHugState, type NewGroupHug } from '../../domain/group-hugs/group-hug.js';
import { decide } from '../../domain/group-hugs/group-draft.js';
import type { GroupHugView } from '../../protocol/schemas/group-hugs.js';
import type { ProtocolError } from '../../protocol/errors.js';
import { NodeRequestTimeoutError, type NodeRequests } from '../cluster/node-requests.js';
import { type ActorOutcome, GroupHugActor, type GroupHugActorDeps, notOwner } from './group-hug-actor.js';
import type { AcquireResult } from './group-hug-directory.js';
import { toGroupView } from './group-hug-views.js';
import { type OwnerCommand, type OwnerReply, replyTo } from './owner-reply.js';
import { CommandBatcher, type ForwardedCommand, type ForwardedOutcome } from './command-batcher.js';
import { TapBatcher } from './tap-batcher.js';

/** The node methods group hugs use, over the one node-to-node request mechanism. */
export type GroupNodeMethods = {
  /** One command (as nodes of the previous version forward them; still answered). */
  'group.command': { body: { groupId: string; commandId: string; command: OwnerCommand }; result: OwnerReply };
  /** The commands a node forwards to one group hug within one turn, answered each in order. */
  'group.commands': { body: { groupId: string; commands: ForwardedCommand[] }; result: ForwardedOutcome[] };
  'group.taps': { body: { groupId: string; taps: [string, number][] }; result: Record<string, ProtocolError | null> };
};

/** What a {@link GroupHugHost} is built from. */
export interface GroupHugHostDeps extends Omit<GroupHugActorDeps, 'onStopped'> {
  readonly nodeId: string;
  readonly requests: NodeRequests<GroupNodeMethods>;
  /** How long a forwarded command may wait for the owner before routing again. */
  readonly forwardTimeoutMs: number;
  readonly tapBatchMs: number;
  /** How often to look for group hugs whose owner died. */
  readonly sweepMs: number;
  /** Counts actors taken over from another node (for metrics). */
  readonly onTakeover?: (groupId: string, token: number) => void;
}

/** How long a forwarding node trusts the owner that last answered before asking the directory again. */
const OWNER_HINT_MS = 1000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * This node's part in running group hugs. It hosts the actors it owns, and routes every command to
 * its group hug's owner: to a local actor, over a node request to the owner, or, when the owner's
 * lease has expired (it died), by taking the lease with a higher fencing token and restoring the
 * last snapshot here. A sweeper does the same for group hugs nobody sends commands to, so a live
 * group hug keeps pulsing and ends on time after its owner's death.
 */
export class GroupHugHost {
  private readonly actors = new Map<string, GroupHugActor>();
  private readonly restoring = new Map<string, Promise<GroupHugActor | Exclude<AcquireResult, { kind: 'acquired' }>>>();
  private readonly taps: TapBatcher;
  private readonly forwards: CommandBatcher;
  private readonly owners = new Map<string, { owner: string; until: number }>();
  private sweepTimer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;

  constructor(private readonly deps: GroupHugHostDeps) {
    this.taps = new TapBatcher(deps.tapBatchMs, (groupId, taps) => this.routeTaps({ groupId, taps }, true));
    this.forwards = new CommandBatcher((groupId, commands) => this.route(groupId, (a) => this.onActorAll(a, commands), 'group.commands', { groupId, commands }, true));
    deps.requests.handle('group.command', (body) => this.route(body.groupId, (a) => this.onActor(a, body.command, body.commandId), 'group.command', body, false));
    deps.requests.handle('group.commands', (body) => this.route(body.groupId, (a) => this.onActorAll(a, body.commands), 'group.commands', body, false));
    deps.requests.handle('group.taps', (body) => this.routeTaps(body, false));
  }

  /** How many actors this node runs. */
  get actorCount(): number {
    return this.actors.size;
  }

  /** Starts sweeping for orphans. */
  start(): void {
    const sweep = async () => {
      if (this.closed) return;
      await this.sweep().catch((error: unknown) => this.deps.log.warn({ err: error }, 'group hug sweep failed'));
      // Jittered, so the nodes do not all race for the same orphan at the same instant.
      if (!this.closed) this.sweepTimer = setTimeout(() => void sweep(), this.deps.sweepMs * (0.75 + Math.random() * 0.5));
    };
    this.sweepTimer = setTimeout(() => void sweep(), this.deps.sweepMs);
  }

  /**
   * Creates a group hug owned by this node. Returns it with `created: false` when its id exists
   * (a retry of the same create), as its creator sees it now.
   */
  async create(input: NewGroupHug): Promise<{ view: GroupHugView; created: boolean }> {
    const state = createGroupHug(input, this.deps.now(), this.deps.rules);
    const lease = await this.deps.directory.create(state, this.deps.nodeId, this.deps.leaseMs);
    if (lease) {
      this.host(new GroupHugActor(state, lease, this.actorDeps()));
      return { view: toGroupView(state), created: true };
    }
    const existing = await this.command(input.id, { type: 'get', userId: input.creatorId });
    if (existing.kind !== 'view') throw new Error(`group hug ${input.id}: a read was answered with ${existing.kind}`);
    return { view: existing.view, created: false };
  }

  /**
   * Runs `command` on the group hug's owner, wherever it is. It carries one id however often it is
   * forwarded, so an owner that gets it twice (an answer lost to a timeout) runs it once.
   */
  command(groupId: string, command: OwnerCommand): Promise<OwnerReply> {
    const commandId = randomUUID();
    // Owned here: straight to the actor. Elsewhere: with the other commands of this turn, in one message.
    if (this.actors.has(groupId)) return this.route(groupId, (a) => this.onActor(a, command, commandId), 'group.command', { groupId, commandId, command }, true);
    return this.forwards.add(groupId, { commandId, command });
  }

  /** Counts one squeeze (pre-aggregated on this node); resolves once the owner counted it. */
  squeeze(groupId: string, userId: string, intensity: number): Promise<void> {
    return this.taps.add(groupId, userId, intensity);
  }

  /** Hands back every lease (graceful shutdown) and stops sweeping. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.sweepTimer) clearTimeout(this.sweepTimer);
    await this.taps.flushAll();
    await Promise.all([...this.actors.values()].map((a) => a.shutdown()));
  }

  private async onActor(actor: GroupHugActor, command: OwnerCommand, commandId: string): Promise<OwnerReply> {
    if (command.type !== 'get') return replyTo(command, await actor.execute(command, commandId));
    return replyTo(command, viewFor(actor.current, command.userId));
  }

  /**
   * Runs forwarded commands on the actor (they share its next batch) and answers each. If the actor
   * stopped meanwhile, the whole message is routed again (each command runs once by its id).
   */
  private async onActorAll(actor: GroupHugActor, commands: readonly ForwardedCommand[]): Promise<ForwardedOutcome[]> {
    const settled = await Promise.allSettled(commands.map((c) => this.onActor(actor, c.command, c.commandId)));
    const lost = settled.find((s) => s.status === 'rejected' && isNotOwner(s.reason));
    if (lost) throw notOwner(actor.id);
    return settled.map((s) => {
      if (s.status === 'fulfilled') return { ok: s.value };
      if (s.reason instanceof CommandError) return { error: s.reason.toProtocolError() };
      throw s.reason;
    });
  }

  private routeTaps(body: GroupNodeMethods['group.taps']['body'], forward: boolean): Promise<GroupNodeMethods['group.taps']['result']> {
    return this.route(body.groupId, (a) => Promise.resolve(a.taps(body.taps)), 'group.taps', body, forward);
  }

  /**
   * Finds the owner and runs `local` there: here, on the owner through a node request, or here
   * after taking over an expired lease. With `forward` false (a request forwarded to us) it never
   * forwards again, so two nodes cannot bounce a command between them.
   */
  private async route<R, K extends keyof GroupNodeMethods>(
    groupId: string,
    local: (actor: GroupHugActor) => Promise<R>,
    method: K,
    body: GroupNodeMethods[K]['body'],
    forward: boolean,
  ): Promise<R> {
    const deadline = performance.now() + this.deps.leaseMs * 2 + this.deps.forwardTimeoutMs;
    for (let attempt = 0; ; attempt += 1) {
      if (attempt > 0) {
        if (performance.now() > deadline) throw new CommandError('unavailable', 'the group hug is changing owner; try again', { reason: 'owner_unreachable' }, 500);
        await sleep(Math.min(250, 25 * 2 ** attempt));
      }
      const hint = forward && attempt === 0 ? this.ownerHint(groupId) : null;
      const here = this.actors.get(groupId) ?? hint ?? (await this.acquire(groupId, method, body));
      if (here instanceof GroupHugActor) {
        try {
          return await local(here);
        } catch (error) {
          if (isNotOwner(error)) continue;
          throw error;
        }
      }
      if (here.kind !== 'held') return here.answer as R;
      if (!forward) throw notOwner(groupId);
      try {
        const answer = (await this.deps.requests.request(here.owner, method, body, this.deps.forwardTimeoutMs)) as R;
        if (this.owners.size > 10_000) this.owners.clear();
        this.owners.set(groupId, { owner: here.owner, until: performance.now() + OWNER_HINT_MS });
        return answer;
      } catch (error) {
        // The owner is silent (dead, its lease not yet expired) or just lost the lease: route again.
        this.owners.delete(groupId);
        if (error instanceof NodeRequestTimeoutError || isNotOwner(error)) continue;
        throw error;
      }
    }
  }

  /**
   * The owner that answered the last forwarded command, if recent: the next one goes straight to it
   * without asking the directory. A wrong hint costs one `not_owner` answer (or one timeout, as
   * asking the directory would while a dead owner's lease runs out).
   */
  private ownerHint(groupId: string): { kind: 'held'; owner: string } | null {
    const hint = this.owners.get(groupId);
    if (!hint) return null;
    if (hint.until < performance.now()) {
      this.owners.delete(groupId);
      return null;
    }
    return { kind: 'held', owner: hint.owner };
  }

  /** Takes the lease if it is free, or says who holds it, or answers from the final snapshot. */
  private async acquire<K extends keyof GroupNodeMethods>(
    groupId: string,
    method: K,
    body: GroupNodeMethods[K]['body'],
  ): Promise<GroupHugActor | { kind: 'held'; owner: string } | { kind: 'answered'; answer: unknown }> {
    const result = await this.takeOver(groupId);
    if (result instanceof GroupHugActor) return result;
    switch (result.kind) {
      case 'held':
        return { kind: 'held', owner: result.owner };
      case 'missing':
        throw new CommandError('not_found', 'no such group hug', { field: 'groupId' });
      case 'final':
        return { kind: 'answered', answer: answerFinal(result.state, method, body, this.deps.now()) };
    }
  }

  /**
   * One attempt to take over `groupId`, shared by concurrent callers: the restored actor, or why
   * not (held by a live owner, final, missing).
   */
  private takeOver(groupId: string): Promise<GroupHugActor | Exclude<AcquireResult, { kind: 'acquired' }>> {
    const existing = this.actors.get(groupId);
    if (existing) return Promise.resolve(existing);
    let pending = this.restoring.get(groupId);
    if (!pending) {
      pending = this.restore(groupId).finally(() => this.restoring.delete(groupId));
      this.restoring.set(groupId, pending);
    }
    return pending;
  }

  private async restore(groupId: string): Promise<GroupHugActor | Exclude<AcquireResult, { kind: 'acquired' }>> {
    const result = await this.deps.directory.acquire(groupId, this.deps.nodeId, this.deps.leaseMs);
    if (result.kind !== 'acquired') return result;
    const actor = new GroupHugActor(result.state, result.lease, this.actorDeps());
    this.host(actor);
    if (result.lease.token > 1) {
      this.deps.log.info({ groupId, token: result.lease.token, phase: result.state.phase, version: result.state.version }, 'took over a group hug');
      this.deps.onTakeover?.(groupId, result.lease.token);
    }
    return actor;
  }

  private host(actor: GroupHugActor): void {
    this.actors.set(actor.id, actor);
    actor.start();
  }

  private actorDeps(): GroupHugActorDeps {
    return {
      ...this.deps,
      onStopped: (groupId) => {
        this.actors.delete(groupId);
      },
    };
  }

  private async sweep(): Promise<void> {
    for (const groupId of await this.deps.directory.orphans(20)) {
      if (this.closed) return;
      if (!this.actors.has(groupId)) await this.takeOver(groupId);
    }
  }
}

/** A `get`: the state, for those who may see it. */
function viewFor(state: GroupHugState, userId: string): ActorOutcome {
  if (!canView(state, userId)) throw notMember();
  return { state, diff: null };
}

function isNotOwner(error: unknown): boolean {
  return error instanceof CommandError && error.code === 'unavailable' && error.details?.reason === 'not_owner';
}

/** A command on a finished group hug needs no owner: reads answer from the final snapshot, the rest are refused by the rules. */
function answerFinal<K extends keyof GroupNodeMethods>(state: GroupHugState, method: K, body: GroupNodeMethods[K]['body'], now: number): unknown {
  switch (method) {
    case 'group.taps': {
      const { taps } = body as GroupNodeMethods['group.taps']['body'];
      const members = new Set(state.participants);
      return Object.fromEntries(taps.map(([userId]) => [userId, refuseTap(state, userId, members)?.toProtocolError() ?? null]));
    }
    case 'group.command':
      return answerFinalCommand(state, (body as GroupNodeMethods['group.command']['body']).command, now);
    case 'group.commands':
      return (body as GroupNodeMethods['group.commands']['body']).commands.map((c): ForwardedOutcome => {
        try {
          return { ok: answerFinalCommand(state, c.command, now) };
        } catch (error) {
          if (error instanceof CommandError) return { error: error.toProtocolError() };
          throw error;
        }
      });
  }
}

function answerFinalCommand(state: GroupHugState, command: OwnerCommand, now: number): OwnerReply {
  if (command.type === 'get') return replyTo(command, viewFor(state, command.userId));
  // The rules refuse every change of a final group hug, each with its proper error.
  const step = decide(state, command, now, { leadMs: 0, emptyTimeoutMs: 0, maxMembers: Number.MAX_SAFE_INTEGER });
  return replyTo(command, { state: step?.state ?? state, diff: null });
}
