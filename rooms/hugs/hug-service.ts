import { CommandError } from '../../domain/command-error.js';
import type { HugKindId } from '../../protocol/hug-kinds.js';
import type { HugAckResult, HugHistoryPage, HugReadResult, HugSendResult } from '../../protocol/schemas/hugs.js';
import type { HistoryPosition, HugRecord, HugRepository } from '../../persistence/store/hug-repository.js';
import { hugCreate, hugDelivered, hugRead, inboxAppend } from '../../persistence/write-behind/write-operation.js';
import type { Claim, IdempotencyKeys } from '../idempotency/idempotency-keys.js';
import { claimInProgress, PENDING_CLAIM_TTL_MS } from '../idempotency/pending-claims.js';
import type { InboxAppender } from '../inbox/inbox-appender.js';
import { historyPage, parsePageToken } from '../page-token.js';
import { userRoom } from '../room-names.js';
import type { RoomPort } from '../room-port.js';
import type { DurableWrites } from '../durable-writes.js';
import { fingerprintOf, hugIdFor } from './hug-ids.js';
import { assertMayHug, type HugPermissionDeps } from './hug-permission.js';
import { toHug } from './hug-views.js';
import { type HugParties, RecentHugs } from './recent-hugs.js';

/**
 * How long a finished command's idempotency key stays in memory. Longer replays (the promise is
 * 24 h, and holds as long as the hug is stored) are answered from the store: ids are derived from
 * (sender, `clientId`), and the stored fingerprint tells a retry from a reused key. This must
 * outlast the write-behind lag (`QUEUE_LAG_BOUND_MS` is capped at 10 minutes), so the store has the
 * write by the time the key is forgotten; it keeps memory at ~15 minutes of commands.
 */
export const IDEMPOTENCY_TTL_MS = 15 * 60 * 1000;

/** What {@link HugService} is built from. */
export interface HugServiceDeps extends HugPermissionDeps {
  readonly hugs: HugRepository;
  readonly writes: DurableWrites;
  readonly keys: IdempotencyKeys;
  readonly inbox: InboxAppender;
  readonly rooms: RoomPort;
  /** Takes one token from the sender's hug bucket. */
  readonly throttle: SendThrottle;
  /** Whether a device of `userId` is online (to report `delivered`). */
  readonly isOnline: (userId: string) => Promise<boolean>;
  /** Hears each hug's first receipt: milliseconds from `sentAt` (the delivery latency metric). */
  readonly onDelivered?: (latencyMs: number) => void;
  readonly now?: () => number;
}

/** Rate limits sends per sender: resolves whether one more is allowed now, and if not, when. */
export type SendThrottle = (senderId: string) => Promise<{ readonly allowed: boolean; readonly retryAfterMs: number }>;

/** A send the service carries out: what the caller asked for, resolved to a hug record. */
export interface HugSend {
  readonly to: string;
  readonly kind: HugKindId;
  readonly message: string | null;
  readonly clientId: string;
  /** The hug request this hug answers. */
  readonly requestId?: string | null;
}

/** What a replayed send returns. */
interface SendMemo {
  readonly hugId: string;
  readonly delivered: boolean;
}

/**
 * Sending, delivering and reading hugs. A send is idempotent on (sender, `clientId`): its hug id is
 * derived from them, and a replay answers with the first result and delivers nothing. Every change
 * is durably queued (write-behind) before it is pushed live and acknowledged.
 */
export class HugService {
  private readonly now: () => number;
  private readonly recent = new RecentHugs();

