import { CommandError } from '../../domain/command-error.js';
import { GroupDraft } from '../../domain/group-hugs/group-draft.js';
import { ListIndex, type ListEdit } from '../../domain/group-hugs/list-index.js';
import {
  type GroupHugCommand,
  type GroupHugDiff,
  type GroupHugRules,
  type GroupHugState,
  nextDeadline,
  refuseTap,
  startingNoticeAt,
  withWarmth,
} from '../../domain/group-hugs/group-hug.js';
import { isFinalPhase } from '../../protocol/group-hug-constants.js';
import { PulseAggregator } from '../../domain/group-hugs/pulse-aggregator.js';
import type { ProtocolError } from '../../protocol/errors.js';
import type { GroupHugSummary, GroupMemberStatus } from '../../protocol/schemas/group-hugs.js';
import type { LogPort } from '../log-port.js';
import type { RoomPort } from '../room-port.js';
import type { GroupHugDirectory, GroupLease } from './group-hug-directory.js';
import { groupRoom, summaryOf } from './group-hug-views.js';
import { StateBroadcaster } from './state-broadcaster.js';

/** What an actor needs from its node. */
export interface GroupHugActorDeps {
  readonly directory: GroupHugDirectory;
  readonly rooms: RoomPort;
  readonly rules: GroupHugRules;
  readonly leaseMs: number;
  /** Pulse period while live (≥ 100 ms); also the shortest time between two `group:state` diffs. */
  readonly pulseMs: number;
  /** How long a finished group hug's snapshot stays readable. */
  readonly retainMs: number;
  readonly log: LogPort;
  readonly now: () => number;
  /** Persists a completed group hug's summary (write-behind, idempotent); resolves once durable. */
  readonly persistSummary: (summary: GroupHugSummary) => Promise<void>;
  /** The actor stopped for good on this node. */
  readonly onStopped: (groupId: string, reason: ActorStopReason) => void;
  /** Tells the participants of a scheduled group hug, `noticeMs` before its time, that it starts soon. */
  readonly startingSoon?: StartingNotice;
}

/** The "starts soon" notice of scheduled group hugs. */
export interface StartingNotice {
  readonly noticeMs: number;
  /** Called once per actor, with the state at the time; what it does is its own affair (it must not throw). */
  readonly notify: (state: GroupHugState) => void;
}

/** Why an actor stopped: its group hug ended, another node fenced it off, or its node shuts down. */
export type ActorStopReason = 'final' | 'fenced' | 'shutdown';

/** One command's outcome: the state after the batch it was applied in, and its own diff. */
export interface ActorOutcome {
  readonly state: GroupHugState;
  readonly diff: GroupHugDiff | null;
  /** Where the command's user stands in `state` (join, leave and decline). */
  readonly status?: GroupMemberStatus;
}

/** The answer to a command that reached a node that does not (or no longer) own the group hug: route again. */
export function notOwner(groupId: string): CommandError {
  return new CommandError('unavailable', `this node does not own group hug ${groupId}`, { reason: 'not_owner' }, 100);
}

/** How many recent command ids an actor remembers, to run a redelivered command once. */
const RECENT_COMMANDS = 2000;

/** Batches whose saves may be on their way at once (each behind the one before, on one connection). */
const MAX_SAVES_IN_FLIGHT = 4;

type Mail =
  | { readonly kind: 'command'; readonly command: GroupHugCommand; resolve(o: ActorOutcome): void; reject(e: unknown): void }
  | { readonly kind: 'tick' };

/**
 * One group hug's actor, on its owner node. It alone changes the state: commands and timers pass
 * through one mailbox, and each batch of changes is saved (fenced by the lease) before anyone
 * hears of it; acknowledged means in the snapshot, so a successor restores it. It renews its lease,
 * broadcasts one diff per batch and the pulses to room `group:{id}`, and folds taps into pulses at a bounded rate.
 */
