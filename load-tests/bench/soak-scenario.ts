import { io, type Socket } from 'socket.io-client';
import { HugMoodClient } from '../../client-sdk/src/index.js';
import { parserFor } from '../../protocol/wire/wire-format.js';
import type { BenchOptions } from './bench-options.js';
import type { BenchServer } from './bench-server.js';
import { markdownTable } from './markdown-table.js';
import { rssBytes } from './machine.js';
import { seedUsers } from './seed.js';
import { startBaseline, startOurs } from './servers.js';
import type { ServerKind } from './worker-messages.js';

/** One minute of a soak, for one server. */
export interface SoakSample {
  readonly minute: number;
  /** The lowest of the minute's samples (one every 5 s): what is retained, not garbage awaiting collection. */
  readonly heapMb: number;
  readonly rssMb: number;
  /** Hugs acknowledged, received, and sends that failed during this minute. */
  readonly acked: number;
  readonly received: number;
  readonly failed: number;
  /** Status changes and reconnects made during this minute. */
  readonly flips: number;
  readonly reconnects: number;
}

/** A soak run of one server: its samples, and how its heap and RSS moved from the first minute to the last. */
export interface SoakRunResult {
  readonly server: ServerKind;
  readonly transport: string;
  readonly samples: readonly SoakSample[];
  /** Last minute's heap over the second minute's (1.00 = flat; the first minute is the warm-up). */
  readonly heapDrift: number;
  readonly rssDrift: number;
  /**
   * Last minute's heap over the middle minute's: the steady state, once the windows the server keeps
   * by design (idempotency keys for 15 minutes, recent hugs for 5) have filled in a 30-minute run.
   */
  readonly heapDriftSecondHalf: number;
  readonly rssDriftSecondHalf: number;
}

/** Both servers of a soak, run side by side under the same load. */
export interface SoakReport {
  readonly minutes: number;
  readonly pairs: number;
  readonly hugsPerSecond: number;
  readonly baseline: SoakRunResult;
  readonly ours: SoakRunResult;
}

/** The load of one server: the bench drives `ours` through the SDK and the baseline through raw sockets. */
interface SoakDriver {
  /** Sends one hug from pair `k`'s sender. */
  hug(k: number): void;
  /** Flips the status of user `i` (ours; the baseline has no presence: it relays an event instead). */
  flip(i: number): void;
  /** Closes user `i`'s connection and opens a new one for the same user. */
  reconnect(i: number): Promise<void>;
  close(): void;
}

