import type { ClusterRun } from './cluster-scenario.js';
import type { FailoverResult } from './failover-scenario.js';
import type { GhostResult } from './ghost-scenario.js';
import type { GroupRun } from './group-scenario.js';
import { markdownTable } from './markdown-table.js';
import { ratio } from './stats.js';

const ms = (v: number) => v.toFixed(1);
const byName = (counts: Readonly<Record<string, number>>) =>
  Object.entries(counts)
    .slice(0, 8)
    .map(([name, n]) => `${name} ${n}`)
    .join(', ');

/** The cross-node section: the highest rate that held per adapter and node count, then each step. */
export function formatClusterSection(runs: readonly ClusterRun[], options: Readonly<Record<string, unknown>>): string[] {
  const lines = [
    `Cross-node scenario: ${options['pairs'] as number} pairs, sender on node k and recipient on node k+1, ${options['step'] as number} s per rate step after 1 s warm-up; a rate holds while p99 ≤ ${options['bound'] as number} ms, ≥ 95% is delivered and nothing is refused. ${options['redis'] === 'cluster' ? 'Redis: a three-master Redis Cluster (both servers on REDIS_CLUSTER_NODES; ours with 12 log partitions); Redis CPU and commands are summed over the masters.' : 'Redis: one redis-server.'}`,
  ];
  const adapters = [...new Set(runs.map((r) => r.adapter))];
  const counts = [...new Set(runs.map((r) => r.nodes))].sort((a, b) => a - b);
  const maxOf = (server: string, adapter: string, nodes: number) => runs.find((r) => r.server === server && r.adapter === adapter && r.nodes === nodes)?.maxRate;
  const rows = adapters.flatMap((adapter) =>
    counts.map((nodes) => {
      const ours = maxOf('ours', adapter, nodes);
      const baseline = maxOf('baseline', adapter, nodes);
      return [adapter, nodes, baseline ?? '', ours ?? '', ours !== undefined && baseline !== undefined ? ratio(ours, baseline) : ''];
    }),
  );
  lines.push(...markdownTable(['adapter', 'nodes', 'baseline max hugs/s', 'ours max hugs/s', 'ours / baseline'], rows), '');
  const stepRows = runs.flatMap((r) =>
    r.steps.map((s) => [r.server, r.adapter, r.nodes, s.rate, s.achievedRate, ms(s.latencyMs.p50), ms(s.latencyMs.p99), s.failed, s.nodesCpuCores, s.redisCpuCores, s.redisCpuUsPerHug, s.held ? 'yes' : 'no']),
  );
  lines.push('Every step:', ...markdownTable(['server', 'adapter', 'nodes', 'target /s', 'achieved /s', 'p50 ms', 'p99 ms', 'failed', 'nodes CPU', 'redis CPU', 'redis µs/hug', 'held'], stepRows), '');
  lines.push(
    `Redis commands per hug (send, receipt and delivered; MONITOR over ${options['countRate'] as number} hugs/s for 3 s, the idle background taken off): round trips are the commands clients sent, commands include those scripts ran.`,
    ...markdownTable(
      ['server', 'adapter', 'nodes', 'hugs counted', 'round trips', 'commands', 'sent by name', 'inside scripts'],
      runs.map((r) => [r.server, r.adapter, r.nodes, r.counts.hugs, r.counts.roundTrips, r.counts.commands, byName(r.counts.sentByName), byName(r.counts.inScriptsByName)]),
    ),
    '',
  );
  const firstErrors = runs.flatMap((r) => r.steps.filter((s) => s.firstError).map((s) => `${r.server} ${r.adapter} ${r.nodes} @ ${s.rate}: ${s.firstError ?? ''}`));
  if (firstErrors.length > 0) lines.push('First errors:', ...firstErrors.map((e) => `- ${e}`), '');
  return lines;
}

/** The ghost-presence section. */
export function formatGhostSection(ghost: GhostResult): string[] {
  return [
    `Ghost presence: ${ghost.kills} × kill -9 of the node holding a user's only device (PRESENCE_NODE_TIMEOUT_MS ${ghost.nodeTimeoutMs}); time until a watcher on another node sees the user offline.`,
    ...markdownTable(
      ['median ms', 'max ms', 'every kill ms', 'offline announcements per kill'],
      [[ghost.medianMs, ghost.maxMs, ghost.convergenceMs.join(', '), ghost.offlineAnnouncements.join(', ')]],
    ),
    '',
  ];
}

/** The group-hug owner failover table. */
export function formatFailoverSection(f: FailoverResult): string[] {
  return [
    `Group-hug owner failover: ${f.kills} × kill -9 of the owner in each phase (GROUP_LEASE_MS ${f.leaseMs}); time until another node holds the lease.`,
    ...markdownTable(
      ['phase', 'median ms', 'max ms', 'every kill ms'],
      [
        ['gathering', f.gathering.medianMs, f.gathering.maxMs, f.gatheringMs.join(', ')],
        ['live', f.live.medianMs, f.live.maxMs, f.liveMs.join(', ')],
      ],
    ),
    '',
  ];
}

/** The 1,000-participant group hug table, ours against plain Socket.IO broadcasting the same pulse. */
export function formatGroupSection(baseline: GroupRun, ours: GroupRun): string[] {
  const row = (name: string, r: GroupRun) => [name, r.joinAllMs, ms(r.joinMs.p50), ms(r.joinMs.p99), r.joinCpuUs.nodes, r.joinCpuUs.redis, r.joinCpuUs.clients, ms(r.fanoutMs.p50), ms(r.fanoutMs.p99), r.pulsesPerParticipant, r.cpuPercent];
  return [
    `Group hug: ${ours.participants} participants over ${ours.nodes} nodes (sharded adapter); everyone joins ${ours.joinAllRoundsMs.length} group hugs in turn (join all = the median round; ours ${ours.joinAllRoundsMs.join(', ')} ms, baseline ${baseline.joinAllRoundsMs.join(', ')} ms), then ${ours.liveSeconds} s live with every participant squeezing twice a second; pulse fan-out = server pulse time → arrival.`,
    ...markdownTable(
      ['', 'join all ms', 'join p50 ms', 'join p99 ms', 'CPU µs/join: nodes', 'Redis', 'clients', 'fan-out p50 ms', 'fan-out p99 ms', 'pulses/participant', 'server CPU % (3 nodes)'],
      [
        row('baseline (room join + broadcast)', baseline),
        row('ours', ours),
        [
          'ours / baseline',
          ratio(ours.joinAllMs, baseline.joinAllMs),
          ratio(ours.joinMs.p50, baseline.joinMs.p50),
          ratio(ours.joinMs.p99, baseline.joinMs.p99),
          ratio(ours.joinCpuUs.nodes, baseline.joinCpuUs.nodes),
          baseline.joinCpuUs.redis === 0 ? '—' : ratio(ours.joinCpuUs.redis, baseline.joinCpuUs.redis),
          ratio(ours.joinCpuUs.clients, baseline.joinCpuUs.clients),
          ratio(ours.fanoutMs.p50, baseline.fanoutMs.p50),
          ratio(ours.fanoutMs.p99, baseline.fanoutMs.p99),
          '',
          ratio(ours.cpuPercent, baseline.cpuPercent),
        ],
      ],
    ),
    '',
  ];
}