export class GroupHugActor {
  private readonly mailbox: Mail[] = [];
  /** Batches applied whose completion (save, then answers) has not finished. */
  private inFlight = 0;
  private drainQueued = false;
  /** Resolves once the last batch issued has completed: batches complete in issue order. */
  private completed: Promise<void> = Promise.resolve();
  /** The state with every batch issued so far applied (saved, or its save on the way). */
  private head: GroupHugState;
  /** Bumped by a failed save: batches issued before it learnt of the failure are refused. */
  private epoch = 0;
  private lastFailure: unknown = null;
  private stopped = false;
  private readonly pulses = new PulseAggregator();
  private readonly recent = new Map<string, Promise<ActorOutcome>>();
  private deadlineTimer: ReturnType<typeof setTimeout> | null = null;
  private pulseTimer: ReturnType<typeof setInterval> | null = null;
  private renewTimer: ReturnType<typeof setInterval> | null = null;
  private noticeTimer: ReturnType<typeof setTimeout> | null = null;
  /** Whether this actor gave the "starts soon" notice (a successor may give it again: it is made once per participant). */
  private noticed = false;
  private lastRenewedAt: number;
  /** What the last save stored (`null` after a save that threw: the next one writes it all). */
  private saved: GroupHugState | null;
  /** The participants as a set: taps come by the thousand per second, never scan the list. */
  private members: Set<string>;
  /** The participants list {@link members} holds (it follows each batch's edits). */
  private membersOf: readonly string[];
  /** Membership sets of {@link head}'s lists, moved along by each batch (rebuilt when head went elsewhere). */
  private index: ListIndex | null = null;
  private readonly broadcaster: StateBroadcaster;

  constructor(
    private state: GroupHugState,
    readonly lease: GroupLease,
    private readonly deps: GroupHugActorDeps,
  ) {
    this.lastRenewedAt = performance.now();
    this.saved = state;
    this.head = state;
    this.members = new Set(state.participants);
    this.membersOf = state.participants;
    this.broadcaster = new StateBroadcaster(
      state,
      (diff) => this.deps.rooms.emit(groupRoom(this.id), 'group:state', { groupId: this.id, ...diff, at: this.deps.now() }),
      Math.max(100, deps.pulseMs),
    );
  }

  /** The group hug's id. */
  get id(): string {
    return this.state.id;
  }

  /** The current state (what the last save holds, plus the peak warmth since). */
  get current(): GroupHugState {
    return this.state;
  }

  /**
   * Starts the actor's clocks: lease renewal, the next deadline, pulses while live. A restored
   * actor catches up at once (a countdown that ended while nobody owned it goes live now).
   */
  start(): void {
    const every = Math.max(50, Math.floor(this.deps.leaseMs / 4));
    this.renewTimer = setInterval(() => void this.renew(), every);
    this.post({ kind: 'tick' });
  }

  /**
   * Applies `command` (after every command queued before it) and resolves once it is saved. With
   * `commandId`, a second delivery of the same command (a forward retried after a lost answer)
   * gets the first one's outcome instead of running again.
   */
  execute(command: GroupHugCommand, commandId?: string): Promise<ActorOutcome> {
    if (this.stopped) return Promise.reject(notOwner(this.id));
    const seen = commandId === undefined ? undefined : this.recent.get(commandId);
    if (seen) return seen;
    const outcome = new Promise<ActorOutcome>((resolve, reject) => this.post({ kind: 'command', command, resolve, reject }));
    if (commandId !== undefined) {
      this.recent.set(commandId, outcome);
      // A refusal is not remembered: the same command may be tried again once things change.
      outcome.catch(() => this.recent.delete(commandId));
      if (this.recent.size > RECENT_COMMANDS) this.recent.delete(this.recent.keys().next().value as string);
    }
    return outcome;
  }

