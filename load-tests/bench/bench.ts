import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBenchArgs } from './bench-options.js';
import { ROOT } from './bench-server.js';
import { ClientPool } from './client-pool.js';
import { type ClusterRun, runClusterScenario } from './cluster-scenario.js';
import { runFailoverScenario } from './failover-scenario.js';
import { runGhostScenario } from './ghost-scenario.js';
import { runGroupScenario } from './group-scenario.js';
import { runHugScenario } from './hug-scenario.js';
import { runIdleScenario } from './idle-scenario.js';
import { runMoodScenario } from './mood-scenario.js';
import { runNotificationScenario } from './notification-scenario.js';
import { runSoakScenario } from './soak-scenario.js';
import { machineInfo } from './machine.js';
import { type BenchReport, formatReport, hugRatios, idleRatios, moodRatios } from './report.js';

// `npm run bench -- [--scenario hugs|idle|all|cluster|ghost] [--rate 500] [--duration 20] [--warmup 3]
//                   [--pairs 200] [--connections 19800] [--clients 3] [--transport uws|node] [--wire msgpack|json]
//                   [--nodes 1,2,3] [--adapters sharded,classic] [--rates 1000,2000,…] [--step 5] [--bound 100]
//                   [--redis single|cluster] [--kills 10] [--participants 1000] [--minutes 30]
//                   [--users 500] [--friends 50]`  (scenarios also: group, failover, soak, moods)
// Runs each scenario against the baseline, then against our server, one at a time on this machine,
// and prints one table per scenario with the ratios; the same goes to load-tests/results/*.json.

let options;
try {
  options = parseBenchArgs(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}

const startedAt = new Date().toISOString();
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const pool = new ClientPool(options.clients);
let report: BenchReport = { startedAt, machine: machineInfo(), options };
try {
  if (options.scenario === 'cluster') {
    const runs: ClusterRun[] = [];
    for (const adapter of options.adapters) {
      for (const nodes of options.nodes) {
        for (const kind of ['baseline', 'ours'] as const) {
          log(`cross-node: ${kind}, ${adapter} adapter, ${nodes} node(s)`);
          runs.push(await runClusterScenario(kind, adapter, nodes, options, pool, log));
        }
      }
    }
    report = { ...report, cluster: runs };
  }
  if (options.scenario === 'ghost') {
    log(`ghost presence: ${options.kills} kills`);
    report = { ...report, ghost: await runGhostScenario(options, log) };
  }
  if (options.scenario === 'group') {
    log(`group hug: baseline, ${options.participants} participants over 3 nodes`);
    const baseline = await runGroupScenario('baseline', options, log);
    log(`group hug: ours`);
    const ours = await runGroupScenario('ours', options, log);
    report = { ...report, group: { baseline, ours } };
  }
  if (options.scenario === 'soak') {
    log(`soak: ours and the baseline side by side for ${options.minutes} min at ${options.rate} hugs/s, with presence flips and reconnect churn`);
    report = { ...report, soak: await runSoakScenario(options, log) };
  }
  if (options.scenario === 'failover') {
    log(`group-hug owner failover: ${options.kills} kills per phase`);
    report = { ...report, failover: await runFailoverScenario(options, log) };
  }
  if (options.scenario === 'moods') {
    log(`moods: baseline, ${options.users} users with ${options.friends} friends each, ${options.rate} moods/s for ${options.warmup}+${options.duration} s`);
    const baseline = await runMoodScenario('baseline', options, pool, log);
    log('moods: ours');
    const ours = await runMoodScenario('ours', options, pool, log);
    report = { ...report, moods: { baseline: baseline.run, ours: ours.run, ratios: moodRatios(ours.run, baseline.run), summary: ours.summary } };
  }
  if (options.scenario === 'notifications') {
    log(`notifications: feed reads at ${options.friends} friends, then ${options.pushes} pushes at ${options.rate}/s`);
    report = { ...report, notifications: await runNotificationScenario(options, log) };
  }
  if (options.scenario === 'hugs' || options.scenario === 'all') {
    log(`scenario one (hugs): baseline, ${options.pairs} pairs at ${options.rate}/s for ${options.warmup}+${options.duration} s`);
    const baseline = await runHugScenario('baseline', options, pool);
    log(`scenario one (hugs): ours`);
    const ours = await runHugScenario('ours', options, pool);
    report = { ...report, hugs: { baseline, ours, ratios: hugRatios(ours, baseline) } };
  }
  if (options.scenario === 'idle' || options.scenario === 'all') {
    log(`scenario two (idle): baseline, ${options.connections} connections over ${options.clients} client processes`);
    const baseline = await runIdleScenario('baseline', options, pool);
    log(`scenario two (idle): ours`);
    const ours = await runIdleScenario('ours', options, pool);
    report = { ...report, idle: { baseline, ours, ratios: idleRatios(ours, baseline) } };
  }
} finally {
  pool.close();
}

const dir = join(ROOT, 'load-tests', 'results');
mkdirSync(dir, { recursive: true });
const file = join(dir, `bench-${startedAt.replace(/[:.]/g, '-')}.json`);
writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
process.stdout.write(`${formatReport(report)}\nResults: ${file}\n`);
process.exit(0);
