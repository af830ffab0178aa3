import type { HugRunResult } from './hug-scenario.js';
import type { IdleRunResult } from './idle-scenario.js';
import type { MoodRunResult, SummaryTiming } from './mood-scenario.js';
import type { NotificationBench } from './notification-scenario.js';
import type { MachineInfo } from './machine.js';
import type { ClusterRun } from './cluster-scenario.js';
import { formatClusterSection, formatFailoverSection, formatGhostSection, formatGroupSection } from './cluster-report.js';
import type { FailoverResult } from './failover-scenario.js';
import { formatSoakSection, type SoakReport } from './soak-scenario.js';
import type { GhostResult } from './ghost-scenario.js';
import type { GroupRun } from './group-scenario.js';
import { markdownTable } from './markdown-table.js';
import { ratio } from './stats.js';

/** Everything one bench run measured. */
export interface BenchReport {
  readonly startedAt: string;
  readonly machine: MachineInfo;
  readonly options: Readonly<Record<string, unknown>>;
  readonly hugs?: { readonly baseline: HugRunResult; readonly ours: HugRunResult; readonly ratios: Readonly<Record<string, number>> };
  readonly idle?: { readonly baseline: IdleRunResult; readonly ours: IdleRunResult; readonly ratios: Readonly<Record<string, number>> };
  /** The cross-node scenario: every server kind × adapter × node count. */
  readonly cluster?: readonly ClusterRun[];
  readonly ghost?: GhostResult;
  readonly group?: { readonly baseline: GroupRun; readonly ours: GroupRun };
  readonly failover?: FailoverResult;
  readonly soak?: SoakReport;
  readonly notifications?: NotificationBench;
  readonly moods?: {
    readonly baseline: MoodRunResult;
    readonly ours: MoodRunResult;
    readonly ratios: Readonly<Record<string, number>>;
    readonly summary: SummaryTiming | null;
  };
}

/** Ours-to-baseline ratios of the moods scenario. */
export function moodRatios(ours: MoodRunResult, baseline: MoodRunResult): Record<string, number> {
  return {
    achievedRate: ratio(ours.achievedRate, baseline.achievedRate),
    p50: ratio(ours.fanOutMs.p50, baseline.fanOutMs.p50),
    p95: ratio(ours.fanOutMs.p95, baseline.fanOutMs.p95),
    p99: ratio(ours.fanOutMs.p99, baseline.fanOutMs.p99),
    serverCpuCores: ratio(ours.serverCpuCores, baseline.serverCpuCores),
    cpuUsPerRecord: ratio(ours.cpuUsPerRecord, baseline.cpuUsPerRecord),
    mainThreadCpuUsPerRecord: ratio(ours.mainThreadCpuUsPerRecord, baseline.mainThreadCpuUsPerRecord),
    eventLoopUtilization: ratio(ours.eventLoopUtilization, baseline.eventLoopUtilization),
    serverRssMb: ratio(ours.serverRssMb, baseline.serverRssMb),
  };
}

/** Ours-to-baseline ratios of scenario one (lower is better for latency and cost). */
export function hugRatios(ours: HugRunResult, baseline: HugRunResult): Record<string, number> {
  return {
    achievedRate: ratio(ours.achievedRate, baseline.achievedRate),
    p50: ratio(ours.latencyMs.p50, baseline.latencyMs.p50),
    p95: ratio(ours.latencyMs.p95, baseline.latencyMs.p95),
    p99: ratio(ours.latencyMs.p99, baseline.latencyMs.p99),
    serverCpuCores: ratio(ours.serverCpuCores, baseline.serverCpuCores),
    cpuUsPerHug: ratio(ours.cpuUsPerHug, baseline.cpuUsPerHug),
    mainThreadCpuUsPerHug: ratio(ours.mainThreadCpuUsPerHug, baseline.mainThreadCpuUsPerHug),
    eventLoopUtilization: ratio(ours.eventLoopUtilization, baseline.eventLoopUtilization),
    serverRssMb: ratio(ours.serverRssMb, baseline.serverRssMb),
  };
}

/** Ours-to-baseline ratios of scenario two. */
export function idleRatios(ours: IdleRunResult, baseline: IdleRunResult): Record<string, number> {
  return {
    rssPerConnectionKb: ratio(ours.rssPerConnectionKb, baseline.rssPerConnectionKb),
    heapPerConnectionKb: ratio(ours.heapPerConnectionKb, baseline.heapPerConnectionKb),
  };
}

const ms = (v: number) => v.toFixed(2);

