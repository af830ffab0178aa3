import type { ClusterRun } from './cluster-scenario.js';
import type { GhostResult } from './ghost-scenario.js';
import { markdownTable } from './markdown-table.js';
import { ratio } from './stats.js';

const ms = (v: number) => v.toFixed(1);

/** The cross-node section: the highest rate that held per adapter and node count, then each step. */
export function formatClusterSection(runs: readonly ClusterRun[], options: Readonly<Record<string, unknown>>): string[] {
  const lines = [
    `Cross-node scenario: ${options['pairs'] as number} pairs, sender on node k and recipient on node k+1, ${options['step'] as number} s per rate step after 1 s warm-up; a rate holds while p99 ≤ ${options['bound'] as number} ms, ≥ 95% is delivered and nothing is refused.`,
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
    r.steps.map((s) => [r.server, r.adapter, r.nodes, s.rate, s.achievedRate, ms(s.latencyMs.p50), ms(s.latencyMs.p99), s.failed, s.nodesCpuCores, s.redisCpuCores, s.held ? 'yes' : 'no']),
  );
  lines.push('Every step:', ...markdownTable(['server', 'adapter', 'nodes', 'target /s', 'achieved /s', 'p50 ms', 'p99 ms', 'failed', 'nodes CPU', 'redis CPU', 'held'], stepRows), '');
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
