import { CommandError } from '../../domain/command-error.js';
import type { HugKindId } from '../../protocol/hug-kinds.js';
import type { HugAckResult, HugHistoryPage, HugReadResult, HugSendResult, HugUnreadPage } from '../../protocol/schemas/hugs.js';
import type { HugContext } from '../../protocol/types/hugs.js';
import type { HistoryPosition, HugRecord, HugRepository } from '../../persistence/store/hug-repository.js';
import type { FreshHugReads } from '../../persistence/write-behind/read-your-writes.js';
import { hugCreate, hugDelivered, hugRead, inboxAppend } from '../../persistence/write-behind/write-operation.js';
import type { CommandSteps, StepCharge, StepOutcome } from '../command-steps/command-step.js';
import { entryCursorOf, UNASSIGNED_CURSOR } from '../command-steps/step-operations.js';
import { hugDraft } from '../notifications/notification-drafts.js';
import type { Notifier, PreparedNotification } from '../notifications/notifier.js';
import { rateLimited } from '../command-steps/step-refusal.js';
import type { InboxAppender } from '../inbox/inbox-appender.js';
import { historyPage, parsePageToken } from '../page-token.js';
import { userRoom } from '../room-names.js';
import type { RoomPort } from '../room-port.js';
import { fingerprintOf, hugIdFor } from '../command-ids.js';
import { assertMayHug, type HugPermissionDeps } from './hug-permission.js';
import { toHug } from './hug-views.js';

/**
 * How long a hug request's idempotency key and its answer stay in memory (they are few). Longer
 * replays (the promise is 24 h, and holds as long as the hug is stored) are answered from the store.
 */
export const IDEMPOTENCY_TTL_MS = 15 * 60 * 1000;

/**
 * The replay window of the hot path when none is given: how long a send's claim and the `once`
 * marker of a read receipt are kept. They only have to cover the time a hug's writes can be
 * pending: after that the store answers a replay (ids are derived from (sender, `clientId`), and the
 * stored fingerprint tells a retry from a reused key). The server passes
 * `max(60 s, 2 × QUEUE_LAG_BOUND_MS)`.
 */
export const DEFAULT_REPLAY_WINDOW_MS = 60 * 1000;

/** What {@link HugService} is built from. */
export interface HugServiceDeps extends HugPermissionDeps {
  /** Hugs with acknowledged writes laid over the store (read-your-writes). */
  readonly hugs: FreshHugReads;
  /** The store's own hugs: a send whose idempotency key has expired is answered from here. */
  readonly storedHugs: HugRepository;
  readonly steps: CommandSteps;
  readonly inbox: InboxAppender;
  readonly rooms: RoomPort;
  /** The per-sender hug bucket. */
  readonly hugRule: StepCharge['rule'];
  /** Whether a socket of `userId` is on this node (a live device elsewhere is read in the step). */
  readonly connectedHere: (userId: string) => boolean;
  /** Whether `userId` has a live device on any node (read for a replay that the store answers). */
  readonly onlineAnywhere: (userId: string) => Promise<boolean>;
  /** Makes the recipient's notification of each hug (not of one that answers their request: that answer notifies). */
  readonly notifier: Notifier;
  /**
   * The recipient's feed item a hug answers, as the sender may see it now: its context, or null
   * when `authorId` has no such activity or the sender may not see it (by the feed's rules).
   */
  readonly answerable?: (viewerId: string, authorId: string, activityId: string) => Promise<HugContext | null>;
  /** Hears each hug's first receipt: milliseconds from `sentAt` (the delivery latency metric). */
  readonly onDelivered?: (latencyMs: number) => void;
  /** How long claims and `once` markers are kept ({@link DEFAULT_REPLAY_WINDOW_MS}); longer than writes can stay pending. */
  readonly replayWindowMs?: number;
  readonly now?: () => number;
}

