import { io } from 'socket.io-client';
import { summariseMoods } from '../../domain/moods/mood-summary.js';
import { PROTOCOL_VERSION } from '../../protocol/version.js';
import { parserFor } from '../../protocol/wire/wire-format.js';
import { hugCreate, moodCreate } from '../../persistence/write-behind/write-operation.js';
import type { BenchOptions } from './bench-options.js';
import type { BenchServer } from './bench-server.js';
import type { ClientPool } from './client-pool.js';
import { moodYear } from './mood-year.js';
import { ringFriends, seedFriendRing } from './seed.js';
import { measuredLoad } from './server-meter.js';
import { startBaseline, startOurs } from './servers.js';
import { type Percentiles, percentiles } from './stats.js';
import type { ServerKind, SocketSpec } from './worker-messages.js';

/** The moods scenario's figures for one server. */
export interface MoodRunResult {
  readonly server: ServerKind;
  readonly transport: string;
  readonly users: number;
  readonly friendsPerUser: number;
  readonly targetRate: number;
  /** Moods recorded (acknowledged) per second over the measured window. */
  readonly achievedRate: number;
  readonly sent: number;
  readonly failed: number;
  readonly firstError: string | null;
  /** Friends that heard each measured mood, on average (every listener: `friendsPerUser`). */
  readonly deliveriesPerRecord: number;
  /** Record sent → `mood:friend-update` at each friend, ms, measured window only. */
  readonly fanOutMs: Percentiles;
  readonly serverCpuCores: number;
  /** Server CPU (every thread) per mood recorded, µs. */
  readonly cpuUsPerRecord: number;
  readonly mainThreadCpuUsPerRecord: number;
  readonly fsyncsPerRecord: number;
  readonly eventLoopUtilization: number;
  readonly serverRssMb: number;
}

/** How long a year's summary takes, in process and over the wire, against the floors beside it. */
export interface SummaryTiming {
  readonly moods: number;
  readonly hugs: number;
  /** `summariseMoods` over the year: the first (cold) run, then the median and p95 of the runs after five warm ones, ms. */
  readonly computeMs: { readonly first: number; readonly median: number; readonly p95: number; readonly runs: number };
  /** The floor beside it: the year's moods through JSON and back (what merely reading them costs), median ms. */
  readonly jsonRoundTripMs: number;
  /** `mood:summary { days: 365 }` answered by our server (store read and compute), median ms. */
  readonly wireMs: number;
  /** `time:sync` on the same connection (the wire's own round trip), median ms. */
  readonly wireFloorMs: number;
  /** What hug lift found in the seeded year (0.3 was put in). */
  readonly hugLift: string;
}

const median = (xs: readonly number[]) => percentiles(xs).p50;

/**
 * The moods scenario against `kind`: `users` connected users in a ring of friends (`friends` each),
 * every one listening to its friends' moods, recording moods at `rate` in all for a bounded time.
 * Ours records, appends durably, and emits once to the author's mood room; the relay only emits
 * the same event to the same room.
 */
