import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { parse } from 'yaml';
import { z } from 'zod';
import { spawnServer } from '../bench/bench-server.js';
import { BENCH_JWT_SECRET, pairFriendships, ringFriendships, seedGraph } from '../bench/seed.js';
import { installOwnPackage } from '../../scripts/own-package.js';
import type { SeedFile } from './engine/src/seed-file.js';

/*
 * `npm run load -- <scenario> [--report file.json]`: runs one artillery scenario of
 * load-tests/artillery/scenarios against a fresh server of ours.
 *  1. installs this folder's own packages (artillery 2.0.21, ~590 MB) on first use, browser download skipped;
 *  2. bundles the `hugmood` engine (engine/src, with the SDK) into engine/dist/index.cjs;
 *  3. seeds the users and friendships the scenario's `config.hugmood.seed` asks for straight into a
 *     new SQLite store (the bench's seeding: no registrations, no rate limit on them);
 *  4. starts the server on it (embedded shape, the scenario's `config.hugmood.server` settings);
 *  5. runs artillery against it, writes the JSON report, stops the server.
 * Exits with artillery's code: non-zero when an `ensure` threshold failed.
 */

export const HERE = dirname(fileURLToPath(import.meta.url));

/** What a scenario's `config.hugmood` may say. */
const hugmoodConfig = z
  .object({
    seed: z
      .object({
        users: z.number().int().min(2).max(100_000),
        /** `pairs`: 2k and 2k+1 are friends; `ring`: each user has `friendsPerUser` neighbours; `hub`: pairs, and user 0 befriends everyone. */
        friends: z.discriminatedUnion('kind', [z.object({ kind: z.literal('pairs') }), z.object({ kind: z.literal('hub') }), z.object({ kind: z.literal('ring'), friendsPerUser: z.number().int().min(2).max(1000) })]),
      })
      .strict(),
    /** Server settings for the run (environment variables), on top of the embedded defaults. */
    server: z.record(z.string().regex(/^[A-Z][A-Z0-9_]*$/), z.union([z.string(), z.number()])).default({}),
    /** Lifetime of the access tokens the engine mints; shorter than the run exercises refreshes. */
    tokenTtlS: z.number().int().min(10).max(86_400).default(900),
  })
  .strict();

/** The scenario file for `name` (a file in scenarios/, with or without `.yml`, or a path). */
export function scenarioPath(name: string): string {
  for (const candidate of [name, join(HERE, 'scenarios', name), join(HERE, 'scenarios', `${name}.yml`)]) if (existsSync(candidate) && statSync(candidate).isFile()) return resolve(candidate);
  throw new Error(`no scenario ${JSON.stringify(name)}: give a file, or one of scenarios/*.yml`);
}

