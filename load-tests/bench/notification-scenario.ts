import { io, type Socket } from 'socket.io-client';
import { collapsePush } from '../../domain/notifications/push-collapse.js';
import { notificationContent } from '../../domain/notifications/notification-text.js';
import type { MoodRecord } from '../../persistence/store/mood-repository.js';
import { activityCreate, moodCreate, type WriteOperation } from '../../persistence/write-behind/write-operation.js';
import { PROTOCOL_VERSION } from '../../protocol/version.js';
import { parserFor } from '../../protocol/wire/wire-format.js';
import { activityIdFor } from '../../rooms/command-ids.js';
import { WebPushProvider, generateVapidKeys } from '../../server/push/web-push-provider.js';
import { startPushEndpoint } from '../../test-support/push-endpoint.js';
import { webPushSubscriber } from '../../test-support/web-push-subscriber.js';
import type { BenchOptions } from './bench-options.js';
import { join } from 'node:path';
import { openSqliteStore } from '../../persistence/sqlite/sqlite-store.js';
import { seedGraph, seedUsers, type Seeded } from './seed.js';
import { startOurs } from './servers.js';
import { type Percentiles, percentiles } from './stats.js';

const DAY = 86_400_000;

/** The feed read at one friend count: ours over the wire, against the wire's own round trip. */
export interface FeedReadResult {
  readonly friends: number;
  /** Activities seeded (moods shared with friends, one a day per friend). */
  readonly activities: number;
  readonly reads: number;
  /** `feed:get { limit: 20 }`, first page, ms. */
  readonly firstPageMs: Percentiles;
  /** `feed:get` of the pages after it (walking back with `next`), ms. */
  readonly laterPagesMs: Percentiles;
  /** `time:sync` on the same connection (40 in a row): the floor every command pays, ms. */
  readonly floorMs: Percentiles;
}

/** Push delivery: `hug:send` to the local push service, against a direct Web Push send of the same size. */
export interface PushDeliveryResult {
  readonly pushes: number;
  readonly received: number;
  readonly ratePerS: number;
  /** From `hug:send` leaving the sender to the push arriving at the push service, ms. */
  readonly hugToPushMs: Percentiles;
  /** The baseline: this process encrypting, signing and sending one push straight to the same service, ms. */
  readonly directPushMs: Percentiles;
}

export interface NotificationBench {
  readonly feed: FeedReadResult;
  readonly push: PushDeliveryResult;
}

function connect(url: string, options: BenchOptions, token: string, deviceId: string): Promise<Socket> {
  const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true, parser: parserFor(options.wire), auth: { v: PROTOCOL_VERSION, token, deviceId, deviceKind: 'server' } });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

async function command<T>(socket: Socket, event: string, payload: unknown): Promise<T> {
  const ack = (await socket.timeout(10_000).emitWithAck(event, payload)) as { ok?: boolean; data?: T; error?: { code?: string; message?: string } };
  if (!ack.ok) throw new Error(`${event}: ${ack.error?.code ?? 'malformed ack'} ${ack.error?.message ?? ''}`);
  return ack.data as T;
}

const timed = async (f: () => Promise<unknown>) => {
  const t = performance.now();
  await f();
  return performance.now() - t;
};

/** A friend's shared mood of `day` days ago, with its activity. */
function sharedMood(userId: string, day: number, now: number): WriteOperation[] {
  const recordedAt = now - day * DAY - Math.floor(Math.random() * 12 * 3_600_000);
  const id = `m_bench_${userId}_${day}`;
  const mood: MoodRecord = {
    id,
    userId,
    mood: 'calm',
    intensity: 0.5,
    valence: 0.3,
    arousal: 0.3,
    note: null,
    tags: [],
    visibility: 'friends',
    timeZone: 'UTC',
    localDate: new Date(recordedAt).toISOString().slice(0, 10),
    recordedAt,
    updatedAt: null,
    clientId: `bench-${day}`,
    fingerprint: 'bench',
    deletedAt: null,
  };
  return [moodCreate(mood), activityCreate({ id: activityIdFor(userId, `mood:${id}`), actorId: userId, type: 'mood', ref: id, createdAt: recordedAt })];
}

/**
 * The notifications scenario on our server (embedded shape):
 * 1. feed reads for a user with `--friends` friends (the hub of a star), each friend with a shared
 *    mood a day for 30 days: first pages and the pages behind them, against `time:sync` on the same
 *    connection;
 * 2. push delivery: `--pushes` hugs, each to a different offline recipient with a Web Push
 *    subscription on a local push service, paced at `--rate`, timed from the send to the push's
 *    arrival, against this process pushing the same payload straight to the same service.
 */
export async function runNotificationScenario(options: BenchOptions, log: (line: string) => void): Promise<NotificationBench> {
  const feed = await feedReads(options, log);
  const push = await pushDelivery(options, log);
  return { feed, push };
}

