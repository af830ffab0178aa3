import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { HugMoodClient } from '../../client-sdk/src/index.js';
import { launchLocalCluster } from '../../server/ops/cluster-launcher.js';
import { freePort } from '../../server/ops/free-port.js';
import { startPrometheus } from '../../test-support/prometheus-server.js';
import { buildDashboard } from './dashboard.js';

/*
 * `npm run dashboard:preview`: the dashboard's panels drawn from a real Prometheus, for machines
 * where Grafana cannot run (ours: Debian has no Grafana package, and its binaries and images come
 * from grafana.com and Docker Hub, which these machines do not reach). It starts two nodes over
 * Redis (`launchLocalCluster`), a Prometheus scraping them with the alert rules, and a minute of
 * traffic from SDK clients (hugs between pairs of friends, moods, a group hug, a few refused
 * commands); then it runs every panel's query over that minute (`query_range`, `$node` = every
 * node), draws each panel where the dashboard puts it (line charts, heatmaps, stats) into an HTML
 * page and screenshots it in Chromium: docs/screenshots/dashboard-preview.png. About 2 minutes.
 */

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const TRAFFIC_MS = Number(process.env['PREVIEW_TRAFFIC_MS'] ?? 60_000);
const STEP_S = 2;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface Target { expr: string; legendFormat: string; format?: string }
interface Panel { id: number; type: string; title: string; gridPos: { h: number; w: number; x: number; y: number }; targets?: Target[]; fieldConfig?: { defaults?: { unit?: string } } }
interface Series { label: string; metric: Record<string, string>; points: [number, number][] }

async function traffic(urls: readonly string[], until: number): Promise<void> {
  const suffix = Date.now().toString(36);
  const clients = Array.from({ length: 12 }, (_, i) =>
    HugMoodClient.connect({ url: urls[i % urls.length] ?? '', auth: { username: `preview${i}_${suffix}`, password: 'a long enough password', signUp: true } }),
  );
  await Promise.all(clients.map((c) => c.whenConnected(20_000)));
  const ids = clients.map((c) => c.userId ?? '');
  const [hub] = clients;
  if (!hub) return;
  // The first is everyone's friend (the group hug's creator); the others are pairs.
  for (let i = 1; i < clients.length; i += 1) {
    await hub.friends.request(ids[i] ?? '');
    await clients[i]?.friends.accept(ids[0] ?? '');
  }
  for (let i = 1; i + 1 < clients.length; i += 2) {
    await clients[i]?.friends.request(ids[i + 1] ?? '');
    await clients[i + 1]?.friends.accept(ids[i] ?? '');
  }
  await Promise.all(clients.map((c) => c.presence.watchFriends()));
  const group = await hub.groupHugs.create({ title: 'preview', invitees: ids.slice(1), scheduledAt: hub.clock.now() + TRAFFIC_MS / 3, durationMs: TRAFFIC_MS / 3 });
  await Promise.all(clients.slice(1).map((c) => c.groupHugs.join(group.id)));
  let round = 0;
  while (Date.now() < until) {
    round += 1;
    await Promise.allSettled(
      clients.slice(1).map(async (c, k) => {
        const partner = ids[k % 2 === 0 ? k + 2 : k] ?? '';
        await c.hugs.send(partner, { kind: 'warm' });
        if (round % 5 === k % 5) await c.moods.record('calm', { intensity: 0.5 });
        const handle = c.groupHugs.handle(group.id);
        if (handle?.timeline?.phaseAt() === 'live') await handle.squeeze(0.8);
        // A refused command now and then: the outcomes panel shows more than ok.
        if (round % 7 === 0 && k === 0) await c.request('profile:update', { displayName: '' }).catch(() => undefined);
      }),
    );
    await sleep(700);
  }
  for (const c of clients) c.close();
}

async function queryRange(prometheus: string, expr: string, start: number, end: number): Promise<Series[]> {
  const params = new URLSearchParams({ query: expr.replaceAll('$node', '.+').replaceAll('$__rate_interval', '10s'), start: String(start), end: String(end), step: String(STEP_S) });
  const body = (await (await fetch(`${prometheus}/api/v1/query_range?${params.toString()}`)).json()) as { status: string; error?: string; data?: { result: { metric: Record<string, string>; values: [number, string][] }[] } };
  if (body.status !== 'success') throw new Error(`${expr}: ${body.error ?? body.status}`);
  return (body.data?.result ?? []).map((r) => ({ label: r.metric['le'] ?? Object.values(r.metric).join(' '), metric: r.metric, points: r.values.map(([t, v]) => [t, Number(v)] as [number, number]).filter(([, v]) => Number.isFinite(v)) }));
}

