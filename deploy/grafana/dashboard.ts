import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The Grafana dashboard on our Prometheus metrics, as code: `npm run dashboard` writes
 * `deploy/grafana/hugmood.json`, which docker-compose's Grafana provisions, and a test checks the
 * committed file is this output. Every query filters on the `$node` variable (each node labels its
 * samples with `node`), and the per-node panels draw one series per node.
 */

/** The datasource uid the compose file's Grafana provisions (deploy/grafana/provisioning). */
export const DATASOURCE_UID = 'hugmood-prometheus';

const datasource = { type: 'prometheus', uid: DATASOURCE_UID } as const;
const NODE = 'node=~"$node"';
const RATE = '$__rate_interval';

interface Target {
  readonly expr: string;
  readonly legend: string;
  readonly format?: 'heatmap';
}

interface PanelSpec {
  readonly title: string;
  readonly description: string;
  readonly kind: 'timeseries' | 'heatmap' | 'stat';
  readonly unit: string;
  readonly targets: readonly Target[];
  /** A red threshold line (timeseries) or colour step (stat) at this value. */
  readonly threshold?: number;
  readonly stacked?: boolean;
}

/** One row of panels: a title and up to four panels side by side. */
interface RowSpec {
  readonly title: string;
  readonly panels: readonly PanelSpec[];
}

const quantiles = (metric: string, by: string, legend: string): Target[] =>
  [0.5, 0.99].map((q) => ({
    expr: `histogram_quantile(${q}, sum by (le, ${by}) (rate(${metric}_bucket{${NODE}}[${RATE}])))`,
    legend: `p${q * 100} ${legend}`,
  }));

const heatmap = (metric: string): Target[] => [{ expr: `sum by (le) (increase(${metric}_bucket{${NODE}}[${RATE}]))`, legend: '{{le}}', format: 'heatmap' }];