async function feedReads(options: BenchOptions, log: (line: string) => void): Promise<FeedReadResult> {
  const friends = options.friends;
  const now = Date.now();
  let activities = 0;
  const seeded = await seedFeed(friends, now, (n) => (activities = n));
  const server = await startOurs(options, seeded.dataDir);
  try {
    const hub = seeded.users[0];
    if (!hub) throw new Error('no hub user');
    const socket = await connect(server.url, options, hub.token, 'bench-feed');
    try {
      log(`feed: ${friends} friends, ${activities} activities; reading`);
      for (let i = 0; i < 20; i += 1) await command(socket, 'feed:get', { limit: 20 });
      const first: number[] = [];
      const later: number[] = [];
      const floor: number[] = [];
      for (let i = 0; i < options.reads; i += 1) {
        let page: { next: string | null } | undefined;
        first.push(await timed(async () => (page = await command<{ next: string | null }>(socket, 'feed:get', { limit: 20 }))));
        for (let p = 0; p < 3 && page?.next; p += 1) {
          const before: string = page.next;
          later.push(await timed(async () => (page = await command<{ next: string | null }>(socket, 'feed:get', { limit: 20, before }))));
        }
      }
      // `time:sync` has a bucket of its own (48, then 4/s): 40 samples fit in it.
      for (let i = 0; i < 40; i += 1) floor.push(await timed(() => command(socket, 'time:sync', {})));
      return { friends, activities, reads: first.length, firstPageMs: percentiles(first), laterPagesMs: percentiles(later), floorMs: percentiles(floor) };
    } finally {
      socket.close();
    }
  } finally {
    await server.stop();
  }
}

/** The hub and its friends, each friend with 30 days of shared moods. */
function seedFeed(friends: number, now: number, counted: (n: number) => void): Promise<Seeded> {
  return seedUsers(friends + 1, 0, true).then(async (seeded) => {
    const store = openSqliteStore({ file: join(seeded.dataDir, 'hugmood.db') });
    try {
      const ops = seeded.users.slice(1).flatMap((u) => Array.from({ length: 30 }, (_, day) => sharedMood(u.userId, day, now)).flat());
      for (let i = 0; i < ops.length; i += 2000) await store.applyWrites(ops.slice(i, i + 2000));
      counted(ops.length / 2);
    } finally {
      await store.close();
    }
    return seeded;
  });
}

async function pushDelivery(options: BenchOptions, log: (line: string) => void): Promise<PushDeliveryResult> {
  const count = options.pushes;
  const senders = Math.min(50, count);
  const perSender = Math.ceil(count / senders);
  const endpoint = await startPushEndpoint();
  // Senders 0..senders-1; recipients after them, each the friend of the sender that hugs it.
  const pairs: [number, number][] = [];
  for (let r = 0; r < count; r += 1) pairs.push([Math.floor(r / perSender), senders + r]);
  const seeded = await seedGraph(senders + count, pairs, async (store, ids) => {
    for (let r = 0; r < count; r += 1) {
      const userId = ids[senders + r] ?? '';
      const subscription = webPushSubscriber(`${endpoint.origin}/push/${userId}`).subscription;
      await store.devices.register({ userId, deviceId: 'bench-phone', push: { platform: 'web', subscription }, createdAt: Date.now(), updatedAt: Date.now() });
    }
  });
  const server = await startOurs(options, seeded.dataDir);
  try {
    const sockets = await Promise.all(seeded.users.slice(0, senders).map((u, i) => connect(server.url, options, u.token, `bench-sender-${i}`)));
    try {
      log(`push: ${count} hugs to offline recipients with Web Push, ${options.rate}/s`);
      const sentAt = new Map<string, number>();
      const gap = 1000 / options.rate;
      const start = performance.now();
      const sends: Promise<unknown>[] = [];
      for (let r = 0; r < count; r += 1) {
        const due = start + r * gap;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        const to = seeded.users[senders + r]?.userId ?? '';
        const socket = sockets[Math.floor(r / perSender)];
        if (!socket) continue;
        sentAt.set(`/push/${to}`, Date.now());
        sends.push(command(socket, 'hug:send', { to, kind: 'warm', message: 'bench', clientId: `bench-push-${r}` }));
      }
      await Promise.all(sends);
      const deadline = Date.now() + 60_000;
      while (endpoint.received.length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      const latencies = endpoint.received.flatMap((p) => {
        const at = sentAt.get(p.path);
        return at === undefined ? [] : [p.at - at];
      });
      const elapsedS = (performance.now() - start) / 1000;
      // The baseline: the same payload pushed straight from here, one at a time, to the same service.
      const vapid = { subject: 'mailto:bench@hugmood.invalid', ...generateVapidKeys() };
      const direct = new WebPushProvider(vapid);
      const message = collapsePush([notificationContent({ type: 'hug', from: { id: 'x', displayName: 'Bench 1' }, hugId: 'h_bench', kind: 'warm', message: 'bench' }, true)]);
      const directMs: number[] = [];
      for (let i = 0; i < Math.min(count, 300); i += 1) {
        const target = { platform: 'web' as const, subscription: webPushSubscriber(`${endpoint.origin}/direct/${i}`).subscription };
        directMs.push(await timed(() => direct.send(target, message, { ttlS: 3600, urgency: 'high' })));
      }
      return { pushes: count, received: latencies.length, ratePerS: Math.round((count / elapsedS) * 10) / 10, hugToPushMs: percentiles(latencies), directPushMs: percentiles(directMs) };
    } finally {
      for (const s of sockets) s.close();
    }
  } finally {
    await server.stop();
    await endpoint.close();
  }
}