const COLORS = ['#73bf69', '#f2cc0c', '#5794f2', '#ff780a', '#f2495c', '#b877d9', '#8ab8ff', '#fade2a'];
const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const fmt = (v: number, unit: string | undefined) => (unit === 's' ? (v < 1 ? `${(v * 1000).toFixed(v < 0.01 ? 1 : 0)} ms` : `${v.toFixed(1)} s`) : unit === 'percentunit' ? `${(v * 100).toFixed(1)}%` : unit === 'bytes' ? `${(v / 1048576).toFixed(0)} MiB` : Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(2));

function lineChart(series: readonly Series[], width: number, height: number, start: number, end: number, unit: string | undefined): string {
  const values = series.flatMap((s) => s.points.map(([, v]) => v));
  if (values.length === 0) return `<div class="empty">No data</div>`;
  const max = Math.max(...values, 0) || 1;
  const x = (t: number) => ((t - start) / (end - start)) * width;
  const y = (v: number) => height - (v / max) * (height - 4);
  const lines = series.map((s, i) => `<polyline fill="none" stroke="${COLORS[i % COLORS.length] ?? '#fff'}" stroke-width="1.5" points="${s.points.map(([t, v]) => `${x(t).toFixed(1)},${y(v).toFixed(1)}`).join(' ')}"/>`).join('');
  const legend = series.slice(0, 6).map((s, i) => `<span><i style="background:${COLORS[i % COLORS.length] ?? '#fff'}"></i>${esc(s.label || 'value')}</span>`).join('');
  return `<svg width="${width}" height="${height}"><line x1="0" y1="${height}" x2="${width}" y2="${height}" stroke="#444"/><text x="2" y="10" class="axis">${fmt(max, unit)}</text>${lines}</svg><div class="legend">${legend}</div>`;
}