/** The report as Markdown tables, for the terminal and for closing notes. */
export function formatReport(report: BenchReport): string {
  const m = report.machine;
  const lines = [`Machine: ${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}, ${m.platform}. Run ${report.startedAt}.`, ''];
  if (report.hugs) {
    const { ours, baseline, ratios } = report.hugs;
    lines.push(
      `Scenario one: ${report.options['pairs'] as number} pairs, target ${ours.targetRate} hugs/s, ${report.options['duration'] as number} s measured after ${report.options['warmup'] as number} s warm-up (${ours.transport}, ${report.options['wire'] as string}).`,
      ...markdownTable(
        ['', 'rate achieved /s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'failed', 'server CPU (cores)', 'CPU µs/hug', 'main thread µs/hug', 'event loop busy', 'storage KB/hug', 'fsyncs/hug', 'server RSS MB'],
        [
          ['baseline (relay)', baseline.achievedRate, ms(baseline.latencyMs.p50), ms(baseline.latencyMs.p95), ms(baseline.latencyMs.p99), ms(baseline.latencyMs.max), baseline.failed, baseline.serverCpuCores, baseline.cpuUsPerHug, baseline.mainThreadCpuUsPerHug, baseline.eventLoopUtilization, baseline.storageKbPerHug, baseline.fsyncsPerHug, baseline.serverRssMb],
          ['ours', ours.achievedRate, ms(ours.latencyMs.p50), ms(ours.latencyMs.p95), ms(ours.latencyMs.p99), ms(ours.latencyMs.max), ours.failed, ours.serverCpuCores, ours.cpuUsPerHug, ours.mainThreadCpuUsPerHug, ours.eventLoopUtilization, ours.storageKbPerHug, ours.fsyncsPerHug, ours.serverRssMb],
          ['ours / baseline', ratios['achievedRate'] ?? '', ratios['p50'] ?? '', ratios['p95'] ?? '', ratios['p99'] ?? '', '', '', ratios['serverCpuCores'] ?? '', ratios['cpuUsPerHug'] ?? '', ratios['mainThreadCpuUsPerHug'] ?? '', ratios['eventLoopUtilization'] ?? '', '', '', ratios['serverRssMb'] ?? ''],
        ],
      ),
      '',
    );
    if (ours.firstError) lines.push(`ours: first error: ${ours.firstError}`, '');
  }
  if (report.idle) {
    const { ours, baseline, ratios } = report.idle;
    lines.push(
      `Scenario two: ${ours.connections} idle connections (${ours.transport}, ${report.options['wire'] as string}); ours authenticated with presence and user room, baseline bare.`,
      ...markdownTable(
        ['', 'RSS KB/conn', 'heap KB/conn (after full GC)', 'RSS before MB', 'RSS after MB', 'open time s'],
        [
          ['baseline (bare)', baseline.rssPerConnectionKb, baseline.heapPerConnectionKb, baseline.rssBeforeMb, baseline.rssAfterMb, baseline.openSeconds],
          ['ours', ours.rssPerConnectionKb, ours.heapPerConnectionKb, ours.rssBeforeMb, ours.rssAfterMb, ours.openSeconds],
          ['ours / baseline', ratios['rssPerConnectionKb'] ?? '', ratios['heapPerConnectionKb'] ?? '', '', '', ''],
        ],
      ),
      '',
    );
  }
  if (report.moods) lines.push(...formatMoodSection(report.moods));
  if (report.notifications) lines.push(...formatNotificationSection(report.notifications));
  if (report.cluster) lines.push(...formatClusterSection(report.cluster, report.options));
  if (report.ghost) lines.push(...formatGhostSection(report.ghost));
  if (report.group) lines.push(...formatGroupSection(report.group.baseline, report.group.ours));
  if (report.failover) lines.push(...formatFailoverSection(report.failover));
  if (report.soak) lines.push(...formatSoakSection(report.soak));
  return lines.join('\n');
}

function formatMoodSection(moods: NonNullable<BenchReport['moods']>): string[] {
  const { ours, baseline, ratios, summary } = moods;
  const row = (name: string, r: MoodRunResult) => [name, r.achievedRate, r.deliveriesPerRecord, ms(r.fanOutMs.p50), ms(r.fanOutMs.p95), ms(r.fanOutMs.p99), ms(r.fanOutMs.max), r.failed, r.serverCpuCores, r.cpuUsPerRecord, r.mainThreadCpuUsPerRecord, r.eventLoopUtilization, r.fsyncsPerRecord, r.serverRssMb];
  const lines = [
    `Moods: ${ours.users} users, each listening to ${ours.friendsPerUser} friends, ${ours.targetRate} moods/s recorded in all (${ours.transport}); fan-out is record sent → mood:friend-update at each friend. The baseline relays the same event to the same room, with no validation, store or privacy.`,
    ...markdownTable(
      ['', 'moods/s', 'friends reached per mood', 'fan-out p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'failed', 'server CPU (cores)', 'CPU µs/mood', 'main thread µs/mood', 'event loop busy', 'fsyncs/mood', 'server RSS MB'],
      [
        row('baseline (room broadcast)', baseline),
        row('ours', ours),
        ['ours / baseline', ratios['achievedRate'] ?? '', '', ratios['p50'] ?? '', ratios['p95'] ?? '', ratios['p99'] ?? '', '', '', ratios['serverCpuCores'] ?? '', ratios['cpuUsPerRecord'] ?? '', ratios['mainThreadCpuUsPerRecord'] ?? '', ratios['eventLoopUtilization'] ?? '', '', ratios['serverRssMb'] ?? ''],
      ],
    ),
    '',
  ];
  if (ours.firstError) lines.push(`ours: first error: ${ours.firstError}`, '');
  if (summary) {
    lines.push(
      `A year's summary: ${summary.moods} moods (three a day) and ${summary.hugs} hugs received; hug lift found ${summary.hugLift} (0.30 was seeded).`,
      ...markdownTable(
        ['', 'median ms', 'against', 'ratio'],
        [
          [`summariseMoods in process (p95 ${ms(summary.computeMs.p95)} ms over ${summary.computeMs.runs} runs; the first, cold, ${ms(summary.computeMs.first)} ms)`, ms(summary.computeMs.median), `the year through JSON and back, ${ms(summary.jsonRoundTripMs)} ms`, ratio(summary.computeMs.median, summary.jsonRoundTripMs)],
          ['mood:summary { days: 365 } over the wire (store read + compute)', ms(summary.wireMs), `time:sync on the same connection, ${ms(summary.wireFloorMs)} ms`, ratio(summary.wireMs, summary.wireFloorMs)],
        ],
      ),
      '',
    );
  }
  return lines;
}

function formatNotificationSection(n: NotificationBench): string[] {
  const { feed, push } = n;
  const x = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  return [
    '',
    `Notifications: feed reads at ${feed.friends} friends (${feed.activities} activities), ${feed.reads} first pages and ${feed.laterPagesMs.count} pages behind them; ${push.pushes} hugs pushed to offline recipients at ${push.ratePerS}/s (${push.received} received).`,
    '| figure | p50 ms | p95 ms | p99 ms | max ms | p50 / floor | p99 / floor |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    `| feed:get, first page | ${feed.firstPageMs.p50.toFixed(2)} | ${feed.firstPageMs.p95.toFixed(2)} | ${feed.firstPageMs.p99.toFixed(2)} | ${feed.firstPageMs.max.toFixed(2)} | ${x(feed.firstPageMs.p50, feed.floorMs.p50)} | ${x(feed.firstPageMs.p99, feed.floorMs.p99)} |`,
    `| feed:get, later pages | ${feed.laterPagesMs.p50.toFixed(2)} | ${feed.laterPagesMs.p95.toFixed(2)} | ${feed.laterPagesMs.p99.toFixed(2)} | ${feed.laterPagesMs.max.toFixed(2)} | ${x(feed.laterPagesMs.p50, feed.floorMs.p50)} | ${x(feed.laterPagesMs.p99, feed.floorMs.p99)} |`,
    `| time:sync (the floor) | ${feed.floorMs.p50.toFixed(2)} | ${feed.floorMs.p95.toFixed(2)} | ${feed.floorMs.p99.toFixed(2)} | ${feed.floorMs.max.toFixed(2)} | 1× | 1× |`,
    `| hug:send → push at the push service | ${push.hugToPushMs.p50.toFixed(2)} | ${push.hugToPushMs.p95.toFixed(2)} | ${push.hugToPushMs.p99.toFixed(2)} | ${push.hugToPushMs.max.toFixed(2)} | ${x(push.hugToPushMs.p50, push.directPushMs.p50)} | ${x(push.hugToPushMs.p99, push.directPushMs.p99)} |`,
    `| one push sent straight (the floor) | ${push.directPushMs.p50.toFixed(2)} | ${push.directPushMs.p95.toFixed(2)} | ${push.directPushMs.p99.toFixed(2)} | ${push.directPushMs.max.toFixed(2)} | 1× | 1× |`,
  ];
}