interface Counters {
  acked: number;
  received: number;
  failed: number;
  flips: number;
  reconnects: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function oursDriver(server: BenchServer, users: readonly { userId: string; token: string }[], counters: Counters, options: BenchOptions): SoakDriver {
  const clients: HugMoodClient[] = [];
  const connect = (i: number) => {
    const user = users[i];
    if (!user) throw new Error(`no user ${i}`);
    // As an app does: the new client resumes the inbox where the old one left it (its persisted cursor).
    const inboxCursor = clients[i]?.hugs.cursor ?? 0;
    const client = HugMoodClient.connect({ url: server.url, getToken: () => user.token, wire: options.wire, deviceId: `soak-device-${i}`, requestTimeoutMs: 10_000, inboxCursor });
    client.hugs.on('received', () => (counters.received += 1));
    // Each user watches their pair's presence, so every flip fans out.
    const friend = users[i ^ 1];
    void client.whenConnected(30_000).then(() => (friend ? client.presence.watch([friend.userId]) : undefined)).catch(() => undefined);
    clients[i] = client;
  };
  users.forEach((_, i) => connect(i));
  let seq = 0;
  return {
    hug(k) {
      const from = clients[2 * k];
      const to = users[2 * k + 1];
      if (!from || !to) return;
      seq += 1;
      from.hugs.send(to.userId, { kind: 'warm', message: `soak ${seq}` }).then(
        () => (counters.acked += 1),
        () => (counters.failed += 1),
      );
    },
    flip(i) {
      const client = clients[i];
      if (!client || client.state !== 'connected') return;
      counters.flips += 1;
      void client.presence.setStatus(Math.random() < 0.5 ? 'away' : 'active', Math.random() < 0.5 ? null : 'soaking').catch(() => undefined);
    },
    async reconnect(i) {
      clients[i]?.close();
      connect(i);
      counters.reconnects += 1;
      await clients[i]?.whenConnected(30_000).catch(() => undefined);
    },
    close() {
      for (const client of clients) client.close();
    },
  };
}

function baselineDriver(server: BenchServer, users: readonly { userId: string }[], counters: Counters, options: BenchOptions): SoakDriver {
  const sockets: Socket[] = [];
  const connect = (i: number) => {
    const user = users[i];
    if (!user) throw new Error(`no user ${i}`);
    const socket = io(server.url, { transports: ['websocket'], reconnection: false, forceNew: true, parser: parserFor(options.wire), auth: { userId: user.userId } });
    socket.on('hug:received', () => (counters.received += 1));
    sockets[i] = socket;
    return socket;
  };
  users.forEach((_, i) => connect(i));
  let seq = 0;
  return {
    hug(k) {
      const from = sockets[2 * k];
      const to = users[2 * k + 1];
      if (!from || !to) return;
      seq += 1;
      from.timeout(10_000).emit('hug:send', { to: to.userId, kind: 'warm', message: `soak ${seq}`, clientId: `soak-${seq}` }, (error: Error | null) => {
        if (error) counters.failed += 1;
        else counters.acked += 1;
      });
    },
    flip(i) {
      // The relay has no presence; a relayed event stands for the fan-out of a status change.
      const socket = sockets[i];
      const friend = users[i ^ 1];
      if (!socket || !friend) return;
      counters.flips += 1;
      socket.emit('hug:send', { to: friend.userId, kind: 'warm', message: 'flip', clientId: `flip-${i}-${Date.now()}` });
    },
    async reconnect(i) {
      sockets[i]?.close();
      const socket = connect(i);
      counters.reconnects += 1;
      await new Promise<void>((resolve) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', () => resolve());
      });
    },
    close() {
      for (const socket of sockets) socket.close();
    },
  };
}

/**
 * The soak: both servers side by side, each under the same steady load for `minutes` (bounded):
 * hugs at `rate` per second over `pairs` pairs, a status flip every 100 ms, and a reconnect every
 * 500 ms (churn through the connection, presence and inbox-sync paths). Heap and RSS are sampled
 * every 5 s and each minute keeps its lowest; the drift is the last minute over the second (the
 * first is the warm-up).
 */
