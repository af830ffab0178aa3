import type { HugKindId } from '../../../protocol/hug-kinds.js';
import { MAX_ACK_BATCH } from '../../../protocol/limits.js';
import type { Hug, HugHistoryPage, HugRequest, HugRequestAnswerResult, HugRequestResult, HugSendResult, HugUnreadPage } from '../../../protocol/types/hugs.js';
import type { HugRequestAnswer, InboxEntry, ReadReceipt } from '../../../protocol/types/inbox.js';
import type { HugDeliveredEvent, HugReadStateEvent } from '../../../protocol/server-events.js';
import type { Commands } from '../commands.js';
import type { ClientSocket, Connection } from '../connection/connection.js';
import { randomId } from '../device-id.js';
import { Emitter, type Unsubscribe } from '../emitter.js';
import type { Logger } from '../logger.js';
import { createTimeline, type HugTimeline } from './hug-timeline.js';
import { InboxSync } from './inbox-sync.js';
import type { QueuedCommands } from './queued-commands.js';
import { SeenIds } from './seen-ids.js';

/** A hug that arrived, with the timeline to play it. */
export type ReceivedHug = Hug & {
  /** Its position in your inbox. */
  readonly cursor: number;
  /** Starts when the SDK surfaced the hug; `progress(now)` drives the animation. */
  readonly timeline: HugTimeline;
  /** `live` when it came while connected, `sync` when it was fetched after a (re)connect. */
  readonly source: 'live' | 'sync';
};

/** What the hugs API reports. Each event is reported once, however it reached the device. */
export interface HugsEvents {
  /** A hug for you arrived. */
  received: [hug: ReceivedHug];
  /** A device of the recipient got a hug you sent. */
  delivered: [event: HugDeliveredEvent];
  /** The recipient read a hug you sent. */
  read: [receipt: ReadReceipt];
  /** Another of your devices (or this one) marked a hug read. */
  'read-state': [event: HugReadStateEvent];
  /** Someone asks you for a hug. */
  request: [request: HugRequest];
  /** Someone answered your hug request. */
  'request-answered': [answer: HugRequestAnswer];
  /** The inbox cursor moved: persist it and pass it back as `inboxCursor` to resume there. */
  cursor: [cursor: number];
}

/** Options of {@link HugsApi.send}. */
export interface SendHugOptions {
  readonly kind: HugKindId;
  readonly message?: string;
  /** Your own idempotency key (8-64 of `A-Za-z0-9_.:-`); one is generated otherwise. */
  readonly clientId?: string;
  /**
   * Answers one of the recipient's feed items (`item.id` of a mood, streak or new friendship of
   * theirs that you can see): they read "a hug for your mood". Refused with `not_found` otherwise.
   */
  readonly context?: { readonly activityId: string };
}

/**
 * Hugs: send them (safely retried, queued while offline), receive them exactly once with an
 * animation timeline, acknowledge and read them, ask for them, and page through history.
 *
 * @example
 * ```ts
 * client.hugs.on('received', (hug) => play(hug.timeline));
 * const { hugId, delivered } = await client.hugs.send(friendId, { kind: 'warm', message: 'thinking of you' });
 * client.hugs.on('read', (receipt) => markSeen(receipt.hugId));
 * ```
 */
export class HugsApi {
  private readonly events: Emitter<HugsEvents>;
  private readonly inbox: InboxSync;
  private readonly deliveredSeen = new SeenIds(10_000);
  private readonly acks = new Set<string>();
  private ackTimer: ReturnType<typeof setTimeout> | null = null;
  private groupInvites: ((entry: Extract<InboxEntry, { type: 'group-invite' }>) => void) | null = null;
  private notifications: ((entry: Extract<InboxEntry, { type: 'notification' }>, source: 'live' | 'sync') => void) | null = null;

  /** @internal */
  constructor(
    private readonly commands: Commands,
    connection: Connection,
    private readonly queued: QueuedCommands,
    private readonly logger: Logger,
    initialCursor: number,
  ) {
    this.events = new Emitter((error) => logger.error('a hugs listener threw', { error }));
    this.inbox = new InboxSync(commands, connection, logger, (entry, source) => this.dispatch(entry, source), (c) => this.events.emit('cursor', c), initialCursor);
    this.bind(connection.socket);
  }