function heatmap(series: readonly Series[], width: number, height: number, start: number, end: number): string {
  const buckets = [...series].filter((s) => s.label !== '+Inf').sort((a, b) => Number(a.label) - Number(b.label));
  if (buckets.length === 0) return `<div class="empty">No data</div>`;
  const times = [...new Set(buckets.flatMap((b) => b.points.map(([t]) => t)))].sort((a, b) => a - b);
  const cellW = width / Math.max(1, (end - start) / STEP_S);
  const cellH = height / buckets.length;
  // Buckets are cumulative: each cell is its bucket's count minus the one below.
  const cells: string[] = [];
  let max = 0;
  const grid = times.map((t) => buckets.map((b, i) => {
    const here = b.points.find(([u]) => u === t)?.[1] ?? 0;
    const below = i === 0 ? 0 : (buckets[i - 1]?.points.find(([u]) => u === t)?.[1] ?? 0);
    const n = Math.max(0, here - below);
    max = Math.max(max, n);
    return n;
  }));
  grid.forEach((column, ti) => column.forEach((n, bi) => {
    if (n <= 0) return;
    const alpha = (0.15 + 0.85 * (n / (max || 1))).toFixed(2);
    cells.push(`<rect x="${(((times[ti] ?? start) - start) / STEP_S * cellW).toFixed(1)}" y="${(height - (bi + 1) * cellH).toFixed(1)}" width="${cellW.toFixed(1)}" height="${cellH.toFixed(1)}" fill="rgba(255,120,10,${alpha})"/>`);
  }));
  const labels = buckets.map((b, i) => (i % 2 === 0 ? `<text x="2" y="${(height - i * cellH - 2).toFixed(1)}" class="axis">${esc(Number(b.label) < 1 ? `${Number(b.label) * 1000} ms` : `${b.label} s`)}</text>` : '')).join('');
  return `<svg width="${width}" height="${height}">${cells.join('')}${labels}</svg>`;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hugmood-preview-'));
  const basePort = await freePort();
  const metricsBase = await freePort();
  console.log('starting two nodes over Redis');
  const cluster = await launchLocalCluster({ nodes: 2, basePort, dataDir, env: { METRICS_PORT: String(metricsBase), PASSWORD_SCRYPT_LOG_N: '12', LOG_LEVEL: 'warn', AUTH_REQUESTS_PER_MIN: '10000' } });
  const prometheus = await startPrometheus(cluster.nodes.map((_, i) => `127.0.0.1:${metricsBase + i}`), [join(ROOT, 'deploy/prometheus/alerts.yml')]);
  try {
    const start = Math.floor(Date.now() / 1000);
    console.log(`traffic for ${TRAFFIC_MS / 1000} s`);
    await traffic(cluster.nodes.map((n) => n.url), Date.now() + TRAFFIC_MS);
    await sleep(5000);
    const end = Math.floor(Date.now() / 1000);
    const board = buildDashboard() as { title: string; panels: Panel[] };
    const unitPx = 64;
    const rowPx = 36;
    const html: string[] = [];
    for (const panel of board.panels) {
      const { x, y, w, h } = panel.gridPos;
      const style = `left:${x * unitPx}px;top:${y * rowPx}px;width:${w * unitPx - 8}px;height:${h * rowPx - 8}px`;
      if (panel.type === 'row') {
        html.push(`<div class="row" style="${style}">${esc(panel.title)}</div>`);
        continue;
      }
      const perTarget = await Promise.all(
        (panel.targets ?? []).map(async (t) => {
          const found = await queryRange(prometheus.url, t.expr, start, end);
          // Heatmap buckets keep their `le`; other series are named by the target's legend.
          return found.map((one) => ({ ...one, label: t.legendFormat.includes('{{le}}') ? one.label : t.legendFormat.replace(/\{\{(\w+)\}\}/g, (_, name: string) => one.metric[name] ?? '') }));
        }),
      );
      const series = perTarget.flat();
      const unit = panel.fieldConfig?.defaults?.unit;
      const width = w * unitPx - 24;
      const height = h * rowPx - 78;
      const body =
        panel.type === 'heatmap'
          ? heatmap(series, width, height, start, end)
          : panel.type === 'stat'
            ? `<div class="stat">${series.map((s) => `<div><b>${fmt(s.points.at(-1)?.[1] ?? 0, unit)}</b><small>${esc(s.label)}</small></div>`).join('') || '<div class="empty">No data</div>'}</div>`
            : lineChart(series, width, height, start, end, unit);
      html.push(`<div class="panel" style="${style}"><h3>${esc(panel.title)}</h3>${body}</div>`);
    }
    const height = Math.max(...board.panels.map((p) => (p.gridPos.y + p.gridPos.h) * rowPx)) + 60;
    const page = `<!doctype html><meta charset="utf-8"><style>
body{margin:0;background:#111217;color:#ccccdc;font:12px system-ui,sans-serif}
header{padding:10px 16px;font-size:16px;color:#fff} header small{color:#8e8e8e;margin-left:12px;font-size:12px}
main{position:relative;margin:0 8px;height:${height}px}
.row{position:absolute;font-size:14px;font-weight:600;color:#fff;padding-top:8px}
.panel{position:absolute;background:#181b1f;border:1px solid #2a2d33;border-radius:3px;padding:6px 8px;box-sizing:border-box;overflow:hidden}
.panel h3{margin:0 0 6px;font-size:12px;font-weight:500;color:#d8d9da}
.legend{margin-top:4px;display:flex;flex-wrap:wrap;gap:8px;font-size:10px}.legend i{display:inline-block;width:10px;height:3px;margin-right:4px;vertical-align:middle}
.axis{fill:#8e8e8e;font-size:9px}.empty{color:#6e6e6e;padding:20px}
.stat{display:flex;gap:16px;padding:8px}.stat b{display:block;font-size:28px;color:#73bf69}.stat small{color:#8e8e8e}
</style><header>${esc(board.title)}<small>two nodes over Redis, a minute of traffic, drawn from a real Prometheus ${new Date(start * 1000).toISOString()} (preview of deploy/grafana/hugmood.json)</small></header><main>${html.join('')}</main>`;
    const out = join(ROOT, 'test-results/dashboard-preview.html');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, page);
    const shot = join(ROOT, 'docs/screenshots/dashboard-preview.png');
    const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    const tab = await browser.newPage({ viewport: { width: 24 * unitPx + 16, height: 900 } });
    await tab.goto(`file://${out}`);
    await tab.screenshot({ path: shot, fullPage: true });
    await browser.close();
    const firing = (await prometheus.query('ALERTS{alertstate="firing"}')).data?.result.length ?? 0;
    console.log(`wrote ${out} and ${shot}; alerts firing: ${firing}`);
  } finally {
    await prometheus.stop();
    await cluster.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
