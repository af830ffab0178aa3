import { HugMoodClient, HugMoodError, type GroupHug } from '../../../../client-sdk/src/index.js';
import type { ServerInfo } from '../../../../protocol/types/server-info.js';
import { PROTOCOL_VERSION } from '../../../../protocol/version.js';
import { mintAccessToken } from './access-token.js';
import type { ArtilleryEvents } from './artillery.js';
import type { SeedFile, UserClaims } from './seed-file.js';

/** How often a refused command with `retryAfterMs` is tried again before it counts as failed. */
const MAX_RETRIES = 3;

const serverInfos = new Map<string, Promise<ServerInfo>>();

/**
 * What the server at `target` speaks (`GET /v1/server`), asked once per process: the engine uses
 * its wire format and refuses, with a clear error, a server that does not accept our protocol version.
 */
export function serverInfo(target: string, timeoutMs: number): Promise<ServerInfo> {
  let info = serverInfos.get(target);
  if (!info) {
    info = (async () => {
      const response = await fetch(new URL('/v1/server', target), { signal: AbortSignal.timeout(timeoutMs) });
      if (!response.ok) throw new Error(`GET ${target}/v1/server answered ${response.status}: is this a HugMood server?`);
      const body = (await response.json()) as ServerInfo;
      if (!body.supportedProtocolVersions.includes(PROTOCOL_VERSION)) {
        throw new Error(`the server speaks protocol versions ${body.supportedProtocolVersions.join(', ')}; this engine speaks ${PROTOCOL_VERSION}: rebuild it from the server's release`);
      }
      return body;
    })();
    serverInfos.set(target, info);
    info.catch(() => serverInfos.delete(target));
  }
  return info;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One virtual user: a seeded user it claimed, its SDK client, and what it measures. Every command
 * goes through {@link timed}: its ack latency into `hugmood.latency.<command>`, a refusal into
 * `errors.<code>` (retried after `retryAfterMs` when the server gives one).
 */
export class VirtualUser {
  client: HugMoodClient | null = null;
  index = -1;
  userId = '';
  friends: readonly string[] = [];
  group: GroupHug | null = null;
  /** Hugs this user got, live or by inbox sync. */
  hugsReceived = 0;
  private readonly hugWaiters = new Set<() => void>();
  private tokens = 0;

  constructor(
    private readonly seed: SeedFile,
    private readonly claims: UserClaims,
    private readonly target: string,
    readonly events: ArtilleryEvents,
  ) {}

  /** Claims a seeded user (`user`: a given index) and connects as it within `timeoutMs`. */
  async connect(options: { readonly user?: number; readonly timeoutMs: number }): Promise<void> {
    const info = await serverInfo(this.target, options.timeoutMs);
    this.index = this.claims.claim(options.user);
    const user = this.seed.users[this.index];
    if (!user) throw new Error(`no seeded user ${this.index}`);
    this.userId = user.id;
    this.friends = user.friends;
    const started = performance.now();
    const client = HugMoodClient.connect({
      url: this.target,
      wire: info.wire,
      getToken: () => {
        // The first token opens the connection; every later one is a refresh the server asked for.
        if (this.tokens > 0) this.events.emit('counter', 'hugmood.token_refreshes', 1);
        this.tokens += 1;
        return mintAccessToken(this.seed, user.id);
      },
      connectTimeoutMs: options.timeoutMs,
      requestTimeoutMs: 10_000,
      clockSyncSamples: 3,
    });
    this.client = client;
    this.listen(client);
    try {
      await client.whenConnected(options.timeoutMs);
    } catch (error) {
      this.events.emit('error', error instanceof HugMoodError ? `connect_${error.code}` : 'connect_timeout');
      throw error;
    }
    this.events.emit('histogram', 'hugmood.connect_time', performance.now() - started);
  }

  private listen(client: HugMoodClient): void {
    let connectedOnce = false;
    client.onStateChange((state) => {
      if (state !== 'connected') return;
      if (connectedOnce) this.events.emit('counter', 'hugmood.reconnects', 1);
      connectedOnce = true;
    });
    client.hugs.on('received', (hug) => {
      this.hugsReceived += 1;
      if (hug.source === 'live') {
        // Server time at both ends: the sender's sentAt and this client's estimate of the server clock.
        this.events.emit('histogram', 'hugmood.delivery.hug', Math.max(0, client.clock.now() - hug.sentAt));
        this.events.emit('counter', 'hugmood.hugs.received_live', 1);
      } else {
        this.events.emit('counter', 'hugmood.hugs.received_by_sync', 1);
      }
      for (const wake of this.hugWaiters) wake();
    });
    client.presence.subscribe((_, changed) => {
      if (changed) this.events.emit('counter', 'hugmood.presence.updates', 1);
    });
    client.moods.on('friend-update', (update) => {
      this.events.emit('histogram', 'hugmood.delivery.mood', Math.max(0, client.clock.now() - update.at));
    });
  }

  /** The connected client; a step before `connect` is a mistake in the scenario. */
  get connected(): HugMoodClient {
    if (!this.client) throw new Error('this step needs a connection: put `connect` first in the flow');
    return this.client;
  }

  /**
   * Runs `command` once (and again after `retryAfterMs` for a temporary refusal), recording its
   * latency, or its refusal's code. Resolves `undefined` when it was refused in the end: a load
   * test counts refusals and goes on.
   */
  async timed<T>(command: string, run: () => Promise<T>): Promise<T | undefined> {
    for (let attempt = 0; ; attempt += 1) {
      const started = performance.now();
      try {
        const result = await run();
        this.events.emit('histogram', `hugmood.latency.${command}`, performance.now() - started);
        return result;
      } catch (error) {
        const code = error instanceof HugMoodError ? error.code : 'client_error';
        this.events.emit('error', code);
        const retryAfterMs = error instanceof HugMoodError ? error.retryAfterMs : undefined;
        if (retryAfterMs === undefined || attempt >= MAX_RETRIES) return undefined;
        this.events.emit('counter', 'hugmood.retries', 1);
        await sleep(retryAfterMs);
      }
    }
  }

  /** Resolves once this user got `count` hugs in all, or after `timeoutMs` (counted as `errors.hugs_missing`). */
  async waitForHugs(count: number, timeoutMs: number): Promise<void> {
    if (this.hugsReceived >= count) return;
    const done = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => finish(false), timeoutMs);
      const wake = () => {
        if (this.hugsReceived >= count) finish(true);
      };
      const finish = (ok: boolean) => {
        clearTimeout(timer);
        this.hugWaiters.delete(wake);
        resolve(ok);
      };
      this.hugWaiters.add(wake);
    });
    if (!done) this.events.emit('error', 'hugs_missing');
  }

  /** Closes the client and frees the seeded user for another virtual user. */
  close(): void {
    this.client?.close();
    this.client = null;
    if (this.index >= 0) this.claims.release(this.index);
    this.index = -1;
  }
}