  /**
   * Sends a hug. A `clientId` is generated once per call and reused on every retry, so the hug is
   * sent exactly once even across reconnects. While offline the send waits in a bounded queue.
   * The result's `delivered` says the hug was pushed to an online device of the recipient, not
   * that one got it: listen to `on('delivered')` for a device's receipt.
   *
   * @example
   * ```ts
   * const { hugId, delivered } = await client.hugs.send(friendId, { kind: 'bear' });
   * // Answering a friend's mood in the feed:
   * await client.hugs.send(item.userId, { kind: 'warm', context: { activityId: item.id } });
   * ```
   */
  send(to: string, options: SendHugOptions): Promise<HugSendResult> {
    const payload = {
      to,
      kind: options.kind,
      clientId: options.clientId ?? `c_${randomId(22)}`,
      ...(options.message === undefined ? {} : { message: options.message }),
      ...(options.context === undefined ? {} : { context: { activityId: options.context.activityId } }),
    };
    return this.queued.send('hug:send', payload);
  }

  /**
   * Marks a hug you received as read; its sender gets a read receipt and your other devices a
   * `read-state` event.
   *
   * @example
   * ```ts
   * await client.hugs.markRead(hug.id);
   * ```
   */
  async markRead(hugId: string): Promise<{ readonly hugId: string; readonly readAt: number }> {
    return this.commands.send('hug:read', { hugId });
  }

  /**
   * One page of your sent or received hugs, newest first.
   *
   * @example
   * ```ts
   * let page = await client.hugs.history({ direction: 'received', limit: 20 });
   * if (page.next) page = await client.hugs.history({ direction: 'received', before: page.next });
   * ```
   */
  history(options: { readonly direction: 'sent' | 'received'; readonly before?: string; readonly limit?: number }): Promise<HugHistoryPage> {
    return this.commands.send('hug:history', {
      direction: options.direction,
      ...(options.before === undefined ? {} : { before: options.before }),
      ...(options.limit === undefined ? {} : { limit: options.limit }),
    });
  }

  /**
   * The hugs you received and have not read yet, newest first (at most `limit`, default 50; `more`
   * says whether others wait). Read on the server, so it is right on every device and after a restart.
   *
   * @example
   * ```ts
   * const { hugs, more } = await client.hugs.unread();
   * badge.textContent = more ? `${hugs.length}+` : String(hugs.length);
   * ```
   */
  unread(options: { readonly limit?: number } = {}): Promise<HugUnreadPage> {
    return this.commands.send('hug:unread', options.limit === undefined ? {} : { limit: options.limit });
  }

  /**
   * The hug requests made to you that wait for your answer (not answered, not expired), newest first.
   *
   * @example
   * ```ts
   * for (const request of await client.hugs.pending()) showRequest(request.from, request.message);
   * ```
   */
  async pending(): Promise<readonly HugRequest[]> {
    return (await this.commands.send('hug:request:pending', {})).requests;
  }

  /**
   * Asks someone for a hug. Retried and queued like {@link send}.
   *
   * @example
   * ```ts
   * const { requestId, expiresAt } = await client.hugs.request(friendId, { message: 'rough day' });
   * ```
   */
  request(to: string, options: { readonly message?: string; readonly clientId?: string } = {}): Promise<HugRequestResult> {
    const payload = {
      to,
      clientId: options.clientId ?? `c_${randomId(22)}`,
      ...(options.message === undefined ? {} : { message: options.message }),
    };
    return this.queued.send('hug:request', payload);
  }

  /**
   * Answers a hug request made to you. Accepting sends a hug back (of `kind`, default `warm`).
   *
   * @example
   * ```ts
   * client.hugs.on('request', (r) => client.hugs.answer(r.id, true, { kind: 'bear' }));
   * ```
   */
  answer(requestId: string, accept: boolean, options: { readonly kind?: HugKindId; readonly message?: string } = {}): Promise<HugRequestAnswerResult> {
    const payload = {
      requestId,
      accept,
      ...(options.kind === undefined ? {} : { kind: options.kind }),
      ...(options.message === undefined ? {} : { message: options.message }),
    };
    return this.queued.send('hug:request:answer', payload);
  }

