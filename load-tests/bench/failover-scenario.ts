import type { Socket } from 'socket.io-client';
import { connectRedisTarget } from '../../persistence/redis/redis-client.js';
import { RedisGroupHugDirectory } from '../../rooms/group-hugs/redis-group-hug-directory.js';
import { SETTINGS } from '../../server/config/settings.js';
import type { BenchOptions } from './bench-options.js';
import { startBenchCluster } from './cluster-servers.js';
import { call, openSocket } from './raw-socket.js';
import { seedUsers } from './seed.js';
import { percentiles } from './stats.js';

/** Group-hug owner failover over repeated `kill -9`s of the owner, per phase. */
export interface FailoverResult {
  readonly kills: number;
  readonly leaseMs: number;
  /** `kill -9` → another node holds a live lease, per kill, ms. */
  readonly gatheringMs: readonly number[];
  readonly liveMs: readonly number[];
  readonly gathering: { readonly medianMs: number; readonly maxMs: number };
  readonly live: { readonly medianMs: number; readonly maxMs: number };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Three nodes of ours with the default lease. Each round a creator on node k creates a group hug
 * (so node k owns it) with two participants on the other nodes; for `live`, it is started and run
 * into its live part. Node k is killed with -9, the time until another node holds the lease is
 * read from the directory, and node k is started again for the next round.
 */
export async function runFailoverScenario(options: BenchOptions, log: (line: string) => void): Promise<FailoverResult> {
  const seeded = await seedUsers(3, 0, true);
  const cluster = await startBenchCluster('ours', options, 3, 'sharded', seeded.dataDir, { GROUP_LEAD_MS: '1000' });
  const redis = await connectRedisTarget(cluster.redis.target, { name: 'bench:failover' });
  const directory = new RedisGroupHugDirectory(redis);
  const results = { gathering: [] as number[], live: [] as number[] };
  let sockets: Socket[] = [];
  try {
    for (const phase of ['gathering', 'live'] as const) {
      for (let round = 0; round < options.kills; round += 1) {
        const k = round % 3;
        const [creatorUser, a, b] = seeded.users;
        if (!creatorUser || !a || !b) throw new Error('seeding failed');
        const url = (i: number) => cluster.nodes[i]?.url ?? '';
        sockets = await Promise.all([
          openSocket('ours', url(k), creatorUser, 0, options.wire),
          openSocket('ours', url((k + 1) % 3), a, 1, options.wire),
          openSocket('ours', url((k + 2) % 3), b, 2, options.wire),
        ]);
        const [creator, sa, sb] = sockets as [Socket, Socket, Socket];
        const view = (await call(creator, 'group:create', { title: `failover ${phase} ${round}`, invitees: [a.userId, b.userId], durationMs: 60_000, clientId: `failover-${phase}-${round}-${Date.now()}` })) as { id: string };
        await call(sa, 'group:join', { groupId: view.id });
        await call(sb, 'group:join', { groupId: view.id });
        if (phase === 'live') {
          const started = (await call(creator, 'group:start', { groupId: view.id })) as { startsAt: number };
          await sleep(Math.max(0, started.startsAt - Date.now()) + 300);
        }
        const owner = await directory.owner(view.id);
        if (owner?.nodeId !== `bench-node-${k}`) throw new Error(`round ${round + 1}: expected bench-node-${k} to own the group hug, found ${owner?.nodeId ?? 'nobody'}`);
        const node = cluster.nodes[k];
        if (!node) throw new Error(`node ${k} is missing`);
        const killedAt = performance.now();
        process.kill(node.pid, 'SIGKILL');
        let next = await directory.owner(view.id);
        while ((next === null || next.nodeId === owner.nodeId) && performance.now() - killedAt < 30_000) {
          await sleep(5);
          next = await directory.owner(view.id);
        }
        const ms = Math.round(performance.now() - killedAt);
        if (next === null || next.nodeId === owner.nodeId) throw new Error(`round ${round + 1}: nobody took the group hug over`);
        const state = (await call(sa, 'group:get', { groupId: view.id })) as { phase: string; participants: string[] };
        if (state.phase !== phase || state.participants.length !== 3) throw new Error(`round ${round + 1}: after failover the group hug is ${state.phase} with ${state.participants.length} participants`);
        results[phase].push(ms);
        log(`  ${phase} kill ${round + 1}/${options.kills}: ${next.nodeId} took over after ${ms} ms (token ${next.token})`);
        for (const s of sockets) s.disconnect();
        await cluster.restart(k);
      }
    }
  } finally {
    for (const s of sockets) s.disconnect();
    redis.disconnect();
    await cluster.stop();
  }
  const g = percentiles(results.gathering);
  const l = percentiles(results.live);
  return {
    kills: options.kills,
    leaseMs: Number(SETTINGS.GROUP_LEASE_MS.shownDefault),
    gatheringMs: results.gathering,
    liveMs: results.live,
    gathering: { medianMs: g.p50, maxMs: g.max },
    live: { medianMs: l.p50, maxMs: l.max },
  };
}
