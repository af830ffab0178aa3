import type { Socket } from 'socket.io-client';
import type { BenchOptions } from './bench-options.js';
import { startBenchCluster } from './cluster-servers.js';
import { cpuSeconds } from './machine.js';
import { call, openSocket } from './raw-socket.js';
import { seedUsers } from './seed.js';
import { type Percentiles, percentiles } from './stats.js';
import type { ServerKind } from './worker-messages.js';

/** One side of the group scenario: one group hug with N participants over three nodes. */
export interface GroupRun {
  readonly kind: ServerKind;
  readonly participants: number;
  readonly nodes: number;
  /** Wall time for every participant to join (25 joins in flight): the median over the rounds. */
  readonly joinAllMs: number;
  /** Each round's wall time, in order. */
  readonly joinAllRoundsMs: readonly number[];
  /** CPU per join while everyone joined (all rounds), µs: the three nodes, Redis, and the process holding every client. */
  readonly joinCpuUs: { readonly nodes: number; readonly redis: number; readonly clients: number };
  /** Per-join latency, ms. */
  readonly joinMs: Percentiles;
  /** Server pulse time → a participant's socket, ms, over every pulse every participant got. */
  readonly fanoutMs: Percentiles;
  readonly pulsesPerParticipant: number;
  readonly squeezesSent: number;
  /** Server CPU during the live window, summed over the nodes, % of one core. */
  readonly cpuPercent: number;
  readonly liveSeconds: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const GROUP_ID = 'g_bench_group_000000000';

/** One round: a new group hug, and everyone joins it. */
interface JoinRound {
  readonly groupId: string;
  readonly settleMs: number;
  readonly joinAllMs: number;
  readonly latencies: readonly number[];
  /** CPU seconds used while everyone joined. */
  readonly cpu: { readonly nodes: number; readonly redis: number; readonly clients: number };
}

interface RoundContext {
  readonly creator: Socket;
  readonly rest: readonly Socket[];
  readonly users: readonly { readonly userId: string }[];
  readonly nodePids: readonly number[];
  readonly redisPids: readonly (number | null)[];
  readonly round: number;
  readonly baselineGroup: string;
}

const cpuOf = (pids: readonly (number | null)[]) => pids.reduce<number>((sum, pid) => sum + (pid === null ? 0 : cpuSeconds(pid)), 0);

/**
 * Ours: the creator makes a group hug with everyone invited, the invitations settle, then everyone
 * joins, 25 at a time. Baseline: the creator joins the room, then everyone does.
 */
async function joinRound(kind: ServerKind, c: RoundContext): Promise<JoinRound> {
  let groupId = c.baselineGroup;
  if (kind === 'ours') {
    const invitees = c.users.slice(1).map((u) => u.userId);
    const created = (await call(c.creator, 'group:create', { title: 'bench', invitees, durationMs: 600_000, clientId: `bench-group-${String(c.round).padStart(4, '0')}` })) as { id: string };
    groupId = created.id;
  } else await call(c.creator, 'group:join', { groupId });
  // The create's 999 invitations are written behind: let that settle, so the joins are measured alone.
  const settleMs = await settled(c.nodePids);
  const latencies: number[] = [];
  const before = { nodes: cpuOf(c.nodePids), redis: cpuOf(c.redisPids), clients: process.cpuUsage() };
  const started = performance.now();
  for (let i = 0; i < c.rest.length; i += 25) {
    await Promise.all(
      c.rest.slice(i, i + 25).map(async (s) => {
        const t0 = performance.now();
        await call(s, 'group:join', { groupId });
        latencies.push(performance.now() - t0);
      }),
    );
  }
  const joinAllMs = performance.now() - started;
  const clients = process.cpuUsage(before.clients);
  const cpu = { nodes: cpuOf(c.nodePids) - before.nodes, redis: cpuOf(c.redisPids) - before.redis, clients: (clients.user + clients.system) / 1e6 };
  return { groupId, settleMs, joinAllMs, latencies, cpu };
}

/** Resolves once the processes together use under a quarter of a core over 400 ms (at most 10 s); returns how long that took. */
async function settled(pids: readonly number[]): Promise<number> {
  const cpu = () => pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
  const started = performance.now();
  for (const deadline = started + 10_000; performance.now() < deadline; ) {
    const before = cpu();
    await sleep(400);
    if (cpu() - before < 0.1) break;
  }
  return Math.round(performance.now() - started);
}

/**
 * One group hug with `participants` members spread over three nodes. Ours: the creator makes it
 * with everyone invited, everyone joins, the creator starts it, and while live every participant
 * squeezes twice a second; the actor broadcasts pulses at 10 Hz. Baseline: plain Socket.IO nodes on
 * the same adapter; each participant joins the room, and one node broadcasts the same pulse to it
 * at 10 Hz. Fan-out latency is each pulse's server time to its arrival (one machine, one clock).
 */
export async function runGroupScenario(kind: ServerKind, options: BenchOptions, log: (line: string) => void): Promise<GroupRun> {
  const n = options.participants;
  const liveSeconds = Math.min(options.duration, 20);
  const seeded = await seedUsers(kind === 'ours' ? n : 1, 0, kind === 'ours');
  const users = kind === 'ours' ? seeded.users : Array.from({ length: n }, (_, i) => ({ userId: `bench-user-${i}`, token: '' }));
  const cluster = await startBenchCluster(kind, options, 3, 'sharded', seeded.dataDir, kind === 'ours' ? { GROUP_LEAD_MS: '2000' } : {});
  // Only node 0 of the baseline pulses (one broadcaster, like one actor).
  if (kind === 'baseline') {
    await cluster.nodes[0]?.stop();
    await cluster.restart(0, { PULSE_GROUP: GROUP_ID });
  }
  const sockets: Socket[] = [];
  try {
    for (let i = 0; i < n; i += 50) {
      const batch = users.slice(i, i + 50).map((u, k) => openSocket(kind, cluster.nodes[(i + k) % 3]?.url ?? '', u, i + k, options.wire));
      sockets.push(...(await Promise.all(batch)));
    }
    log(`group (${kind}): ${sockets.length} participants connected`);
    const [creator, ...rest] = sockets;
    if (!creator) throw new Error('no sockets');
    const nodePids = cluster.nodes.map((node) => node.pid);
    const redisPids = cluster.redis.servers.map((r) => r.pid);
    const rounds: JoinRound[] = [];
    let groupId = GROUP_ID;
    for (let round = 0; round < options.rounds; round += 1) {
      // The baseline's pulsing node broadcasts to GROUP_ID: the last round joins that one.
      const last = round === options.rounds - 1;
      const joined = await joinRound(kind, { creator, rest, users, nodePids, redisPids, round, baselineGroup: last ? GROUP_ID : `${GROUP_ID}_${round}` });
      log(`group (${kind}): round ${round + 1}: settled in ${joined.settleMs} ms after the create, ${rest.length} joins in ${Math.round(joined.joinAllMs)} ms`);
      rounds.push(joined);
      groupId = joined.groupId;
    }
    const joinAllRoundsMs = rounds.map((r) => Math.round(r.joinAllMs));
    const joinAllMs = percentiles(joinAllRoundsMs).p50;
    const perJoinUs = (pick: (r: JoinRound) => number) => Math.round((rounds.reduce((sum, r) => sum + pick(r), 0) * 1e6) / (rest.length * rounds.length));
    const joinCpuUs = { nodes: perJoinUs((r) => r.cpu.nodes), redis: perJoinUs((r) => r.cpu.redis), clients: perJoinUs((r) => r.cpu.clients) };
    const joinLatencies = rounds.flatMap((r) => r.latencies);
    if (kind === 'ours') {
      const started = (await call(creator, 'group:start', { groupId })) as { startsAt: number };
      await sleep(Math.max(0, started.startsAt - Date.now()) + 200);
    }
    const fanout: number[] = [];
    let recording = true;
    for (const s of sockets) {
      s.on('group:pulse', (p: { t: number }) => {
        if (recording) fanout.push(Date.now() - p.t);
      });
    }
    let squeezes = 0;
    const squeezer = setInterval(() => {
      for (const s of sockets) {
        squeezes += 1;
        void call(s, 'group:squeeze', { groupId, intensity: Math.random() }).catch(() => undefined);
      }
    }, 500);
    const cpuBefore = cpuOf(nodePids);
    const t0 = performance.now();
    await sleep(liveSeconds * 1000);
    const cpuAfter = cpuOf(nodePids);
    const elapsed = (performance.now() - t0) / 1000;
    recording = false;
    clearInterval(squeezer);
    return {
      kind,
      participants: n,
      nodes: 3,
      joinAllMs: Math.round(joinAllMs),
      joinAllRoundsMs,
      joinCpuUs,
      joinMs: percentiles(joinLatencies),
      fanoutMs: percentiles(fanout),
      pulsesPerParticipant: Math.round(fanout.length / n),
      squeezesSent: squeezes,
      cpuPercent: Math.round(((cpuAfter - cpuBefore) / elapsed) * 100),
      liveSeconds,
    };
  } finally {
    for (const s of sockets) s.disconnect();
    await cluster.stop();
  }
}
