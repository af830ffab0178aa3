import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { closeAllClients, connectedFriends, deliveredHug, eventually } from '../e2e/support/clients.js';
import { startCluster, type TestCluster } from '../e2e/support/cluster-process.js';
import { metricsText } from '../e2e/support/metrics.js';
import { type PrometheusServer, prometheusAvailable, promtoolAvailable, startPrometheus } from '../test-support/prometheus-server.js';
import { redisServerAvailable } from '../test-support/redis-server.js';
import { DASHBOARD_FILE, DATASOURCE_UID, dashboardText } from './grafana/dashboard.js';

const HERE = import.meta.dirname;
const ALERTS_FILE = join(HERE, 'prometheus/alerts.yml');
const HOW_TO_ENABLE = 'install it (Debian: apt-get install -y prometheus, which brings promtool) and rerun; .ci/run installs it and sets REQUIRE_PROMETHEUS=1';

const target = z.object({ refId: z.string(), expr: z.string().min(1), datasource: z.object({ uid: z.literal(DATASOURCE_UID) }) });
const panel = z.object({
  id: z.number().int(),
  type: z.enum(['row', 'timeseries', 'heatmap', 'stat']),
  title: z.string().min(1),
  gridPos: z.object({ h: z.number().int().positive(), w: z.number().int().positive(), x: z.number().int().min(0), y: z.number().int().min(0) }),
  targets: z.array(target).optional(),
});
const dashboard = z.object({ uid: z.string(), title: z.string(), schemaVersion: z.number(), panels: z.array(panel), templating: z.object({ list: z.array(z.object({ name: z.string() })) }) });
const rule = z.object({ alert: z.string(), expr: z.string(), for: z.string(), labels: z.object({ severity: z.enum(['page', 'ticket']) }), annotations: z.object({ summary: z.string(), description: z.string() }) });
const alertFile = z.object({ groups: z.array(z.object({ name: z.string(), rules: z.array(rule).min(1) })) });

const board = dashboard.parse(JSON.parse(readFileSync(DASHBOARD_FILE, 'utf8')));
const alerts = alertFile.parse(parse(readFileSync(ALERTS_FILE, 'utf8')));
const panelQueries = board.panels.flatMap((p) => (p.targets ?? []).map((t) => ({ panel: p.title, expr: t.expr })));
const alertRules = alerts.groups.flatMap((g) => g.rules);

/** The metric names a PromQL expression reads (ours, the default process metrics, and Prometheus's `up`). */
function metricNames(expr: string): string[] {
  return [...new Set(expr.match(/\b(?:hugmood|process|nodejs)_[a-z0-9_]+\b|\bup\b(?=\{)/g) ?? [])];
}

/** Whether `/metrics` text declares `name`, or the histogram `name` is a series of (`_bucket`, `_sum`, `_count`). */
function declares(text: string, name: string): boolean {
  if (name === 'up') return true;
  if (new RegExp(`^# TYPE ${name} `, 'm').test(text)) return true;
  const base = /^(.+)_(bucket|sum|count)$/.exec(name)?.[1];
  return base !== undefined && new RegExp(`^# TYPE ${base} histogram$`, 'm').test(text);
}

/** A dashboard query as Grafana sends it, with its variables filled in: every node, a one-minute rate window. */
const asGrafanaSends = (expr: string) => expr.replaceAll('$node', '.+').replaceAll('$__rate_interval', '1m');

describe('the Grafana dashboard and the Prometheus alerts, as files', () => {
  it('commits the dashboard as deploy/grafana/dashboard.ts builds it (npm run dashboard)', () => {
    expect(readFileSync(DASHBOARD_FILE, 'utf8')).toBe(dashboardText());
  });

  it('has panels with unique ids inside the 24-column grid, each querying the provisioned Prometheus, filtered by node', () => {
    const ids = board.panels.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of board.panels) expect(p.gridPos.x + p.gridPos.w, p.title).toBeLessThanOrEqual(24);
    expect(board.templating.list.map((v) => v.name)).toEqual(['node']);
    expect(panelQueries.length).toBeGreaterThan(20);
    for (const q of panelQueries) expect(q.expr, q.panel).toContain('node=~"$node"');
    const provisioned = parse(readFileSync(join(HERE, 'grafana/provisioning/datasources/prometheus.yml'), 'utf8')) as { datasources: { uid: string }[] };
    expect(provisioned.datasources.map((d) => d.uid)).toEqual([DATASOURCE_UID]);
  });

  it('covers what an operator watches: connections, outcomes, latency heatmaps, hug delivery, write-behind, dead letters, group actors, handovers, Redis errors', () => {
    const all = panelQueries.map((q) => q.expr).join('\n');
    for (const name of ['hugmood_connections', 'hugmood_commands_total', 'hugmood_command_duration_seconds_bucket', 'hugmood_hug_delivery_seconds_bucket', 'hugmood_write_queue_depth', 'hugmood_write_queue_lag_seconds', 'hugmood_write_queue_dead_letters', 'hugmood_group_actors', 'hugmood_group_lease_handovers_total', 'hugmood_redis_errors_total']) {
      expect(all).toContain(name);
    }
    expect(board.panels.filter((p) => p.type === 'heatmap').map((p) => p.title)).toEqual(['Command latency (heatmap)', 'Hug delivery (heatmap)']);
  });

  it('alerts on lag past the bound, dead letters, a node silent past the presence timeout, a node down and the error ratio', () => {
    expect(alertRules.map((r) => r.alert)).toEqual(['HugmoodWriteLagPastBound', 'HugmoodDeadLetters', 'HugmoodNodeSilent', 'HugmoodNodeDown', 'HugmoodErrorRatio']);
  });

  const promtool = promtoolAvailable();
  if (!promtool && process.env['REQUIRE_PROMETHEUS'] !== '1') console.warn(`[skipped] promtool checks of the alert rules: no promtool on the PATH; ${HOW_TO_ENABLE}`);
  it.runIf(promtool || process.env['REQUIRE_PROMETHEUS'] === '1')('passes promtool check rules and the rules\' unit tests (alerts.test.yml: each fires when it should, and not before)', () => {
    expect(execFileSync('promtool', ['check', 'rules', ALERTS_FILE], { encoding: 'utf8' })).toMatch(/SUCCESS: 5 rules found/);
    expect(execFileSync('promtool', ['test', 'rules', join(HERE, 'prometheus/alerts.test.yml')], { encoding: 'utf8', cwd: join(HERE, 'prometheus') })).toMatch(/SUCCESS/);
  });
});

