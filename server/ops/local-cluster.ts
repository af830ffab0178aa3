import { resolve } from 'node:path';
import { type LocalCluster, launchLocalCluster } from './cluster-launcher.js';

// Process entry of `npm run cluster:local -- N`: one Redis (AOF), N nodes on PORT, PORT+1, …
// sharing DATA_DIR, for development and the bench. Ctrl-C stops the nodes (each drains) and Redis.
const count = Number(process.argv[2] ?? '3');
if (!Number.isInteger(count) || count < 1 || count > 16) {
  process.stderr.write('usage: npm run cluster:local -- <nodes 1-16>   (PORT and DATA_DIR as for npm start)\n');
  process.exit(2);
}
const basePort = Number(process.env['PORT'] || '3000');
if (!Number.isInteger(basePort) || basePort < 1 || basePort + count > 65535) {
  process.stderr.write('PORT: must be a port with room for every node after it\n');
  process.exit(2);
}
const dataDir = resolve(process.env['DATA_DIR'] || './data');
const verbose = process.env['CLUSTER_LOGS'] === '1';

// Signals are taken before anything starts: Ctrl-C during startup stops what already runs.
const starting = new AbortController();
let cluster: LocalCluster | null = null;
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  process.stdout.write('stopping: nodes drain, then Redis\n');
  if (cluster) void cluster.stop().then(() => process.exit(0));
  else starting.abort();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

try {
  cluster = await launchLocalCluster({
    nodes: count,
    basePort,
    dataDir,
    signal: starting.signal,
    onLine: (nodeId, line) => {
      // Node logs are JSON (pino); show warnings and errors unless CLUSTER_LOGS=1.
      if (verbose || /"level":(40|50|60)/.test(line) || !line.startsWith('{')) process.stdout.write(`[${nodeId}] ${line}\n`);
    },
  });
} catch (error) {
  process.stderr.write(`local cluster: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(stopping ? 0 : 1);
}
if (stopping) {
  // A signal that came as the last node got ready.
  await cluster.stop();
  process.exit(0);
}
process.stdout.write(
  [
    `local cluster: ${count} node(s), Redis ${cluster.redis.url} (AOF in ${dataDir}/redis), DATA_DIR ${dataDir}`,
    ...cluster.nodes.map((n) => `  ${n.nodeId}  ${n.url}  pid ${n.pid}`),
    'Ctrl-C stops it. CLUSTER_LOGS=1 shows every log line.',
    '',
  ].join('\n'),
);
for (const node of cluster.nodes) {
  void node.exited.then((code) => {
    if (!stopping) process.stdout.write(`[${node.nodeId}] exited with ${code}\n`);
  });
}