  /** Counts a node's pre-aggregated taps; answers each user's verdict (`null` = counted). */
  taps(taps: readonly (readonly [userId: string, intensity: number])[]): Record<string, ProtocolError | null> {
    if (this.stopped) throw notOwner(this.id);
    const verdicts: Record<string, ProtocolError | null> = {};
    for (const [userId, intensity] of taps) {
      const refusal = refuseTap(this.state, userId, this.members);
      verdicts[userId] = refusal ? refusal.toProtocolError() : null;
      if (!refusal) this.pulses.add(userId, intensity);
    }
    return verdicts;
  }

  /** Stops for a node shutdown and hands the lease back, so a successor need not wait for it to expire. */
  async shutdown(): Promise<void> {
    if (this.stopped) return;
    this.stop('shutdown');
    await this.deps.directory.release(this.lease).catch((error: unknown) => this.deps.log.warn({ err: error, groupId: this.id }, 'could not hand back a group hug lease'));
  }

  /** Mail posted in one turn shares a batch: the drain runs once the turn's synchronous work is done. */
  private post(mail: Mail): void {
    this.mailbox.push(mail);
    if (this.drainQueued) return;
    this.drainQueued = true;
    queueMicrotask(() => {
      this.drainQueued = false;
      this.drain();
    });
  }

  /**
   * Starts batches while fewer than {@link MAX_SAVES_IN_FLIGHT} saves are on their way: a batch is
   * applied to the head (every batch issued so far) and its save goes out at once, behind the
   * others on the same connection, so a burst of joins waits for one save instead of a queue of them.
   * Batches complete in the order they were issued.
   */
  private drain(): void {
    while (this.mailbox.length > 0 && !this.stopped && this.inFlight < MAX_SAVES_IN_FLIGHT) {
      this.inFlight += 1;
      const done = this.runBatch(this.mailbox.splice(0));
      void done.finally(() => {
        this.inFlight -= 1;
        if (this.stopped) this.failQueued();
        else this.drain();
      });
    }
    if (this.stopped) this.failQueued();
  }

  /**
   * Applies a batch of mail to the head, saves once (group commit), and once every earlier batch
   * completed, tells everyone. A save that fails fails its batch and every batch issued after it
   * (they were built on it): their commands are refused and the head goes back to what is saved.
   */
  private async runBatch(batch: Mail[]): Promise<void> {
    const now = this.deps.now();
    const epoch = this.epoch;
    const base = this.head;
    // One draft for the batch, over the index the last batch left: K joins cost O(K) in set operations, whatever the group's size.
    const index = this.index?.describes(base) ? this.index : ListIndex.of(base);
    const draft = new GroupDraft(base, index);
    const results: { mail: Extract<Mail, { kind: 'command' }>; diff: GroupHugDiff | null; error?: unknown; status?: GroupMemberStatus }[] = [];
    for (const mail of batch) {
      if (mail.kind === 'tick') {
        for (let guard = 0; guard < 5 && draft.advance(now, this.deps.rules); guard += 1);
        continue;
      }
      try {
        results.push({ mail, diff: draft.decide(mail.command, now, this.deps.rules) });
      } catch (error) {
        results.push({ mail, diff: null, error });
      }
    }
    const state = draft.state;
    const changed = state !== base;
    for (const r of results) if (r.error === undefined && 'userId' in r.mail.command) r.status = draft.statusOf(r.mail.command.userId);
    const edits = draft.listEdits();
    index.moveTo(base, state, edits);
    this.index = index;
    if (changed) this.head = state;
    const save = changed ? this.write(state).then((saved) => ({ saved }), (error: unknown) => ({ error })) : null;
    const previous = this.completed;
    let release = () => undefined as void;
    this.completed = new Promise<void>((resolve) => (release = resolve));
    try {
      await previous;
      const outcome = save ? await save : null;
      if (this.epoch !== epoch || (outcome && 'error' in outcome)) {
        // Not saved (or built on a save that failed), so not applied: every command of the batch fails.
        const error = outcome && 'error' in outcome ? outcome.error : this.lastFailure;
        if (this.epoch === epoch) this.breakChain(error);
        for (const r of results) r.mail.reject(error);
        this.schedule();
        return;
      }
      if (outcome && !outcome.saved) {
        for (const r of results) r.mail.reject(notOwner(this.id));
        this.stop('fenced');
        return;
      }
      if (changed) {
        this.lastRenewedAt = performance.now();
        const before = this.state;
        // Pulses may have raised the peak while the save was on its way: keep it (the renewal saves it).
        this.state = withWarmth(state, before.peakWarmth);
        // The edits are from the batch's base: they apply to what is saved only when that is the base.
        this.followMembers(before.participants, state.participants, before.participants === base.participants ? edits.participants : undefined);
        // At most one diff per pulse period, whatever the batches: a phase change goes at once.
        this.broadcaster.changed(state);
      }
      for (const r of results) {
        if (r.error === undefined) r.mail.resolve({ state: this.state, diff: r.diff, ...(r.status ? { status: r.status } : {}) });
        else r.mail.reject(r.error);
      }
      if (isFinalPhase(this.state.phase)) await this.finish();
      else this.schedule();
    } finally {
      release();
    }
  }

