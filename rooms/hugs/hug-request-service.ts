import { CommandError } from '../../domain/command-error.js';
import { relationshipOf } from '../../domain/friendship.js';
import type { HugKindId } from '../../protocol/hug-kinds.js';
import type { HugRequestAnswerResult, HugRequestResult, PendingHugRequests } from '../../protocol/schemas/hugs.js';
import type { HugRequestRecord } from '../../persistence/store/hug-request-repository.js';
import type { FreshHugRequestReads } from '../../persistence/write-behind/read-your-writes.js';
import { hugRequestAnswer, hugRequestCreate, inboxAppend } from '../../persistence/write-behind/write-operation.js';
import { userRoom } from '../room-names.js';
import { fingerprintOf, hugRequestIdFor } from '../command-ids.js';
import { assertMayHug } from './hug-permission.js';
import { entryCursorOf } from '../command-steps/step-operations.js';
import { hugRequestAnswerDraft, hugRequestDraft } from '../notifications/notification-drafts.js';
import type { IdempotencyKeys } from '../idempotency/idempotency-keys.js';
import { claimInProgress, PENDING_CLAIM_TTL_MS } from '../idempotency/pending-claims.js';
import { type HugService, type HugServiceDeps, IDEMPOTENCY_TTL_MS } from './hug-service.js';
import { toHugRequest } from './hug-views.js';

/** What {@link HugRequestService} is built from: the hug service's parts, plus requests. */
export interface HugRequestServiceDeps extends HugServiceDeps {
  readonly requests: FreshHugRequestReads;
  readonly keys: IdempotencyKeys;
  /** Takes one token from the sender's hug bucket. */
  readonly throttle: (senderId: string) => Promise<{ readonly allowed: boolean; readonly retryAfterMs: number }>;
  readonly hugService: HugService;
  /** How long a request stays answerable. */
  readonly requestTtlMs: number;
}

/** Most requests `hug:request:pending` answers with (requests expire, so a user rarely has this many). */
export const MAX_PENDING_REQUESTS = 100;

/** An answer to a hug request. */
export interface HugRequestAnswerInput {
  readonly requestId: string;
  readonly accept: boolean;
  readonly kind?: HugKindId | undefined;
  readonly message?: string | undefined;
}

/**
 * Hug requests: ask someone for a hug; they accept (a hug goes back, linked to the request) or
 * decline, once, before the request expires. Requests and answers reach offline users through
 * their inbox.
 */
export class HugRequestService {
  private readonly now: () => number;