  /**
   * Fetches everything in your inbox after the current cursor now (it also happens on every connect).
   *
   * @example
   * ```ts
   * await client.hugs.sync();
   * ```
   */
  sync(): Promise<void> {
    return this.inbox.sync();
  }

  /**
   * The inbox cursor: every entry up to it has been reported. Persist it to resume there.
   * @example
   * ```ts
   * localStorage.setItem('hugmood.cursor', String(client.hugs.cursor));
   * ```
   */
  get cursor(): number {
    return this.inbox.cursor;
  }

  /**
   * Listens for hug events.
   *
   * @example
   * ```ts
   * client.hugs.on('delivered', ({ hugId }) => showTick(hugId));
   * ```
   */
  on<K extends keyof HugsEvents>(event: K, listener: (...args: HugsEvents[K]) => void): Unsubscribe {
    return this.events.on(event, listener);
  }

  private dispatch(entry: InboxEntry, source: 'live' | 'sync'): void {
    switch (entry.type) {
      case 'hug':
        this.events.emit('received', { ...entry.hug, cursor: entry.cursor, source, timeline: createTimeline(entry.hug.animation, Date.now()) });
        if (entry.hug.deliveredAt === null) this.acknowledge(entry.hug.id);
        return;
      case 'hug-request':
        this.events.emit('request', entry.request);
        return;
      case 'hug-request-answer':
        this.events.emit('request-answered', entry.answer);
        return;
      case 'read-receipt':
        this.events.emit('read', entry.receipt);
        return;
      case 'group-invite':
        this.groupInvites?.(entry);
        return;
      case 'notification':
        this.notifications?.(entry, source);
        return;
    }
  }

  /** @internal Resumes the inbox from a cursor a previous start persisted. */
  resumeFrom(cursor: number): void {
    this.inbox.resumeFrom(cursor);
  }

  /** @internal The notifications API takes the notifications the inbox brings (live or synced, once each). */
  routeNotifications(handler: (entry: Extract<InboxEntry, { type: 'notification' }>, source: 'live' | 'sync') => void): void {
    this.notifications = handler;
  }

  /** @internal The group hugs API takes the invitations the inbox brings (live or synced, once each). */
  routeGroupInvites(handler: (entry: Extract<InboxEntry, { type: 'group-invite' }>) => void): void {
    this.groupInvites = handler;
  }

  /** Receipts are batched for a few ms, so a burst of hugs costs one `hug:ack`. */
  private acknowledge(hugId: string): void {
    this.acks.add(hugId);
    this.ackTimer ??= setTimeout(() => this.flushAcks(), 10);
  }

  private flushAcks(): void {
    this.ackTimer = null;
    const ids = [...this.acks];
    this.acks.clear();
    for (let i = 0; i < ids.length; i += MAX_ACK_BATCH) {
      const batch = ids.slice(i, i + MAX_ACK_BATCH);
      this.queued
        .send('hug:ack', { hugIds: batch })
        .catch((error: unknown) => this.logger.warn('acknowledging hugs failed', { error, hugIds: batch }));
    }
  }

  private bind(socket: ClientSocket): void {
    const live = ({ at: _at, ...entry }: InboxEntry & { readonly at: number }) => this.inbox.live(entry);
    socket.on('hug:received', live);
    socket.on('hug:read-receipt', live);
    socket.on('hug:request:received', live);
    socket.on('hug:request:answered', live);
    socket.on('group:invited', live);
    socket.on('notification:new', ({ unread: _unread, ...event }) => live(event));
    socket.on('hug:delivered', (event) => {
      if (this.deliveredSeen.add(event.hugId)) this.events.emit('delivered', event);
    });
    socket.on('hug:read-state', (event) => this.events.emit('read-state', event));
  }
}