  /** Moves {@link members} from the participants `from` to `to`, by `edit` when it holds `from` (else reads `to`). */
  private followMembers(from: readonly string[], to: readonly string[], edit: ListEdit | undefined): void {
    if (from === to && this.membersOf === to) return;
    if (this.membersOf === from && edit) {
      for (const id of edit.removed) this.members.delete(id);
      for (const id of edit.added) this.members.add(id);
    } else this.members = new Set(to);
    this.membersOf = to;
  }

  /** After a failed write: batches issued before now are refused, and the head goes back to what is saved. */
  private breakChain(error: unknown): void {
    this.epoch += 1;
    this.lastFailure = error;
    this.head = this.state;
  }

  /**
   * Saves `state` (as a change to what the last write stored, when that is known) and extends the
   * lease. Writes land in the order they are issued (one connection), so each change follows the
   * one issued before it, even when a renewal and a batch overlap.
   */
  private async write(state: GroupHugState): Promise<boolean> {
    const since = this.saved;
    this.saved = state;
    try {
      return await this.deps.directory.save(this.lease, state, this.deps.leaseMs, since ?? undefined);
    } catch (error) {
      // Landed or not: the next write stores the whole state.
      this.saved = null;
      throw error;
    }
  }

  /** Sets the timers the current phase needs. */
  private schedule(): void {
    if (this.stopped) return;
    if (this.deadlineTimer) clearTimeout(this.deadlineTimer);
    this.deadlineTimer = null;
    const deadline = nextDeadline(this.state, this.deps.rules);
    if (deadline !== null) {
      this.deadlineTimer = setTimeout(() => this.post({ kind: 'tick' }), Math.max(0, deadline - this.deps.now()));
    }
    this.scheduleNotice();
    if (this.state.phase === 'live' && !this.pulseTimer) {
      this.pulseTimer = setInterval(() => this.pulse(), Math.max(100, this.deps.pulseMs));
    } else if (this.state.phase !== 'live' && this.pulseTimer) {
      clearInterval(this.pulseTimer);
      this.pulseTimer = null;
    }
  }

  /** Sets the timer of the "starts soon" notice, once, when the state has one to give. */
  private scheduleNotice(): void {
    const notice = this.deps.startingSoon;
    if (!notice || this.noticed || this.noticeTimer) return;
    const at = startingNoticeAt(this.state, notice.noticeMs);
    if (at === null) return;
    this.noticeTimer = setTimeout(() => {
      this.noticeTimer = null;
      this.giveNotice(notice);
    }, Math.max(0, at - this.deps.now()));
  }

