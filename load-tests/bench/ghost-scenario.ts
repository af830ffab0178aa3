import { HugMoodClient } from '../../client-sdk/src/index.js';
import { SETTINGS } from '../../server/config/settings.js';
import type { BenchOptions } from './bench-options.js';
import { startBenchCluster } from './cluster-servers.js';
import { seedUsers } from './seed.js';
import { percentiles } from './stats.js';

/** Ghost-presence convergence over repeated `kill -9`s of the node holding a user's only device. */
export interface GhostResult {
  readonly kills: number;
  readonly nodeTimeoutMs: number;
  /** `kill -9` → the watcher on another node sees the user offline, per kill, ms. */
  readonly convergenceMs: readonly number[];
  readonly medianMs: number;
  readonly maxMs: number;
  /** Offline announcements the watcher got per kill (exactly one each is right). */
  readonly offlineAnnouncements: readonly number[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Three nodes of ours with the default presence settings. Each round: X connects to node 2, a
 * friend watching X sits on node 0; node 2 is killed with -9 and the time until the watcher sees X
 * offline is taken; node 2 is started again (same `NODE_ID`) for the next round.
 */
export async function runGhostScenario(options: BenchOptions, log: (line: string) => void): Promise<GhostResult> {
  const seeded = await seedUsers(2, 1);
  const [watcherUser, ghostUser] = seeded.users;
  if (!watcherUser || !ghostUser) throw new Error('seeding failed');
  const cluster = await startBenchCluster('ours', options, 3, 'sharded', seeded.dataDir);
  const clientOptions = { wire: options.wire, backoff: { baseDelayMs: 100, maxDelayMs: 500 } };
  const convergenceMs: number[] = [];
  const offlineAnnouncements: number[] = [];
  try {
    const watcher = HugMoodClient.connect({ url: cluster.nodes[0]?.url ?? '', getToken: () => watcherUser.token, ...clientOptions });
    await watcher.whenConnected(10_000);
    let offlineSeen: number[] = [];
    watcher.presence.on('update', (p) => {
      if (p.userId === ghostUser.userId && p.status === 'offline') offlineSeen.push(performance.now());
    });
    for (let round = 0; round < options.kills; round += 1) {
      const node = cluster.nodes[2];
      if (!node) throw new Error('node 2 is missing');
      const ghost = HugMoodClient.connect({ url: node.url, getToken: () => ghostUser.token, ...clientOptions });
      await ghost.whenConnected(10_000);
      await watcher.presence.watch([ghostUser.userId]);
      const deadline = Date.now() + 10_000;
      while (watcher.presence.get(ghostUser.userId)?.status !== 'online' && Date.now() < deadline) await sleep(20);
      offlineSeen = [];
      const killedAt = performance.now();
      process.kill(node.pid, 'SIGKILL');
      ghost.close();
      while (offlineSeen.length === 0 && performance.now() - killedAt < 60_000) await sleep(5);
      const first = offlineSeen[0];
      if (first === undefined) throw new Error(`round ${round + 1}: the watcher never saw the user go offline`);
      // Anything announced twice would arrive within a sweep or two.
      await sleep(2500);
      convergenceMs.push(Math.round(first - killedAt));
      offlineAnnouncements.push(offlineSeen.length);
      log(`  kill ${round + 1}/${options.kills}: offline after ${Math.round(first - killedAt)} ms, announced ${offlineSeen.length}×`);
      await cluster.restart(2);
    }
    watcher.close();
  } finally {
    await cluster.stop();
  }
  const p = percentiles(convergenceMs);
  return { kills: options.kills, nodeTimeoutMs: Number(SETTINGS.PRESENCE_NODE_TIMEOUT_MS.shownDefault), convergenceMs, medianMs: p.p50, maxMs: p.max, offlineAnnouncements };
}
