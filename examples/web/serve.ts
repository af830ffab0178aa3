import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDemo } from './build-demo.js';
import { serveStatic, type StaticServer } from './static-server.js';

/**
 * `npm run demo`: builds the SDK packages and the demo, starts the realtime server on the
 * embedded SQLite store (PORT, default 3000, and its other settings from the environment), and
 * serves the demo on DEMO_PORT (default 5173) once the server is ready. Ctrl-C stops both.
 */
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const host = process.env['HOST'] ?? '127.0.0.1';
const serverPort = Number(process.env['PORT'] ?? 3000);
const demoPort = Number(process.env['DEMO_PORT'] ?? 5173);
const serverUrl = `http://${host}:${serverPort}`;

/** Waits until the realtime server answers `/readyz` with 200 (bounded: it may have failed to start). */
async function untilReady(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the realtime server did not answer ${url} within ${timeoutMs} ms`);
}

process.stdout.write('building @hugmood/client, @hugmood/react and the demo…\n');
const dir = buildDemo();
const server = spawn(process.execPath, ['--import', 'tsx', join(root, 'server/main.ts')], {
  cwd: root,
  env: { ...process.env, HOST: host, PORT: String(serverPort), LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn' },
  stdio: 'inherit',
});
let site: StaticServer | null = null;
const exit = (code: number) => void (site?.close() ?? Promise.resolve()).then(() => process.exit(code));
process.on('SIGINT', () => server.kill('SIGTERM'));
process.on('SIGTERM', () => server.kill('SIGTERM'));
server.on('exit', (code, signal) => {
  if (signal === null) process.stdout.write(`the realtime server exited (${code ?? '?'})\n`);
  exit(code ?? 0);
});

try {
  site = await serveStatic({ dir, host, port: demoPort, serverUrl });
  await untilReady(`${serverUrl}/readyz`, 60_000);
  process.stdout.write(`\nHugMood demo: ${site.url}  (realtime server on ${serverUrl})\nOpen it in two browsers (or a private window) to be two friends. Ctrl-C stops.\n`);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  server.kill('SIGTERM');
}