/** The rows, top to bottom. */
export const ROWS: readonly RowSpec[] = [
  {
    title: 'Connections and commands',
    panels: [
      { title: 'Connections per node', description: 'Open Socket.IO connections.', kind: 'timeseries', unit: 'short', targets: [{ expr: `sum by (node) (hugmood_connections{${NODE}})`, legend: '{{node}}' }] },
      { title: 'Commands by outcome', description: 'Commands answered per second: ok, or the error code of the ack.', kind: 'timeseries', unit: 'reqps', stacked: true, targets: [{ expr: `sum by (outcome) (rate(hugmood_commands_total{${NODE}}[${RATE}]))`, legend: '{{outcome}}' }] },
      { title: 'Server error ratio per node', description: 'Share of commands answered internal or unavailable (the HugmoodErrorRatio alert fires past 5% for 5 minutes).', kind: 'timeseries', unit: 'percentunit', threshold: 0.05, targets: [{ expr: `(sum by (node) (rate(hugmood_commands_total{${NODE},outcome=~"internal|unavailable"}[${RATE}])) or 0 * sum by (node) (rate(hugmood_commands_total{${NODE}}[${RATE}]))) / sum by (node) (rate(hugmood_commands_total{${NODE}}[${RATE}]))`, legend: '{{node}}' }] },
      { title: 'Connections cut and handshakes refused', description: 'Connections the server closed (flooding, slow consumers) and handshakes it refused, by reason.', kind: 'timeseries', unit: 'ops', targets: [{ expr: `sum by (reason) (rate(hugmood_connections_cut_total{${NODE}}[${RATE}]))`, legend: 'cut: {{reason}}' }, { expr: `sum by (reason) (rate(hugmood_handshake_refusals_total{${NODE}}[${RATE}]))`, legend: 'refused: {{reason}}' }] },
    ],
  },
  {
    title: 'Latency',
    panels: [
      { title: 'Command latency (heatmap)', description: 'Receipt of a command to its ack, every command on the selected nodes.', kind: 'heatmap', unit: 's', targets: heatmap('hugmood_command_duration_seconds') },
      { title: 'Command latency p50 / p99 by command', description: 'From the same histogram, per command.', kind: 'timeseries', unit: 's', targets: quantiles('hugmood_command_duration_seconds', 'command', '{{command}}') },
      { title: 'Hug delivery (heatmap)', description: 'A hug\'s send to its first receipt by a recipient device; live hugs in the low buckets, hugs that waited for an offline recipient in the high ones.', kind: 'heatmap', unit: 's', targets: heatmap('hugmood_hug_delivery_seconds') },
      { title: 'Hug delivery p50 / p99 per node', description: 'On the node that recorded the receipt.', kind: 'timeseries', unit: 's', targets: quantiles('hugmood_hug_delivery_seconds', 'node', '{{node}}') },
    ],
  },
  {
    title: 'Write-behind',
    panels: [
      { title: 'Queue depth per node', description: 'Operations acknowledged to clients and not yet in the store.', kind: 'timeseries', unit: 'short', targets: [{ expr: `max by (node) (hugmood_write_queue_depth{${NODE}})`, legend: '{{node}}' }] },
      { title: 'Queue lag per node, and its bound', description: 'Age of the oldest unwritten operation. Past the bound (QUEUE_LAG_BOUND_MS), deferrable writes get unavailable with retryAfterMs.', kind: 'timeseries', unit: 's', targets: [{ expr: `max by (node) (hugmood_write_queue_lag_seconds{${NODE}})`, legend: '{{node}}' }, { expr: `max(hugmood_write_queue_lag_bound_seconds{${NODE}})`, legend: 'bound' }] },
      { title: 'Dead letters', description: 'Write-behind operations and push jobs that failed every attempt; replay them with npm run dlq.', kind: 'stat', unit: 'short', threshold: 1, targets: [{ expr: `max(hugmood_write_queue_dead_letters{${NODE}})`, legend: 'write-behind' }, { expr: `max(hugmood_push_dead_letters{${NODE}})`, legend: 'push' }] },
      { title: 'Batches written and failures', description: 'Batch writes per second to the store (one transaction or bulkWrite each), operations per batch, and failed attempts.', kind: 'timeseries', unit: 'short', targets: [{ expr: `sum by (node) (rate(hugmood_write_queue_batch_size_count{${NODE}}[${RATE}]))`, legend: 'batches/s {{node}}' }, { expr: `sum by (node) (rate(hugmood_write_queue_batch_size_sum{${NODE}}[${RATE}])) / sum by (node) (rate(hugmood_write_queue_batch_size_count{${NODE}}[${RATE}]))`, legend: 'ops/batch {{node}}' }, { expr: `sum by (node) (rate(hugmood_write_queue_failures_total{${NODE}}[${RATE}]))`, legend: 'failures/s {{node}}' }] },
    ],
  },
  {
    title: 'Group hugs and the cluster',
    panels: [
      { title: 'Group-hug actors per node', description: 'Live group-hug actors each node owns (one owner each, by lease).', kind: 'timeseries', unit: 'short', targets: [{ expr: `sum by (node) (hugmood_group_actors{${NODE}})`, legend: '{{node}}' }] },
      { title: 'Lease handovers per node', description: 'Group-hug actors a node took over from a dead or stalled owner.', kind: 'timeseries', unit: 'short', targets: [{ expr: `sum by (node) (increase(hugmood_group_lease_handovers_total{${NODE}}[${RATE}]))`, legend: '{{node}}' }] },
      { title: 'Redis errors per node', description: 'Errors of each node\'s Redis connections (each reconnects by itself); commands meanwhile get unavailable.', kind: 'timeseries', unit: 'ops', targets: [{ expr: `sum by (node, connection) (rate(hugmood_redis_errors_total{${NODE}}[${RATE}]))`, legend: '{{node}} {{connection}}' }] },
      { title: 'Heartbeat age per node', description: 'Since each node\'s presence heartbeat last reached Redis. Past the node timeout the cluster takes the node for dead and clears its presence.', kind: 'timeseries', unit: 's', targets: [{ expr: `time() - max by (node) (hugmood_presence_heartbeat_timestamp_seconds{${NODE}} > 0)`, legend: '{{node}}' }, { expr: `max(hugmood_presence_node_timeout_seconds{${NODE}})`, legend: 'node timeout' }] },
    ],
  },
  {
    title: 'Processes and push',
    panels: [
      { title: 'Event loop busy per node', description: 'Share of time the main thread\'s event loop was busy.', kind: 'timeseries', unit: 'percentunit', targets: [{ expr: `sum by (node) (rate(hugmood_event_loop_seconds{${NODE},state="active"}[${RATE}])) / sum by (node) (rate(hugmood_event_loop_seconds{${NODE}}[${RATE}]))`, legend: '{{node}}' }] },
      { title: 'Resident memory per node', description: 'Process RSS.', kind: 'timeseries', unit: 'bytes', targets: [{ expr: `max by (node) (process_resident_memory_bytes{${NODE}})`, legend: '{{node}}' }] },
      { title: 'Push sends by outcome', description: 'Web Push, FCM and APNs sends per second.', kind: 'timeseries', unit: 'ops', targets: [{ expr: `sum by (outcome) (rate(hugmood_push_sends_total{${NODE}}[${RATE}]))`, legend: '{{outcome}}' }] },
      { title: 'Push jobs waiting', description: 'Push deliveries queued (BullMQ in a cluster).', kind: 'timeseries', unit: 'short', targets: [{ expr: `max by (node) (hugmood_push_queue_waiting{${NODE}})`, legend: '{{node}}' }] },
    ],
  },
];

