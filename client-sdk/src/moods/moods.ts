import type { MoodId } from '../../../protocol/mood-catalogue.js';
import type { MoodSummaryResult } from '../../../protocol/types/mood-summary.js';
import type { FriendMoods, MoodDeleteResult, MoodEntry, MoodHistoryPage, MoodRecordResult, MoodStreakView, MoodVisibility } from '../../../protocol/types/moods.js';
import type { MoodFriendHiddenEvent, MoodFriendRemovedEvent, MoodFriendUpdateEvent } from '../../../protocol/server-events.js';
import type { Commands } from '../commands.js';
import type { ClientSocket, Connection } from '../connection/connection.js';
import { randomId } from '../device-id.js';
import { Emitter, type Unsubscribe } from '../emitter.js';
import type { QueuedCommands } from '../hugs/queued-commands.js';
import type { Logger } from '../logger.js';
import { FriendMoodBoard, type FriendMoodState } from './friend-mood-board.js';

/** What the moods API reports about your friends' moods. Listening to any of these starts listening on the server. */
export interface MoodsEvents {
  /** A friend recorded or changed a mood you may see (or it arrived in a snapshot, or a friend started sharing again). */
  'friend-update': [update: MoodFriendUpdateEvent];
  /** A friend deleted a mood, or it no longer shows to you. */
  'friend-removed': [event: MoodFriendRemovedEvent];
  /** None of this friend's moods show to you any more: an unfriend, a block, or they share with no one now. */
  'friend-hidden': [event: MoodFriendHiddenEvent];
  /** The board of friends' moods changed: the new, immutable board. */
  board: [board: ReadonlyMap<string, FriendMoodState>];
}

/** Options of {@link MoodsApi.record}. */
export interface RecordMoodOptions {
  /** 0..1. */
  readonly intensity: number;
  /** −1..1; default the mood's. */
  readonly valence?: number;
  /** 0..1; default the mood's. */
  readonly arousal?: number;
  /** At most 500 characters. */
  readonly note?: string;
  /** At most 10, each at most 32 characters. */
  readonly tags?: readonly string[];
  /** Default (and at widest) your `shareMoodsWith`. */
  readonly visibility?: MoodVisibility;
  /** The IANA zone whose date the mood counts for; default this device's zone. */
  readonly timeZone?: string;
  /** Your own idempotency key (8-64 of `A-Za-z0-9_.:-`); one is generated otherwise. */
  readonly clientId?: string;
}

/** What {@link MoodsApi.update} may change (`note: null` removes the note). */
export interface MoodChanges {
  readonly mood?: MoodId;
  readonly intensity?: number;
  readonly valence?: number;
  readonly arousal?: number;
  readonly note?: string | null;
  readonly tags?: readonly string[];
  readonly visibility?: MoodVisibility;
}

/** This device's IANA time zone, or UTC where the runtime does not say. */
export function deviceTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/**
 * Moods: record how you feel (safely retried, queued in order with your hugs while offline), keep
 * a streak, read your history and insights, and follow your friends' moods live.
 *
 * @example
 * ```ts
 * const { streak, milestone } = await client.moods.record('calm', { intensity: 0.6, note: 'a walk by the sea' });
 * client.moods.on('friend-update', ({ userId, entry }) => showMood(userId, entry.mood));
 * const { friends } = await client.moods.friends();
 * ```
 */
export class MoodsApi {
  private readonly events: Emitter<MoodsEvents>;
  private readonly board: FriendMoodBoard;
  private listening = false;

  /** @internal */
  constructor(
    private readonly commands: Commands,
    connection: Connection,
    private readonly queued: QueuedCommands,
    private readonly logger: Logger,
  ) {
    this.events = new Emitter((error) => logger.error('a moods listener threw', { error }));
    this.board = new FriendMoodBoard((board) => this.events.emit('board', board));
    this.bind(connection.socket);
    connection.events.on('connected', () => {
      // The server forgets a connection's listening with it: ask again on every (re)connect.
      if (this.listening) void this.subscribe().catch((error: unknown) => logger.warn('listening to friends\' moods failed', { error }));
    });
  }

  /**
   * Records a mood. A `clientId` is generated once per call and reused on every retry, so the mood
   * is recorded once even across reconnects; while offline it waits in the outbox, in order with
   * your hugs. The result has your streak, and the milestone (3, 7, 30, 100, 365 days) it reached.
   *
   * @example
   * ```ts
   * const { moodId, streak, milestone } = await client.moods.record('grateful', { intensity: 0.8, tags: ['family'] });
   * if (milestone) celebrate(milestone);
   * ```
   */
  record(mood: MoodId, options: RecordMoodOptions): Promise<MoodRecordResult> {
    const { clientId, timeZone, tags, ...rest } = options;
    const payload = {
      mood,
      ...rest,
      ...(tags === undefined ? {} : { tags: [...tags] }),
      timeZone: timeZone ?? deviceTimeZone(),
      clientId: clientId ?? `m_${randomId(22)}`,
    };
    return this.queued.send('mood:record', payload);
  }

