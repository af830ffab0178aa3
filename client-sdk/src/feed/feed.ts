import type { FeedItem, FeedPage } from '../../../protocol/types/feed.js';
import type { Commands } from '../commands.js';
import type { ClientSocket, Connection } from '../connection/connection.js';
import { Emitter, type Unsubscribe } from '../emitter.js';
import type { Logger } from '../logger.js';
import { SeenIds } from '../hugs/seen-ids.js';

/** What the feed API reports. */
export interface FeedEvents {
  /** A new item of a friend's (once each), shown to you as a page would show it. */
  new: [item: FeedItem];
}

/** Options of {@link FeedApi.page}. */
export interface FeedPageOptions {
  /** The `next` token of the previous page. */
  readonly before?: string;
  /** 1..50, default 20. */
  readonly limit?: number;
}

/**
 * Your friends' activity: moods they share with friends, streak milestones, group hugs you did
 * together, new friendships. Items show as they are now: a friend who stops sharing, an unfriend or
 * a block hides their items, older ones too. Reading a page (or listening to `new`) makes this
 * connection hear new items live, again after every reconnect.
 *
 * @example
 * ```ts
 * const { items, next } = await client.feed.page({ limit: 20 });
 * client.feed.on('new', (item) => prepend(item));
 * // Answer an item with a hug: its author reads "a hug for your mood".
 * await client.hugs.send(item.userId, { kind: 'warm', context: { activityId: item.id } });
 * if (items[0]?.type === 'mood') await client.hugs.send(items[0].userId, { kind: 'warm' });
 * ```
 */
export class FeedApi {
  private readonly events: Emitter<FeedEvents>;
  private readonly seen = new SeenIds(10_000);
  private listening = false;

  /** @internal */
  constructor(
    private readonly commands: Commands,
    connection: Connection,
    private readonly logger: Logger,
  ) {
    this.events = new Emitter((error) => logger.error('a feed listener threw', { error }));
    this.bind(connection.socket);
    connection.events.on('connected', () => {
      // The server forgets a connection's listening with it: ask again on every (re)connect.
      if (this.listening) void this.listen();
    });
  }

  /**
   * One page of the feed, newest first; this connection hears `new` items from then on.
   *
   * @example
   * ```ts
   * let page = await client.feed.page();
   * if (page.next) page = await client.feed.page({ before: page.next });
   * ```
   */
  async page(options: FeedPageOptions = {}): Promise<FeedPage> {
    const page = await this.commands.send('feed:get', { ...(options.before === undefined ? {} : { before: options.before }), ...(options.limit === undefined ? {} : { limit: options.limit }) });
    this.listening = true;
    return page;
  }

  /**
   * Listens to new items; the first listener starts listening on the server.
   *
   * @example
   * ```ts
   * const stop = client.feed.on('new', (item) => prepend(item));
   * ```
   */
  on<K extends keyof FeedEvents>(event: K, listener: (...args: FeedEvents[K]) => void): Unsubscribe {
    const off = this.events.on(event, listener);
    if (!this.listening) {
      this.listening = true;
      void this.listen();
    }
    return off;
  }

  private async listen(): Promise<void> {
    try {
      await this.commands.send('feed:get', { limit: 1 });
    } catch (error) {
      this.logger.warn('listening to the feed failed', { error });
    }
  }

  private bind(socket: ClientSocket): void {
    socket.on('feed:new', ({ item }) => {
      if (this.seen.add(item.id)) this.events.emit('new', item);
    });
  }
}