/** Installs this folder's packages (its own lockfile) unless they are there and current. */
export function ensureInstalled(): void {
  installOwnPackage(HERE, 'artillery/package.json', 'artillery 2.0.21 and its packages (about 600 MB, a minute)', { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' });
}

/** Bundles the engine and the SDK it stands on into one CommonJS file artillery can require. */
export async function bundleEngine(): Promise<string> {
  const outfile = join(HERE, 'engine/dist/index.cjs');
  await build({
    entryPoints: [join(HERE, 'engine/src/index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
    // artillery constructs `require('artillery-engine-hugmood')` itself: the default export is the module.
    footer: { js: 'module.exports = module.exports.default;' },
  });
  return outfile;
}

/** A running load test's server and seed. */
export interface LoadTarget {
  readonly url: string;
  readonly seedFile: string;
  stop(): Promise<void>;
}

/** Seeds what the scenario asks and starts a server of ours on it. */
export async function prepareTarget(scenarioFile: string, wire: 'msgpack' | 'json' = 'msgpack'): Promise<LoadTarget> {
  const script = parse(readFileSync(scenarioFile, 'utf8')) as { config?: { hugmood?: unknown } };
  const parsed = hugmoodConfig.safeParse(script.config?.hugmood);
  if (!parsed.success) throw new Error(`${basename(scenarioFile)}: config.hugmood: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const { seed, server, tokenTtlS } = parsed.data;
  const pairs = seed.friends.kind === 'ring' ? ringFriendships(seed.users, seed.friends.friendsPerUser) : pairFriendships(seed.users, Math.floor(seed.users / 2), seed.friends.kind === 'hub');
  const seeded = await seedGraph(seed.users, pairs);
  const friends = seeded.users.map(() => [] as string[]);
  for (const [a, b] of pairs) {
    const [x, y] = [seeded.users[a]?.userId, seeded.users[b]?.userId];
    if (x === undefined || y === undefined) continue;
    friends[a]?.push(y);
    friends[b]?.push(x);
  }
  const claimsDir = mkdtempSync(join(tmpdir(), 'hugmood-load-claims-'));
  const seedFile = join(seeded.dataDir, 'artillery-seed.json');
  const contents: SeedFile = {
    secret: BENCH_JWT_SECRET,
    issuer: 'hugmood',
    audience: 'hugmood-realtime',
    tokenTtlS,
    claimsDir,
    users: seeded.users.map((u, i) => ({ id: u.userId, friends: friends[i] ?? [] })),
  };
  writeFileSync(seedFile, JSON.stringify(contents));
  // For artillery's built-in socketio engine (scenarios/socketio-builtin.yml): a payload of users, their token and a friend.
  mkdirSync(join(HERE, '.seed'), { recursive: true });
  writeFileSync(join(HERE, '.seed/users.csv'), ['userId,token,friendId', ...seeded.users.map((u, i) => `${u.userId},${u.token},${friends[i]?.[0] ?? ''}`)].join('\n') + '\n');
  const running = await spawnServer('hugmood', 'server/main.ts', {
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: seeded.dataDir,
    JWT_SECRET: BENCH_JWT_SECRET,
    WIRE: wire,
    // The `listening` line is an info line: the runner waits for it (and drops the log after it).
    LOG_LEVEL: 'info',
    METRICS_PORT: '0',
    ...Object.fromEntries(Object.entries(server).map(([k, v]) => [k, String(v)])),
  });
  return {
    url: running.url,
    seedFile,
    stop: async () => {
      await running.stop();
      rmSync(claimsDir, { recursive: true, force: true });
      rmSync(seeded.dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs artillery on `scenarioFile` against `target`, writing the JSON report to `report`; resolves with its exit code. */
export function runArtillery(scenarioFile: string, target: LoadTarget, report: string, extraEnv: Readonly<Record<string, string>> = {}): Promise<number> {
  mkdirSync(dirname(report), { recursive: true });
  const child = spawn(process.execPath, [join(HERE, 'node_modules/artillery/bin/run'), 'run', '--output', report, '--target', target.url, scenarioFile], {
    cwd: HERE,
    stdio: 'inherit',
    env: { ...process.env, HUGMOOD_SEED_FILE: target.seedFile, ARTILLERY_DISABLE_TELEMETRY: 'true', ...extraEnv },
  });
  return new Promise((done) => child.once('exit', (code) => done(code ?? 1)));
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const name = args.find((a) => !a.startsWith('--'));
  if (!name) {
    console.error('usage: npm run load -- <scenario> [--report file.json] [--wire msgpack|json]\nscenarios: presence-storm, hug-ping-pong, mood-fanout, group-hug-1000, smoke (and socketio-builtin.yml, for artillery\'s own socketio engine)');
    process.exit(2);
  }
  const option = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const file = scenarioPath(name);
  const wire = option('--wire') === 'json' ? 'json' : 'msgpack';
  const report = resolve(option('--report') ?? join(HERE, '../results', `artillery-${basename(file, '.yml')}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`));
  ensureInstalled();
  await bundleEngine();
  const target = await prepareTarget(file, wire);
  console.log(`server ${target.url} (WIRE=${wire}), seed ${target.seedFile}`);
  const code = await runArtillery(file, target, report).finally(() => target.stop());
  console.log(`report: ${report}`);
  process.exit(code);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