  constructor(private readonly deps: HugRequestServiceDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** `hug:request`: idempotent on (sender, `clientId`) like a send. */
  async request(senderId: string, to: string, message: string | null, clientId: string): Promise<HugRequestResult> {
    const id = hugRequestIdFor(senderId, clientId);
    const fingerprint = fingerprintOf('request', to, message);
    const key = `hug-request:${id}`;
    const claim = await this.deps.keys.claim(key, fingerprint, PENDING_CLAIM_TTL_MS);
    if (!claim.fresh) {
      if (claim.fingerprint !== fingerprint) throw new CommandError('conflict', 'this clientId was already used for a different request', { field: 'clientId' });
      if (claim.result === null) throw claimInProgress('this request is still being sent; try again', claim);
      return JSON.parse(claim.result) as HugRequestResult;
    }
    let result: HugRequestResult;
    try {
      const stored = await this.deps.requests.get(id, to);
      if (stored && stored.fingerprint !== fingerprint) throw new CommandError('conflict', 'this clientId was already used for a different request', { field: 'clientId' });
      result = stored ? { requestId: id, expiresAt: stored.expiresAt } : await this.create(senderId, id, to, message, fingerprint);
    } catch (error) {
      await this.deps.keys.release(key);
      throw error;
    }
    await this.deps.keys.complete(key, JSON.stringify(result), IDEMPOTENCY_TTL_MS);
    return result;
  }

  /** `hug:request:answer`: only the request's recipient may answer, once, before it expires. */
  async answer(userId: string, input: HugRequestAnswerInput): Promise<HugRequestAnswerResult> {
    // Not where a request to this user would be: look everywhere, to tell someone else's from none.
    const request = (await this.deps.requests.get(input.requestId, userId)) ?? (await this.deps.requests.get(input.requestId, null));
    if (!request) throw new CommandError('not_found', 'no such hug request', { field: 'requestId' });
    if (request.to !== userId) throw new CommandError('forbidden', 'this hug request was not made to you', { field: 'requestId' });
    const wanted = input.accept ? 'accepted' : 'declined';
    const key = `answer:${request.id}`;
    const claim = await this.deps.keys.claim(key, wanted, PENDING_CLAIM_TTL_MS);
    if (!claim.fresh) {
      if (claim.fingerprint !== wanted) throw this.alreadyAnswered(claim.fingerprint);
      if (claim.result === null) throw claimInProgress('this request is being answered; try again', claim);
      return JSON.parse(claim.result) as HugRequestAnswerResult;
    }
    let result: HugRequestAnswerResult;
    try {
      result = await this.decide(request, wanted, input);
    } catch (error) {
      await this.deps.keys.release(key);
      throw error;
    }
    await this.deps.keys.complete(key, JSON.stringify(result), IDEMPOTENCY_TTL_MS);
    return result;
  }

  /** `hug:request:pending`: the requests made to the caller still waiting for an answer, newest first. */
  async pending(userId: string): Promise<PendingHugRequests> {
    const now = this.now();
    const requests = await this.deps.requests.pendingFor(userId, now, MAX_PENDING_REQUESTS);
    return { requests: requests.map((r) => toHugRequest(r, now)) };
  }

  private async create(senderId: string, id: string, to: string, message: string | null, fingerprint: string): Promise<HugRequestResult> {
    const createdAt = this.now();
    const [, notification] = await Promise.all([assertMayHug(this.deps, senderId, to), this.deps.notifier.prepare(to, hugRequestDraft(senderId, id, message), createdAt)]);
    const decision = await this.deps.throttle(senderId);
    if (!decision.allowed) throw new CommandError('rate_limited', 'too many hug requests; slow down', { rule: 'hug' }, decision.retryAfterMs);
    const record: HugRequestRecord = {
      id,
      from: senderId,
      to,
      message,
      createdAt,
      expiresAt: createdAt + this.deps.requestTtlMs,
      status: 'pending',
      answeredAt: null,
      hugId: null,
      fingerprint,
    };
    const entryId = `hug-request:${id}`;
    const operations = (c: number) => [
      hugRequestCreate(record),
      inboxAppend({ userId: to, cursor: c, id: entryId, type: 'hug-request', ref: id, createdAt, data: {} }),
      ...(notification?.operations ?? []),
    ];
    const { cursor } = await this.deps.inbox.append(to, operations);
    this.deps.rooms.emit(userRoom(to), 'hug:request:received', {
      type: 'hug-request',
      cursor,
      id: entryId,
      createdAt,
      request: toHugRequest(record, createdAt),
      at: this.now(),
    });
    if (notification) await this.deps.notifier.announce(notification, entryCursorOf(operations(0), cursor, notification.entryId), false);
    return { requestId: id, expiresAt: record.expiresAt };
  }

  private async decide(request: HugRequestRecord, wanted: 'accepted' | 'declined', input: HugRequestAnswerInput): Promise<HugRequestAnswerResult> {
    if (request.status !== 'pending') {
      if (request.status !== wanted) throw this.alreadyAnswered(request.status);
      // A retry: the answer is recorded; make sure the requester heard of it (once).
      await this.announceAnswer(request, request.status, request.answeredAt ?? this.now(), request.hugId);
      return { requestId: request.id, status: request.status, hugId: request.hugId };
    }
    const at = this.now();
    if (at >= request.expiresAt) throw new CommandError('conflict', 'this hug request has expired', { field: 'requestId', reason: 'expired' });
    let hugId: string | null = null;
    if (wanted === 'accepted') {
      if (relationshipOf(await this.deps.friendships.relation(request.to, request.from)) === 'blocked') {
        throw new CommandError('forbidden', 'you cannot hug this user', { field: 'requestId', reason: 'blocked' });
      }
      const sent = await this.deps.hugService.send(request.to, {
        to: request.from,
        kind: input.kind ?? 'warm',
        message: input.message ?? null,
        clientId: `request:${request.id}`,
        requestId: request.id,
      });
      hugId = sent.hugId;
    }
    // The answer is recorded in the answerer's state (with the request), then announced to the
    // requester through their inbox; a retry after a failure between the two finishes the second.
    await this.deps.steps.run({ userId: request.to, append: { operations: [hugRequestAnswer(request.id, wanted, at, hugId, request.to)] } });
    await this.announceAnswer(request, wanted, at, hugId);
    return { requestId: request.id, status: wanted, hugId };
  }

  /** The requester's inbox entry and live event for an answer, made once however often it is retried. */
  private async announceAnswer(request: HugRequestRecord, status: 'accepted' | 'declined', at: number, hugId: string | null): Promise<void> {
    const entryId = `hug-request-answer:${request.id}`;
    const answer = { requestId: request.id, by: request.to, accepted: status === 'accepted', hugId };
    const notification = await this.deps.notifier.prepare(request.from, hugRequestAnswerDraft(request.to, request.id, answer.accepted, hugId), at);
    const operations = (c: number) => [
      inboxAppend({ userId: request.from, cursor: c, id: entryId, type: 'hug-request-answer', ref: request.id, createdAt: at, data: { by: request.to, accepted: answer.accepted, hugId } }),
      ...(notification?.operations ?? []),
    ];
    const appended = await this.deps.inbox.append(request.from, operations, { key: entryId, ttlMs: IDEMPOTENCY_TTL_MS });
    if (notification) await this.deps.notifier.announce(notification, entryCursorOf(operations(0), appended.cursor, notification.entryId), appended.replayed);
    if (appended.replayed) return;
    this.deps.rooms.emit(userRoom(request.from), 'hug:request:answered', { type: 'hug-request-answer', cursor: appended.cursor, id: entryId, createdAt: at, answer, at: this.now() });
  }

  private alreadyAnswered(status: string): CommandError {
    return new CommandError('conflict', `this hug request was already ${status}`, { field: 'requestId', reason: 'answered' });
  }
}