export async function runMoodScenario(kind: ServerKind, options: BenchOptions, pool: ClientPool, log: (line: string) => void): Promise<{ run: MoodRunResult; summary: SummaryTiming | null }> {
  const { users: count, friends } = options;
  const year = moodYear('bench-user-0', ringFriends(0, count, friends), Date.now());
  const seeded = await seedFriendRing(count, friends, async (store) => {
    if (kind === 'ours') await store.applyWrites([...year.moods.map(moodCreate), ...year.hugs.map(hugCreate)]);
  });
  const server: BenchServer = kind === 'ours' ? await startOurs(options, seeded.dataDir) : await startBaseline(options);
  try {
    const w = pool.size;
    const mine = (i: number): SocketSpec[] => seeded.users.filter((_, n) => n % w === i);
    const opened = await pool.all((i) => ({ type: 'open', url: server.url, wire: options.wire, kind, sockets: mine(i) }), 'opened');
    const failedOpen = opened.reduce((n, o) => n + o.failed, 0);
    if (failedOpen > 0) throw new Error(`${kind}: ${failedOpen} sockets failed to open: ${opened.find((o) => o.firstError)?.firstError ?? ''}`);
    const listening = await pool.all(
      (i) => ({ type: 'listen', kind, friends: mine(i).map((s) => ({ userId: s.userId, friendIds: ringFriends(Number(s.userId.slice('bench-user-'.length)), count, friends) })) }),
      'listening',
    );
    const failedListen = listening.reduce((n, l) => n + l.failed, 0);
    if (failedListen > 0) throw new Error(`${kind}: ${failedListen} sockets failed to listen: ${listening.find((l) => l.firstError)?.firstError ?? ''}`);
    log(`${kind}: ${count} users listening to ${ringFriends(0, count, friends).length} friends each; recording`);

    const { done, usage, latencies } = await measuredLoad(
      server,
      pool,
      (i) => ({ type: 'moods', authors: mine(i).map((s) => s.userId), ratePerS: (options.rate * mine(i).length) / count, warmupMs: options.warmup * 1000, durationMs: options.duration * 1000 }),
      'moods-done',
    );
    const measured = done.reduce((n, d) => n + d.measured, 0);
    const perRecord = (v: number) => v / Math.max(1, options.rate);
    const run: MoodRunResult = {
      server: kind,
      transport: server.transport,
      users: count,
      friendsPerUser: ringFriends(0, count, friends).length,
      targetRate: options.rate,
      achievedRate: Math.round((measured / options.duration) * 10) / 10,
      sent: done.reduce((n, d) => n + d.sent, 0),
      failed: done.reduce((n, d) => n + d.failed, 0),
      firstError: done.find((d) => d.firstError)?.firstError ?? null,
      deliveriesPerRecord: Math.round((latencies.length / Math.max(1, measured)) * 100) / 100,
      fanOutMs: percentiles(latencies),
      serverCpuCores: Math.round(usage.cpuCores * 100) / 100,
      cpuUsPerRecord: Math.round(perRecord(usage.cpuCores * 1e6)),
      mainThreadCpuUsPerRecord: Math.round(perRecord(usage.mainThreadCores * 1e6)),
      fsyncsPerRecord: Math.round(perRecord(usage.commitsPerS) * 1000) / 1000,
      eventLoopUtilization: Math.round(usage.eventLoopUtilization * 100) / 100,
      serverRssMb: Math.round(usage.rssBytes / 2 ** 20),
    };
    const summary = kind === 'ours' ? await timeSummary(server, options, seeded.users[0], year) : null;
    return { run, summary };
  } finally {
    await server.stop();
  }
}

/** The seeded year summarised in this process, and asked of the server over the wire. */
async function timeSummary(server: BenchServer, options: BenchOptions, user: SocketSpec | undefined, year: ReturnType<typeof moodYear>): Promise<SummaryTiming> {
  const points = year.moods.map((m) => ({ at: m.recordedAt, timeZone: m.timeZone, mood: m.mood, intensity: m.intensity, valence: m.valence, tags: m.tags }));
  const hugPoints = year.hugs.map((h) => ({ at: h.sentAt, kind: 'hug' as const, from: h.from }));
  const now = Date.now();
  const once = (f: () => unknown) => {
    const t = performance.now();
    f();
    return performance.now() - t;
  };
  const timed = (f: () => unknown, runs: number) => {
    for (let i = 0; i < 5; i += 1) f();
    return Array.from({ length: runs }, () => once(f));
  };
  const first = once(() => summariseMoods(points, hugPoints, 365, now));
  const compute = timed(() => summariseMoods(points, hugPoints, 365, now), 50);
  const json = timed(() => JSON.parse(JSON.stringify(year.moods)) as unknown, 50);
  const result = summariseMoods(points, hugPoints, 365, now);
  const lift = result.hugLift.afterHugs;
  if (!user) throw new Error('no seeded user to ask for a summary');
  const socket = io(server.url, { transports: ['websocket'], reconnection: false, forceNew: true, parser: parserFor(options.wire), auth: { v: PROTOCOL_VERSION, token: user.token, deviceId: 'bench-summary', deviceKind: 'server' } });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const roundTrips = async (event: string, payload: unknown) => {
      const ms: number[] = [];
      for (let i = 0; i < 25; i += 1) {
        const t = performance.now();
        const ack = (await socket.timeout(10_000).emitWithAck(event, payload)) as { ok?: boolean; error?: { code?: string } };
        if (!ack.ok) throw new Error(`${event}: ${ack.error?.code ?? 'malformed ack'}`);
        ms.push(performance.now() - t);
      }
      return ms.slice(5);
    };
    const wire = await roundTrips('mood:summary', { days: 365 });
    const floor = await roundTrips('time:sync', {});
    const round = (v: number) => Math.round(v * 100) / 100;
    return {
      moods: year.moods.length,
      hugs: year.hugs.length,
      computeMs: { first: round(first), median: round(median(compute)), p95: round(percentiles(compute).p95), runs: compute.length },
      jsonRoundTripMs: round(median(json)),
      wireMs: round(median(wire)),
      wireFloorMs: round(median(floor)),
      hugLift: lift.status === 'ok' ? `+${lift.difference.toFixed(2)} valence (d ${lift.effectSize?.toFixed(2) ?? '–'}, 95% CI ${lift.ci95.map((v) => v.toFixed(2)).join('..')}, n ${lift.nAfter}/${lift.nBaseline})` : `not enough data (${lift.have}/${lift.need})`,
    };
  } finally {
    socket.close();
  }
}