const WIDTH = 24;
const ROW_HEIGHT = 8;

function fieldConfig(spec: PanelSpec) {
  const steps = [{ color: 'green', value: null }, ...(spec.threshold === undefined ? [] : [{ color: 'red', value: spec.threshold }])];
  return {
    defaults: {
      unit: spec.unit,
      thresholds: { mode: 'absolute', steps },
      ...(spec.kind === 'timeseries'
        ? { custom: { drawStyle: 'line', lineWidth: 1, fillOpacity: spec.stacked ? 30 : 10, stacking: { mode: spec.stacked ? 'normal' : 'none' }, thresholdsStyle: { mode: spec.threshold === undefined ? 'off' : 'line' } } }
        : {}),
    },
    overrides: [],
  };
}

function panelOptions(kind: PanelSpec['kind']) {
  switch (kind) {
    case 'timeseries':
      return { legend: { displayMode: 'list', placement: 'bottom', showLegend: true }, tooltip: { mode: 'multi', sort: 'desc' } };
    case 'heatmap':
      return { calculate: false, yAxis: { unit: 's' }, color: { mode: 'scheme', scheme: 'Oranges', steps: 64 }, cellGap: 1 };
    case 'stat':
      return { reduceOptions: { calcs: ['lastNotNull'], fields: '', values: false }, colorMode: 'background', graphMode: 'none' };
    default: {
      const never: never = kind;
      throw new Error(`unknown panel kind ${String(never)}`);
    }
  }
}

/** The dashboard as Grafana's JSON model (schema version 39). */
export function buildDashboard(): Record<string, unknown> {
  const panels: Record<string, unknown>[] = [];
  let id = 1;
  let y = 0;
  for (const row of ROWS) {
    panels.push({ id: id++, type: 'row', title: row.title, collapsed: false, gridPos: { h: 1, w: WIDTH, x: 0, y }, panels: [] });
    y += 1;
    const width = WIDTH / row.panels.length;
    row.panels.forEach((spec, i) => {
      panels.push({
        id: id++,
        type: spec.kind,
        title: spec.title,
        description: spec.description,
        datasource,
        gridPos: { h: ROW_HEIGHT, w: width, x: i * width, y },
        fieldConfig: fieldConfig(spec),
        options: panelOptions(spec.kind),
        targets: spec.targets.map((t, k) => ({
          refId: String.fromCharCode(65 + k),
          datasource,
          expr: t.expr,
          legendFormat: t.legend,
          range: true,
          ...(t.format ? { format: t.format } : {}),
        })),
      });
    });
    y += ROW_HEIGHT;
  }
  return {
    uid: 'hugmood-realtime',
    title: 'HugMood realtime',
    description: 'Connections, commands, latency, hug delivery, write-behind, group hugs and the cluster, per node. Generated by deploy/grafana/dashboard.ts.',
    tags: ['hugmood'],
    timezone: 'browser',
    schemaVersion: 39,
    version: 1,
    editable: true,
    refresh: '10s',
    time: { from: 'now-1h', to: 'now' },
    templating: {
      list: [
        {
          name: 'node',
          label: 'Node',
          type: 'query',
          datasource,
          query: { query: 'label_values(hugmood_connections, node)', refId: 'nodes' },
          definition: 'label_values(hugmood_connections, node)',
          refresh: 2,
          multi: true,
          includeAll: true,
          allValue: '.+',
          current: { selected: true, text: ['All'], value: ['$__all'] },
        },
      ],
    },
    annotations: { list: [] },
    panels,
  };
}

/** The committed file's text: the dashboard, two-space indented, with a final newline. */
export function dashboardText(): string {
  return `${JSON.stringify(buildDashboard(), null, 2)}\n`;
}

/** Where the dashboard is committed. */
export const DASHBOARD_FILE = join(import.meta.dirname, 'hugmood.json');

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(DASHBOARD_FILE, dashboardText());
  console.log(`wrote ${DASHBOARD_FILE}`);
}