/** A send the service carries out: what the caller asked for, resolved to a hug record. */
export interface HugSend {
  readonly to: string;
  readonly kind: HugKindId;
  readonly message: string | null;
  readonly clientId: string;
  /** The hug request this hug answers. */
  readonly requestId?: string | null;
  /** The recipient's feed item this hug answers. */
  readonly context?: { readonly activityId: string } | undefined;
}

/**
 * Sending, delivering and reading hugs. A send is idempotent on (sender, `clientId`): its hug id is
 * derived from them, and a replay answers with the same hug and delivers nothing. `delivered` says
 * whether the hug reached or is reaching a live device: its receipt is in, or the recipient is
 * online (at the send; at a replay, now). Every change is durably queued (write-behind) before it
 * is pushed live and acknowledged.
 *
 * A send is two command steps, one per user: the sender's (the idempotency claim and the rate
 * limits) and the recipient's (the hug, its inbox entry and cursor, once while the hug's creation
 * is pending, and whether the recipient is online). A receipt is one step in the recipient's state.
 */
export class HugService {
  private readonly now: () => number;
  private readonly window: number;

  constructor(private readonly deps: HugServiceDeps) {
    this.now = deps.now ?? Date.now;
    this.window = deps.replayWindowMs ?? DEFAULT_REPLAY_WINDOW_MS;
  }

  /** `hug:send`. `userCharge` is the sender's command bucket, when the dispatcher left it to this step. */
  async send(senderId: string, send: HugSend, userCharge: StepCharge | null = null): Promise<HugSendResult> {
    // A context is part of what was sent (left out when absent, so older sends keep their fingerprint).
    const fingerprint = fingerprintOf(send.to, send.kind, send.message, send.requestId, ...(send.context ? [send.context.activityId] : []));
    const hugId = hugIdFor(senderId, send.clientId);
    const claimKey = `hug:${hugId}`;
    const charges = [...(userCharge ? [userCharge] : []), { key: senderId, rule: this.deps.hugRule }];
    const admitted = await this.deps.steps.run({ userId: senderId, claim: { key: claimKey, fingerprint, ttlMs: this.window }, charges });
    if (admitted.kind === 'rate-limited') throw refused(admitted);
    // A replay (the same fingerprint) goes on: the recipient's step appends the hug once.
    if (admitted.kind === 'claimed-before' && admitted.claim.fingerprint !== fingerprint) throw this.reusedClientId();
    const claimedNow = admitted.kind === 'done';
    try {
      // A send whose hug is written is answered from the store (a replay, or a claim made afresh
      // after the first expired); one still pending is replayed by the recipient's step.
      const stored = await this.deps.storedHugs.get(hugId);
      if (stored && stored.fingerprint !== fingerprint) throw this.reusedClientId();
      if (stored) return { hugId, delivered: stored.deliveredAt !== null || (await this.deps.onlineAnywhere(stored.to)) };
      const sentAt = this.now();
      const context = send.context ? await this.contextOf(senderId, send.to, send.context.activityId) : null;
      // The recipient's preferences are read while the permission is checked.
      const notification = send.requestId ? Promise.resolve(null) : this.deps.notifier.prepare(send.to, hugDraft(senderId, hugId, send.kind, send.message, context), sentAt);
      if (!send.requestId) await Promise.all([assertMayHug(this.deps, senderId, send.to), notification]);
      return await this.deliver(senderId, hugId, send, context, fingerprint, sentAt, await notification);
    } catch (error) {
      // Refused before anything was durable: a retry may run afresh.
      if (claimedNow) await this.deps.steps.release(senderId, claimKey);
      throw error;
    }
  }