const live = (prometheusAvailable() && redisServerAvailable()) || process.env['REQUIRE_PROMETHEUS'] === '1';
if (!live) console.warn(`[skipped] the dashboard and alerts against a real Prometheus: needs prometheus and redis-server; ${HOW_TO_ENABLE}`);

/**
 * Two nodes over Redis, with a little traffic, scraped by a real Prometheus that loads the alert
 * rules: every metric the dashboard and the alerts name is on the nodes' /metrics, every query
 * runs, the per-node panels show both nodes, and a healthy cluster fires nothing.
 */
describe.runIf(live)('the dashboard and the alerts on a real Prometheus scraping two nodes', () => {
  let cluster: TestCluster;
  let prometheus: PrometheusServer;
  let texts: string[];

  beforeAll(async () => {
    cluster = await startCluster({ nodes: 2 });
    const [a, b] = cluster.nodes as [(typeof cluster.nodes)[number], (typeof cluster.nodes)[number]];
    const { ben, ca, cb } = await connectedFriends(a.url, b.url);
    await deliveredHug(ca, cb, ben.userId);
    texts = await Promise.all(cluster.nodes.map((n) => metricsText(n)));
    prometheus = await startPrometheus(cluster.nodes.map((n) => new URL(n.metricsUrl).host), [ALERTS_FILE]);
  }, 60_000);

  afterAll(async () => {
    closeAllClients();
    await prometheus?.stop();
    await cluster?.stop();
  });

  it('finds every metric the dashboard and the alerts name on each node\'s /metrics', () => {
    const names = new Set([...panelQueries, ...alertRules].flatMap((q) => metricNames(q.expr)));
    expect(names.size).toBeGreaterThan(15);
    for (const text of texts) for (const name of names) expect(declares(text, name), name).toBe(true);
  });

  it('runs every panel\'s query, and the per-node panels show both nodes', async () => {
    await eventually(async () => ((await prometheus.query('up{job="hugmood"} == 1')).data?.result.length ?? 0) === 2, 20_000, 'both nodes scraped');
    for (const q of panelQueries) {
      const answer = await prometheus.query(asGrafanaSends(q.expr));
      expect(answer, `${q.panel}: ${q.expr}`).toMatchObject({ status: 'success' });
    }
    const perNode = ['Connections per node', 'Group-hug actors per node', 'Heartbeat age per node', 'Queue depth per node'];
    for (const title of perNode) {
      const q = panelQueries.find((p) => p.panel === title);
      if (!q) throw new Error(`no panel ${title}`);
      const nodes = await eventually(async () => {
        const result = (await prometheus.query(asGrafanaSends(q.expr))).data?.result ?? [];
        return result.length === 2 ? result.map((r) => r.metric['node']).sort() : undefined;
      }, 10_000, `${title}: a series per node`);
      expect(nodes).toEqual(['node-0', 'node-1']);
    }
    // A rate needs two scrapes: the commands the test ran show up by outcome.
    const outcomes = await eventually(async () => {
      const result = (await prometheus.query(asGrafanaSends(panelQueries.find((p) => p.panel === 'Commands by outcome')?.expr ?? ''))).data?.result ?? [];
      return result.length > 0 ? result.map((r) => r.metric['outcome']) : undefined;
    }, 10_000, 'commands by outcome');
    expect(outcomes).toContain('ok');
  });

  it('loads every alert rule, evaluates each without error, and a healthy cluster fires none', async () => {
    const rules = await eventually(async () => {
      const loaded = await prometheus.rules();
      return loaded.length === alertRules.length && loaded.every((r) => r.health !== 'unknown') ? loaded : undefined;
    }, 15_000, 'every rule evaluated');
    for (const r of rules) expect(r, r.name).toMatchObject({ health: 'ok' });
    expect((await prometheus.query('ALERTS{alertstate="firing"}')).data?.result).toEqual([]);
    // The silent-node rule compares each node's heartbeat with its own timeout: both are there.
    const ages = (await prometheus.query('time() - hugmood_presence_heartbeat_timestamp_seconds')).data?.result ?? [];
    expect(ages.map((r) => Number(r.value?.[1]))).toEqual([expect.any(Number), expect.any(Number)]);
    for (const r of ages) expect(Number(r.value?.[1])).toBeLessThan(3);
  });
});
