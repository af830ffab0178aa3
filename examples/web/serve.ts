import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDemo } from './build-demo.js';
import { serveStatic } from './static-server.js';

/**
 * `npm run demo`: builds the SDK packages and the demo, starts the realtime server on the
 * embedded SQLite store (PORT, default 3000, and its other settings from the environment), and
 * serves the demo on DEMO_PORT (default 5173). Ctrl-C stops both.
 */
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const host = process.env['HOST'] ?? '127.0.0.1';
const serverPort = Number(process.env['PORT'] ?? 3000);
const demoPort = Number(process.env['DEMO_PORT'] ?? 5173);

process.stdout.write('building @hugmood/client, @hugmood/react and the demo…\n');
const dir = buildDemo();
const server = spawn(process.execPath, ['--import', 'tsx', join(root, 'server/main.ts')], {
  cwd: root,
  env: { ...process.env, HOST: host, PORT: String(serverPort), LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn' },
  stdio: 'inherit',
});
const site = await serveStatic({ dir, host, port: demoPort, serverUrl: `http://${host}:${serverPort}` });
process.stdout.write(`\nHugMood demo: ${site.url}  (realtime server on http://${host}:${serverPort})\nOpen it in two browsers (or a private window) to be two friends. Ctrl-C stops.\n`);

const stop = () => {
  server.kill('SIGTERM');
  void site.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.on('exit', (code) => {
  process.stdout.write(`the realtime server exited (${code ?? 'signal'})\n`);
  void site.close().then(() => process.exit(code ?? 1));
});