  /**
   * `hug:ack`: devices of the recipient confirm receipt; each sender hears `hug:delivered` once. A
   * hug still pending is found in the recipient's own step (one Redis call in a cluster); an older
   * one is looked up in the store.
   */
  async acknowledge(userId: string, hugIds: readonly string[], userCharge: StepCharge | null = null): Promise<HugAckResult> {
    const acknowledged = new Set<string>();
    const inStore: string[] = [];
    let charges = userCharge ? [userCharge] : [];
    const deliver = async (hugId: string, stored: HugRecord | null) => {
      const at = this.now();
      const step = await this.deps.steps.run({
        userId,
        charges,
        append: {
          // Once: a receipt still pending is found in the step; an older one, in the store first.
          operations: [hugDelivered(hugId, at, userId)],
          once: 'while-pending',
          ...(stored ? {} : { hugId }),
        },
      });
      if (step.kind === 'rate-limited') throw refused(step);
      if (step.kind === 'hug-not-pending') return inStore.push(hugId);
      charges = [];
      if (step.kind !== 'done') return;
      acknowledged.add(hugId);
      if (step.replayed) return;
      const hug = step.hug ?? stored;
      if (!hug) return;
      this.deps.rooms.emit(userRoom(hug.from), 'hug:delivered', { hugId, to: userId, deliveredAt: at, at });
      this.deps.onDelivered?.(Math.max(0, at - hug.sentAt));
    };
    for (const hugId of new Set(hugIds)) await deliver(hugId, null);
    for (const hug of inStore.length > 0 ? await this.deps.storedHugs.getMany(inStore) : []) {
      if (hug.to !== userId) continue;
      if (hug.deliveredAt === null) await deliver(hug.id, hug);
      acknowledged.add(hug.id);
    }
    if (charges.length > 0) {
      // Nothing needed a step: the command is still charged.
      const step = await this.deps.steps.run({ userId, charges });
      if (step.kind === 'rate-limited') throw refused(step);
    }
    return { acknowledged: hugIds.filter((id, i) => acknowledged.has(id) && hugIds.indexOf(id) === i) };
  }

  /** `hug:read`: the recipient reads a hug; the sender gets a read receipt in their inbox (once). */
  async markRead(userId: string, hugId: string): Promise<HugReadResult> {
    const hug = await this.deps.hugs.get(hugId, userId);
    if (!hug || hug.to !== userId) throw new CommandError('not_found', 'no such hug in your inbox', { field: 'hugId' });
    let readAt = hug.readAt;
    if (readAt === null) {
      readAt = this.now();
      // Once: the hug was just read with pending writes applied, so an earlier read is pending still or in the store.
      const step = await this.deps.steps.run({ userId, append: { operations: [hugRead(hugId, readAt, userId)], once: 'while-pending' } });
      // A concurrent read of the same hug got there first: its time stands.
      if (step.kind === 'done' && step.replayed) readAt = (await this.deps.hugs.get(hugId, userId))?.readAt ?? readAt;
      this.deps.rooms.emit(userRoom(userId), 'hug:read-state', { hugId, readAt, at: this.now() });
    }
    // In the sender's state, once: also when an earlier read failed between its two steps.
    await this.sendReceipt(hug.from, userId, hugId, readAt);
    return { hugId, readAt };
  }

  /** `hug:history`: the caller's sent or received hugs, newest first. */
  async history(userId: string, direction: 'sent' | 'received', before: string | undefined, limit: number): Promise<HugHistoryPage> {
    const token = before === undefined ? null : parsePageToken(before, 'hug:history');
    const position: HistoryPosition | null = token && { sentAt: token.at, id: token.id };
    const rows = await this.deps.hugs.history(userId, direction, position, limit + 1);
    const { items, next } = historyPage(rows, limit, (row) => ({ at: row.sentAt, id: row.id }));
    return { hugs: items.map(toHug), next };
  }

  /** `hug:unread`: the hugs the caller received and has not read, newest first. */
  async unread(userId: string, limit: number): Promise<HugUnreadPage> {
    const rows = await this.deps.hugs.unread(userId, limit + 1);
    return { hugs: rows.slice(0, limit).map(toHug), more: rows.length > limit };
  }

