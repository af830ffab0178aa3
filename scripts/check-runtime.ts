import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HugMoodClient } from '../client-sdk/src/index.js';
import { freePort } from '../server/ops/free-port.js';
import { generateVapidKeys } from '../server/push/web-push-provider.js';
import { buildServer } from './build-server.js';

/*
 * `npm run check:runtime`: proves the production image's runtime, Node 24 with uWebSockets.js on
 * Debian 13 (glibc 2.41), on a machine that has neither a Docker engine nor that glibc (ours have
 * 2.36, on which no uWS binary for Node 24's ABI loads). It
 *  1. makes a Debian 13 root with debootstrap (cached; a few minutes the first time, needs root),
 *  2. installs Node 24 from the npm registry's `node` package (scripts/install-node.sh),
 *  3. assembles /app as the Dockerfile does: `npm ci --omit=dev --workspaces=false` (better-sqlite3
 *     compiled against Node 24's headers), `npm run build`, only this platform's uWS binary,
 *  4. starts `node dist/server/main.js` in the root (chroot) with NODE_ENV=production, and
 *  5. from this machine, signs two people up with the SDK, befriends them and sends a hug across,
 *     then stops the server with SIGTERM and expects exit code 0.
 * It fails unless the server ran on uWebSockets.js. Not in CI: the first run takes minutes.
 */

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = process.env['HUGMOOD_CACHE'] ?? join(homedir(), '.cache/hugmood');
const DEBIAN_ROOT = process.env['DEBIAN13_ROOT'] ?? join(CACHE, 'debian13-root');
const MIRROR = process.env['DEBIAN_MIRROR'] ?? 'http://deb.debian.org/debian';

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
function step(text: string): void {
  console.log(`[${elapsed()}] ${text}`);
}

function run(command: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): string {
  return execFileSync(command, args, { cwd: options.cwd ?? ROOT, env: options.env ?? process.env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
}

function debianRoot(): string {
  const marker = join(DEBIAN_ROOT, 'etc/debian_version');
  if (existsSync(marker) && /^13\./.test(readFileSync(marker, 'utf8'))) {
    step(`Debian 13 root: ${DEBIAN_ROOT} (cached, Debian ${readFileSync(marker, 'utf8').trim()})`);
    return DEBIAN_ROOT;
  }
  if (process.getuid?.() !== 0) throw new Error('debootstrap and chroot need root: run as root (or set DEBIAN13_ROOT to a Debian 13 root made beforehand)');
  step(`debootstrap --variant=minbase trixie ${DEBIAN_ROOT} ${MIRROR} (minutes, once)`);
  rmSync(DEBIAN_ROOT, { recursive: true, force: true });
  mkdirSync(dirname(DEBIAN_ROOT), { recursive: true });
  execFileSync('debootstrap', ['--variant=minbase', 'trixie', DEBIAN_ROOT, MIRROR], { stdio: ['ignore', 'ignore', 'inherit'] });
  step(`Debian ${readFileSync(marker, 'utf8').trim()} root ready`);
  return DEBIAN_ROOT;
}

/** The app as the image holds it: production dependencies built for Node 24, the compiled server, one uWS binary. */
function assembleApp(node24: string, app: string): void {
  const env = { ...process.env, PATH: `${node24}/bin:${process.env['PATH'] ?? ''}`, npm_config_nodedir: node24 };
  rmSync(app, { recursive: true, force: true });
  mkdirSync(app, { recursive: true });
  for (const file of ['package.json', 'package-lock.json', 'client-sdk/package.json', 'client-react/package.json', 'examples/web/package.json']) {
    mkdirSync(dirname(join(app, file)), { recursive: true });
    cpSync(join(ROOT, file), join(app, file));
  }
  step('npm ci --omit=dev --workspaces=false on Node 24 (better-sqlite3 compiled against its headers)');
  run('npm', ['ci', '--omit=dev', '--workspaces=false', '--no-audit', '--no-fund'], { cwd: app, env });
  step('npm run build');
  cpSync(buildServer(), join(app, 'dist'), { recursive: true });
  const abi = run(`${node24}/bin/node`, ['-p', 'process.versions.modules']).trim();
  const keep = `uws_linux_${process.arch}_${abi}.node`;
  const removed = pruneUwsBinaries(join(app, 'node_modules'), keep);
  step(`kept ${keep} of the uWebSockets.js binaries (removed ${removed} for other platforms and ABIs)`);
}

function pruneUwsBinaries(dir: string, keep: string): number {
  let removed = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && /^uws_.+\.node$/.test(entry.name) && entry.name !== keep) {
      rmSync(join(entry.parentPath, entry.name));
      removed += 1;
    }
  }
  return removed;
}

interface Started {
  readonly url: string;
  readonly transport: Record<string, unknown>;
  stop(): Promise<number | null>;
}