  /**
   * Changes one of your moods; friends who see it hear the change.
   *
   * @example
   * ```ts
   * await client.moods.update(moodId, { note: null, visibility: 'private' });
   * ```
   */
  update(moodId: string, changes: MoodChanges): Promise<MoodEntry> {
    const { tags, ...rest } = changes;
    return this.commands.send('mood:update', { moodId, ...rest, ...(tags === undefined ? {} : { tags: [...tags] }) });
  }

  /**
   * Deletes one of your moods; the friends who saw it hear so. Answers with your streak rebuilt without it.
   *
   * @example
   * ```ts
   * const { streak } = await client.moods.delete(moodId);
   * ```
   */
  delete(moodId: string): Promise<MoodDeleteResult> {
    return this.commands.send('mood:delete', { moodId });
  }

  /**
   * One page of your moods, or of a friend's that they let you see, newest first. A stranger's or
   * a friend's who shares with no one is `ForbiddenError`.
   *
   * @example
   * ```ts
   * let page = await client.moods.history({ limit: 20 });
   * if (page.next) page = await client.moods.history({ before: page.next });
   * ```
   */
  history(options: { readonly userId?: string; readonly before?: string; readonly limit?: number } = {}): Promise<MoodHistoryPage> {
    return this.commands.send('mood:history', options);
  }

  /**
   * Your streak, or a friend's where their privacy allows; "today" is judged in `timeZone`
   * (default this device's).
   *
   * @example
   * ```ts
   * const { current, longest } = await client.moods.streak();
   * ```
   */
  streak(options: { readonly userId?: string; readonly timeZone?: string } = {}): Promise<MoodStreakView> {
    return this.commands.send('mood:streak', { ...options, timeZone: options.timeZone ?? deviceTimeZone() });
  }

  /**
   * Insights over your last `days` days: counts, averages, patterns by weekday and time of day,
   * the trend, best and hardest days, tags, and hug lift. Each part says when there is not enough data.
   *
   * @example
   * ```ts
   * const summary = await client.moods.summary(30);
   * if (summary.hugLift.afterHugs.status === 'ok') showLift(summary.hugLift.afterHugs.difference);
   * ```
   */
  summary(days: 7 | 30 | 90 | 365): Promise<MoodSummaryResult> {
    return this.commands.send('mood:summary', { days });
  }

  /**
   * The latest mood and streak of each friend whose moods show to you, and from now on this client
   * hears their moods live (after every reconnect too), new friends included.
   *
   * @example
   * ```ts
   * const { friends } = await client.moods.friends();
   * for (const f of friends) row(f.userId).show(f.latest?.mood, f.streak.current);
   * ```
   */
  async friends(): Promise<FriendMoods> {
    this.listening = true;
    return this.subscribe();
  }

  /**
   * The friends' moods this client holds now (an immutable snapshot), kept live once listening.
   *
   * @example
   * ```ts
   * const board = client.moods.friendMoods();
   * board.get(friendId)?.latest?.mood;
   * ```
   */
  friendMoods(): ReadonlyMap<string, FriendMoodState> {
    return this.board.snapshot();
  }

  /**
   * Listens to friends' moods: `friend-update`, `friend-removed`, `friend-hidden`, or `board` (the
   * whole board after each change). The first listener starts listening on the server.
   *
   * @example
   * ```ts
   * const stop = client.moods.on('friend-update', ({ userId, entry }) => toast(`${userId} feels ${entry.mood}`));
   * ```
   */
  on<K extends keyof MoodsEvents>(event: K, listener: (...args: MoodsEvents[K]) => void): Unsubscribe {
    const off = this.events.on(event, listener);
    if (!this.listening) {
      this.listening = true;
      void this.subscribe().catch((error: unknown) => this.logger.warn('listening to friends\' moods failed', { error }));
    }
    return off;
  }

  private async subscribe(): Promise<FriendMoods> {
    const result = await this.commands.send('mood:friends', {});
    const { updated, hidden } = this.board.snapshotArrived(result);
    for (const userId of hidden) this.events.emit('friend-hidden', { userId, at: result.at });
    for (const friend of updated) if (friend.latest) this.events.emit('friend-update', { userId: friend.userId, entry: friend.latest, streak: friend.streak, at: friend.at });
    return result;
  }

  private bind(socket: ClientSocket): void {
    socket.on('mood:friend-update', (event) => {
      if (this.board.updated(event)) this.events.emit('friend-update', event);
    });
    socket.on('mood:friend-removed', (event) => {
      const refill = this.board.removed(event);
      this.events.emit('friend-removed', event);
      // The friend's latest mood went: the one before it (if any) is their latest now.
      if (refill) void this.refill(event.userId);
    });
    socket.on('mood:friend-hidden', (event) => {
      if (this.board.hidden(event)) this.events.emit('friend-hidden', event);
    });
  }

  private async refill(userId: string): Promise<void> {
    try {
      const page = await this.commands.send('mood:history', { userId, limit: 1 });
      const latest = page.entries[0];
      const state = this.board.get(userId);
      if (latest && state && this.board.refilled(userId, latest)) this.events.emit('friend-update', { userId, entry: latest, streak: null, at: state.at });
    } catch (error) {
      this.logger.debug('reading a friend\'s latest mood failed', { userId, error });
    }
  }
}