  /**
   * Writes a new hug, its inbox entry and its notification durably (once, in the recipient's step),
   * then pushes it to the recipient's devices and announces the notification.
   */
  private async deliver(senderId: string, hugId: string, send: HugSend, context: HugContext | null, fingerprint: string, sentAt: number, notification: PreparedNotification | null): Promise<HugSendResult> {
    const record: HugRecord = {
      id: hugId,
      from: senderId,
      to: send.to,
      kind: send.kind,
      message: send.message,
      sentAt,
      requestId: send.requestId ?? null,
      context,
      clientId: send.clientId,
      fingerprint,
      deliveredAt: null,
      readAt: null,
    };
    const entryId = `hug:${hugId}`;
    const operations = [
      hugCreate(record),
      inboxAppend({ userId: send.to, cursor: UNASSIGNED_CURSOR, id: entryId, type: 'hug', ref: hugId, createdAt: sentAt, data: {} }),
      ...(notification?.operations ?? []),
    ];
    const step = await this.deps.steps.run({
      userId: send.to,
      append: {
        operations,
        // Once: a send still pending is found in the step; one written, in the store first.
        once: 'while-pending',
        reportOnline: true,
      },
    });
    if (step.kind !== 'done') throw new Error(`hug ${hugId}: the recipient's step did not append (${step.kind})`);
    const delivered = step.online || this.deps.connectedHere(send.to);
    if (step.replayed) {
      // A replay queues the push again (ignored if queued): a node that died after the step loses none.
      if (notification) await this.deps.notifier.announce(notification, null, true, delivered);
      return { hugId, delivered };
    }
    if (step.cursor === null) throw new Error(`hug ${hugId}: the recipient's step gave its inbox entry no cursor`);
    this.deps.rooms.emit(userRoom(send.to), 'hug:received', { type: 'hug', cursor: step.cursor, id: entryId, createdAt: sentAt, hug: toHug(record), at: this.now() });
    if (notification) await this.deps.notifier.announce(notification, entryCursorOf(operations, step.cursor, notification.entryId), false, delivered);
    return { hugId, delivered };
  }

  /** The sender's inbox entry and live event for a read, made once. */
  private async sendReceipt(senderId: string, readerId: string, hugId: string, readAt: number): Promise<void> {
    const entryId = `read-receipt:${hugId}`;
    const appended = await this.deps.inbox.append(
      senderId,
      (c) => [inboxAppend({ userId: senderId, cursor: c, id: entryId, type: 'read-receipt', ref: hugId, createdAt: readAt, data: { by: readerId, readAt } })],
      { key: entryId, ttlMs: this.window },
    );
    if (appended.replayed) return;
    this.deps.rooms.emit(userRoom(senderId), 'hug:read-receipt', {
      type: 'read-receipt',
      cursor: appended.cursor,
      id: entryId,
      createdAt: readAt,
      receipt: { hugId, by: readerId, readAt },
      at: this.now(),
    });
  }

  /** The context of a hug answering `authorId`'s activity, refused when there is none the sender may see. */
  private async contextOf(senderId: string, authorId: string, activityId: string): Promise<HugContext> {
    const context = this.deps.answerable ? await this.deps.answerable(senderId, authorId, activityId) : null;
    if (!context) throw new CommandError('not_found', "no activity of the recipient's that you may see has this id (a group hug item takes a hug without a context)", { field: 'context.activityId' });
    return context;
  }

  private reusedClientId(): CommandError {
    return new CommandError('conflict', 'this clientId was already used for a different hug', { field: 'clientId' });
  }
}

/** A refused charge as the client sees it (the same answers as the dispatcher's user bucket and the hug bucket give elsewhere). */
const refused = (step: Extract<StepOutcome, { kind: 'rate-limited' }>) => rateLimited(step, { rule: 'hug', what: 'hugs' });