/** Starts the server inside the root, as the image's CMD does, and waits for its `listening` line. */
async function startInRoot(root: string, port: number): Promise<Started> {
  const vapid = generateVapidKeys();
  const env = {
    PATH: '/opt/node24/bin:/usr/bin:/bin',
    HOME: '/tmp',
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: '/tmp/hugmood-data',
    JWT_SECRET: randomBytes(32).toString('hex'),
    VAPID_PUBLIC_KEY: vapid.publicKey,
    VAPID_PRIVATE_KEY: vapid.privateKey,
    VAPID_SUBJECT: 'mailto:ops@hugmood.invalid',
    ALLOWED_ORIGINS: 'http://127.0.0.1',
    LOG_LEVEL: 'info',
  };
  // chroot starts in the root's /; the wrapper cds to /app (the image's WORKDIR) and execs node.
  // The child's PATH is the root's, so chroot itself is found on this machine's PATH first.
  const chroot = run('sh', ['-c', 'command -v chroot']).trim();
  const child = spawn(chroot, [root, '/opt/start-hugmood'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: Record<string, unknown>[] = [];
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.once('error', (error) => {
      stderr += error.message;
      resolve(null);
    });
  });
  return new Promise<Started>((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error(`the server did not listen within 30 s\n${stderr}`)), 30_000);
    void exited.then((code) => reject(new Error(`the server exited (${code}) before listening\n${stderr}`)));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffer += chunk;
      for (let i = buffer.indexOf('\n'); i >= 0; i = buffer.indexOf('\n')) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 1);
        let parsed: Record<string, unknown>;
        try {
          parsed = JSON.parse(line) as Record<string, unknown>;
        } catch {
          continue;
        }
        lines.push(parsed);
        if (parsed['event'] === 'listening') {
          clearTimeout(timer);
          const transport = lines.find((l) => String(l['msg']).startsWith('transport:')) ?? {};
          resolve({
            url: `http://127.0.0.1:${port}`,
            transport,
            stop: async () => {
              child.kill('SIGTERM');
              return exited;
            },
          });
        }
      }
    });
  });
}

/** Two people sign up, befriend and hug across the server; resolves with the hug's round trip in ms. */
async function hugRoundTrip(url: string): Promise<number> {
  const suffix = randomBytes(3).toString('hex');
  const clientOf = (name: string) => HugMoodClient.connect({ url, auth: { username: `${name}_${suffix}`, password: 'a long enough password', signUp: true }, requestTimeoutMs: 10_000 });
  const ana = clientOf('ana');
  const ben = clientOf('ben');
  try {
    await Promise.all([ana.whenConnected(20_000), ben.whenConnected(20_000)]);
    const anaId = ana.userId;
    const benId = ben.userId;
    if (!anaId || !benId) throw new Error('signed up, but the clients know no user id');
    await ana.friends.request(benId);
    await ben.friends.accept(anaId);
    const t0 = performance.now();
    const received = new Promise<string>((resolve) => ben.hugs.on('received', (hug) => resolve(hug.id)));
    const sent = await ana.hugs.send(benId, { kind: 'warm', message: 'from Debian 13' });
    const got = await Promise.race([received, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the hug did not arrive within 10 s')), 10_000))]);
    if (got !== sent.hugId) throw new Error(`received hug ${got}, sent ${sent.hugId}`);
    return performance.now() - t0;
  } finally {
    ana.close();
    ben.close();
  }
}

async function main(): Promise<void> {
  const root = debianRoot();
  const glibc = run('chroot', [root, '/usr/bin/ldd', '--version']).split('\n')[0] ?? '';
  step(`glibc in the root: ${glibc}`);
  step('Node 24 from the npm registry (scripts/install-node.sh 24)');
  const node24 = run('bash', [join(ROOT, 'scripts/install-node.sh'), '24']).trim();
  rmSync(join(root, 'opt/node24'), { recursive: true, force: true });
  mkdirSync(join(root, 'opt'), { recursive: true });
  cpSync(node24, join(root, 'opt/node24'), { recursive: true });
  step(`node in the root: ${run('chroot', [root, '/opt/node24/bin/node', '--version']).trim()}`);
  const app = join(root, 'app');
  assembleApp(node24, app);
  // The image's WORKDIR is /app and its CMD `node dist/server/main.js`.
  writeFileSync(join(root, 'opt/start-hugmood'), '#!/bin/sh\ncd /app && exec /opt/node24/bin/node dist/server/main.js\n', { mode: 0o755 });
  const port = await freePort();
  step(`starting node dist/server/main.js in the root on 127.0.0.1:${port} (NODE_ENV=production)`);
  const server = await startInRoot(root, port);
  step(`server: ${JSON.stringify(server.transport['msg'])} ${JSON.stringify({ package: server.transport['package'], binary: server.transport['binary'], reason: server.transport['reason'] })}`);
  try {
    if (server.transport['transport'] !== 'uws') throw new Error(`the server fell back to ${String(server.transport['transport'])}: ${String(server.transport['reason'])}`);
    const ms = await hugRoundTrip(server.url);
    step(`hug round trip through the server in the root: sent, delivered and received in ${ms.toFixed(1)} ms`);
  } finally {
    const code = await server.stop();
    step(`SIGTERM: the server exited with ${code}`);
    if (code !== 0) process.exitCode = 1;
  }
  step(`OK: Node 24 + uWebSockets.js on Debian 13 (${glibc}), in ${elapsed()}`);
}

main().catch((error: unknown) => {
  console.error(`check:runtime failed after ${elapsed()}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