  /** Tells the participants, unless the group hug went live (or ended, or was rescheduled past now) meanwhile. */
  private giveNotice(notice: StartingNotice): void {
    if (this.stopped || this.noticed) return;
    const at = startingNoticeAt(this.state, notice.noticeMs);
    if (at === null) return;
    if (at > this.deps.now()) return this.scheduleNotice();
    this.noticed = true;
    notice.notify(this.state);
  }

  private pulse(): void {
    if (this.stopped || this.state.phase !== 'live') return;
    // Woken from a pause longer than the lease (a frozen process, a stalled VM): another node may own
    // the group hug now. Say nothing until a renewal proves the lease is still ours.
    if (performance.now() - this.lastRenewedAt > this.deps.leaseMs) {
      void this.renew();
      return;
    }
    const pulse = this.pulses.flush(this.state.participants.length);
    if (!pulse) return;
    this.state = withWarmth(this.state, pulse.warmth);
    this.head = withWarmth(this.head, pulse.warmth);
    const t = this.deps.now();
    this.deps.rooms.emit(groupRoom(this.id), 'group:pulse', { groupId: this.id, warmth: pulse.warmth, participantsSqueezing: pulse.participantsSqueezing, t, at: t });
  }

  /**
   * The end: the summary goes to write-behind (a completed one), then the directory retires the
   * group hug. A successor that restores a final-but-not-retired snapshot runs this again; both
   * steps are idempotent.
   */
  private async finish(): Promise<void> {
    // Fenced off or shut down meanwhile: the successor finishes it.
    if (this.stopped) return;
    const state = this.state;
    try {
      if (state.phase === 'complete') {
        const summary = summaryOf(state);
        await this.deps.persistSummary(summary);
        this.deps.rooms.emit(groupRoom(state.id), 'group:complete', { groupId: state.id, summary, at: this.deps.now() });
      }
      const retired = await this.deps.directory.retire(this.lease, state, this.deps.retainMs);
      this.stop(retired ? 'final' : 'fenced');
    } catch (error) {
      // The lease stays ours: try again shortly (or a successor will).
      this.deps.log.warn({ err: error, groupId: state.id }, 'finishing a group hug failed; retrying');
      setTimeout(() => void this.finish(), 500);
    }
  }

  private async renew(): Promise<void> {
    if (this.stopped) return;
    const started = performance.now();
    try {
      // With a batch on its way, its save carries the warmth (and a write now could land an older state after it).
      const warmer = this.inFlight === 0 && (this.saved === null || this.state.peakWarmth > this.saved.peakWarmth);
      const ok = warmer ? await this.write(this.state) : await this.deps.directory.renew(this.lease, this.deps.leaseMs);
      if (!ok) return this.stop('fenced');
      this.lastRenewedAt = started;
    } catch (error) {
      this.deps.log.warn({ err: error, groupId: this.id }, 'group hug lease renewal failed');
      // A failed write may or may not have landed: batches issued behind it are refused.
      this.breakChain(error);
      // Unrenewed for a whole lease: another node may own it now. Step down before it can act.
      if (performance.now() - this.lastRenewedAt > this.deps.leaseMs) this.stop('fenced');
    }
  }

  private stop(reason: ActorStopReason): void {
    if (this.stopped) return;
    this.stopped = true;
    if (this.deadlineTimer) clearTimeout(this.deadlineTimer);
    if (this.pulseTimer) clearInterval(this.pulseTimer);
    if (this.renewTimer) clearInterval(this.renewTimer);
    if (this.noticeTimer) clearTimeout(this.noticeTimer);
    // What was saved under our lease is told; after a fence, the successor speaks for the group hug.
    if (reason === 'fenced') this.broadcaster.cancel();
    else this.broadcaster.flush();
    this.failQueued();
    if (reason === 'fenced') this.deps.log.warn({ groupId: this.id, token: this.lease.token }, 'group hug lease lost: another node owns it now');
    this.deps.onStopped(this.id, reason);
  }

  private failQueued(): void {
    for (const mail of this.mailbox.splice(0)) if (mail.kind === 'command') mail.reject(notOwner(this.id));
  }
}
