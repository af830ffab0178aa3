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
  /** Wall time for every participant to join (25 joins in flight). */
  readonly joinAllMs: number;
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
    let groupId = GROUP_ID;
    if (kind === 'ours') {
      const created = (await call(creator, 'group:create', { title: 'bench', invitees: users.slice(1).map((u) => u.userId), durationMs: 600_000, clientId: 'bench-group-0001' })) as { id: string };
      groupId = created.id;
    } else await call(creator, 'group:join', { groupId });
    const joinLatencies: number[] = [];
    const joinStarted = performance.now();
    for (let i = 0; i < rest.length; i += 25) {
      await Promise.all(
        rest.slice(i, i + 25).map(async (s) => {
          const t0 = performance.now();
          await call(s, 'group:join', { groupId });
          joinLatencies.push(performance.now() - t0);
        }),
      );
    }
    const joinAllMs = performance.now() - joinStarted;
    log(`group (${kind}): ${rest.length} joins in ${Math.round(joinAllMs)} ms`);
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
    const pids = cluster.nodes.map((node) => node.pid);
    const cpuBefore = pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
    const t0 = performance.now();
    await sleep(liveSeconds * 1000);
    const cpuAfter = pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
    const elapsed = (performance.now() - t0) / 1000;
    recording = false;
    clearInterval(squeezer);
    return {
      kind,
      participants: n,
      nodes: 3,
      joinAllMs: Math.round(joinAllMs),
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