export async function runSoakScenario(options: BenchOptions, log: (line: string) => void): Promise<SoakReport> {
  const pairs = Math.min(options.pairs, 100);
  const seeded = await seedUsers(pairs * 2, pairs);
  const [ours, baseline] = await Promise.all([startOurs(options, seeded.dataDir), startBaseline(options)]);
  const servers = { ours, baseline };
  const counters: Record<ServerKind, Counters> = {
    ours: { acked: 0, received: 0, failed: 0, flips: 0, reconnects: 0 },
    baseline: { acked: 0, received: 0, failed: 0, flips: 0, reconnects: 0 },
  };
  const drivers: Record<ServerKind, SoakDriver> = {
    ours: oursDriver(ours, seeded.users, counters.ours, options),
    baseline: baselineDriver(baseline, seeded.users, counters.baseline, options),
  };
  const samples: Record<ServerKind, SoakSample[]> = { ours: [], baseline: [] };
  const kinds = ['ours', 'baseline'] as const;
  const endAt = Date.now() + options.minutes * 60_000;
  let running = true;
  const timers = [
    setInterval(() => {
      for (const kind of kinds) for (let n = 0; n < options.rate / 10; n += 1) drivers[kind].hug(Math.floor(Math.random() * pairs));
    }, 100),
    setInterval(() => {
      const i = Math.floor(Math.random() * pairs * 2);
      for (const kind of kinds) drivers[kind].flip(i);
    }, 100),
  ];
  const churn = (async () => {
    while (running) {
      const i = Math.floor(Math.random() * pairs * 2);
      await Promise.all(kinds.map((kind) => drivers[kind].reconnect(i)));
      await sleep(500);
    }
  })();
  try {
    for (let minute = 1; Date.now() < endAt; minute += 1) {
      const minuteEnd = Math.min(endAt, Date.now() + 60_000);
      const low: Record<ServerKind, { heap: number; rss: number }> = { ours: { heap: Infinity, rss: Infinity }, baseline: { heap: Infinity, rss: Infinity } };
      while (Date.now() < minuteEnd) {
        await sleep(Math.max(0, Math.min(5000, minuteEnd - Date.now())));
        for (const kind of kinds) {
          low[kind].heap = Math.min(low[kind].heap, await servers[kind].heapUsedBytes());
          low[kind].rss = Math.min(low[kind].rss, rssBytes(servers[kind].pid));
        }
      }
      for (const kind of kinds) {
        const c = counters[kind];
        samples[kind].push({ minute, heapMb: Math.round((low[kind].heap / 2 ** 20) * 10) / 10, rssMb: Math.round(low[kind].rss / 2 ** 20), ...c });
        Object.assign(c, { acked: 0, received: 0, failed: 0, flips: 0, reconnects: 0 });
      }
      const o = samples.ours.at(-1);
      const b = samples.baseline.at(-1);
      log(`soak minute ${minute}: ours heap ${o?.heapMb} MB rss ${o?.rssMb} MB acked ${o?.acked} failed ${o?.failed}; baseline heap ${b?.heapMb} MB rss ${b?.rssMb} MB`);
    }
  } finally {
    running = false;
    for (const timer of timers) clearInterval(timer);
    await churn;
    for (const kind of kinds) drivers[kind].close();
    await Promise.all([ours.stop(), baseline.stop()]);
  }
  const result = (kind: ServerKind): SoakRunResult => {
    const list = samples[kind];
    const first = list[1] ?? list[0];
    const middle = list[Math.max(1, Math.ceil(list.length / 2) - 1)] ?? first;
    const last = list.at(-1);
    const drift = (a: number | undefined, b: number | undefined) => (a && b ? Math.round((b / a) * 1000) / 1000 : 1);
    return {
      server: kind,
      transport: servers[kind].transport,
      samples: list,
      heapDrift: drift(first?.heapMb, last?.heapMb),
      rssDrift: drift(first?.rssMb, last?.rssMb),
      heapDriftSecondHalf: drift(middle?.heapMb, last?.heapMb),
      rssDriftSecondHalf: drift(middle?.rssMb, last?.rssMb),
    };
  };
  return { minutes: options.minutes, pairs, hugsPerSecond: options.rate, baseline: result('baseline'), ours: result('ours') };
}

/** The soak as Markdown: one row per minute, both servers, and the drift of each. */
export function formatSoakSection(soak: SoakReport): string[] {
  const rows = soak.ours.samples.map((o, i) => {
    const b = soak.baseline.samples[i];
    return [o.minute, o.heapMb, o.rssMb, o.acked, o.received, o.failed, o.flips, o.reconnects, b?.heapMb ?? '', b?.rssMb ?? '', b?.acked ?? ''];
  });
  const ratio = (a: number, b: number) => (b === 0 ? '' : Math.round((a / b) * 100) / 100);
  return [
    `Soak: ${soak.minutes} min, ${soak.pairs} pairs, ${soak.hugsPerSecond} hugs/s, a presence flip every 100 ms, a reconnect every 500 ms; ours and the baseline side by side.`,
    ...markdownTable(['minute', 'ours heap MB', 'ours RSS MB', 'acked', 'received', 'failed', 'flips', 'reconnects', 'baseline heap MB', 'baseline RSS MB', 'baseline acked'], rows),
    '',
    ...markdownTable(
      ['', 'heap last/2nd minute', 'RSS last/2nd minute', 'heap last/middle minute', 'RSS last/middle minute'],
      [
        ['baseline', soak.baseline.heapDrift, soak.baseline.rssDrift, soak.baseline.heapDriftSecondHalf, soak.baseline.rssDriftSecondHalf],
        ['ours', soak.ours.heapDrift, soak.ours.rssDrift, soak.ours.heapDriftSecondHalf, soak.ours.rssDriftSecondHalf],
        [
          'ours / baseline',
          ratio(soak.ours.heapDrift, soak.baseline.heapDrift),
          ratio(soak.ours.rssDrift, soak.baseline.rssDrift),
          ratio(soak.ours.heapDriftSecondHalf, soak.baseline.heapDriftSecondHalf),
          ratio(soak.ours.rssDriftSecondHalf, soak.baseline.rssDriftSecondHalf),
        ],
      ],
    ),
    '',
  ];
}