  constructor(private readonly deps: HugServiceDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** `hug:send`. */
  async send(senderId: string, send: HugSend): Promise<HugSendResult> {
    const fingerprint = fingerprintOf(send.to, send.kind, send.message, send.requestId);
    const hugId = hugIdFor(senderId, send.clientId);
    const key = `hug:${hugId}`;
    const claim = await this.deps.keys.claim(key, fingerprint, PENDING_CLAIM_TTL_MS);
    if (!claim.fresh) return this.replayed(claim, fingerprint);
    let memo: SendMemo;
    try {
      const stored = await this.deps.hugs.get(hugId);
      if (stored && stored.fingerprint !== fingerprint) throw this.reusedClientId();
      if (stored) memo = { hugId, delivered: stored.deliveredAt !== null };
      else {
        if (!send.requestId) await assertMayHug(this.deps, senderId, send.to);
        const decision = await this.deps.throttle(senderId);
        if (!decision.allowed) throw new CommandError('rate_limited', 'too many hugs; slow down', { rule: 'hug' }, decision.retryAfterMs);
        memo = await this.deliver(senderId, hugId, send, fingerprint);
      }
    } catch (error) {
      // Refused before anything was durable: a retry may run afresh.
      await this.deps.keys.release(key);
      throw error;
    }
    // Outside the try: once the hug is durable the claim must never be released (it expires at worst).
    await this.deps.keys.complete(key, JSON.stringify(memo), IDEMPOTENCY_TTL_MS);
    return memo;
  }

  /** `hug:ack`: devices of the recipient confirm receipt; each sender hears `hug:delivered` once. */
  async acknowledge(userId: string, hugIds: readonly string[]): Promise<HugAckResult> {
    const found = new Map<string, HugParties & { readonly delivered: boolean }>();
    const unknown: string[] = [];
    for (const id of new Set(hugIds)) {
      const parties = this.recent.get(id);
      if (parties) found.set(id, { ...parties, delivered: false });
      else unknown.push(id);
    }
    if (unknown.length > 0) {
      for (const hug of await this.deps.hugs.getMany(unknown)) found.set(hug.id, { from: hug.from, to: hug.to, sentAt: hug.sentAt, delivered: hug.deliveredAt !== null });
    }
    const acknowledged: string[] = [];
    for (const [hugId, hug] of found) {
      if (hug.to !== userId) continue;
      acknowledged.push(hugId);
      if (hug.delivered) continue;
      const claim = await this.deps.keys.claim(`delivered:${hugId}`, 'delivered', IDEMPOTENCY_TTL_MS);
      if (!claim.fresh) continue;
      const at = this.now();
      try {
        await this.deps.writes.write([hugDelivered(hugId, at)]);
      } catch (error) {
        await this.deps.keys.release(`delivered:${hugId}`);
        throw error;
      }
      this.deps.rooms.emit(userRoom(hug.from), 'hug:delivered', { hugId, to: hug.to, deliveredAt: at, at });
      this.deps.onDelivered?.(Math.max(0, at - hug.sentAt));
    }
    return { acknowledged };
  }

  /** `hug:read`: the recipient reads a hug; the sender gets a read receipt in their inbox. */
  async markRead(userId: string, hugId: string): Promise<HugReadResult> {
    const hug = await this.deps.hugs.get(hugId);
    if (!hug || hug.to !== userId) throw new CommandError('not_found', 'no such hug in your inbox', { field: 'hugId' });
    if (hug.readAt !== null) return { hugId, readAt: hug.readAt };
    const key = `read:${hugId}`;
    const claim = await this.deps.keys.claim(key, 'read', PENDING_CLAIM_TTL_MS);
    if (!claim.fresh) {
      if (claim.result !== null) return { hugId, readAt: Number(claim.result) };
      throw claimInProgress('this hug is being marked read; try again', claim);
    }
    const readAt = this.now();
    try {
      const entryId = `read-receipt:${hugId}`;
      const cursor = await this.deps.inbox.append(hug.from, (c) => [
        hugRead(hugId, readAt),
        inboxAppend({ userId: hug.from, cursor: c, id: entryId, type: 'read-receipt', ref: hugId, createdAt: readAt, data: { by: userId, readAt } }),
      ]);
      this.deps.rooms.emit(userRoom(hug.from), 'hug:read-receipt', {
        type: 'read-receipt',
        cursor,
        id: entryId,
        createdAt: readAt,
        receipt: { hugId, by: userId, readAt },
        at: this.now(),
      });
      this.deps.rooms.emit(userRoom(userId), 'hug:read-state', { hugId, readAt, at: this.now() });
    } catch (error) {
      await this.deps.keys.release(key);
      throw error;
    }
    await this.deps.keys.complete(key, String(readAt), IDEMPOTENCY_TTL_MS);
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

  /** Writes a new hug and its inbox entry durably, then pushes it to the recipient's devices. */
  private async deliver(senderId: string, hugId: string, send: HugSend, fingerprint: string): Promise<SendMemo> {
    const sentAt = this.now();
    const record: HugRecord = {
      id: hugId,
      from: senderId,
      to: send.to,
      kind: send.kind,
      message: send.message,
      sentAt,
      requestId: send.requestId ?? null,
      clientId: send.clientId,
      fingerprint,
      deliveredAt: null,
      readAt: null,
    };
    const online = await this.deps.isOnline(send.to);
    const entryId = `hug:${hugId}`;
    const cursor = await this.deps.inbox.append(send.to, (c) => [
      hugCreate(record),
      inboxAppend({ userId: send.to, cursor: c, id: entryId, type: 'hug', ref: hugId, createdAt: sentAt, data: {} }),
    ]);
    this.recent.remember(hugId, { from: senderId, to: send.to, sentAt });
    this.deps.rooms.emit(userRoom(send.to), 'hug:received', { type: 'hug', cursor, id: entryId, createdAt: sentAt, hug: toHug(record), at: this.now() });
    return { hugId, delivered: online };
  }

  private replayed(claim: Extract<Claim, { fresh: false }>, fingerprint: string): SendMemo {
    if (claim.fingerprint !== fingerprint) throw this.reusedClientId();
    if (claim.result === null) throw claimInProgress('this hug is still being sent; try again', claim);
    return JSON.parse(claim.result) as SendMemo;
  }

  private reusedClientId(): CommandError {
    return new CommandError('conflict', 'this clientId was already used for a different hug', { field: 'clientId' });
  }
}
