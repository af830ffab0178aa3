import { join } from 'node:path';
import { type BenchServer, ROOT, spawnServer } from './bench-server.js';
import type { BenchOptions } from './bench-options.js';
import { BENCH_JWT_SECRET } from './seed.js';

/**
 * Our server on the embedded default (SQLite store, SQLite write-behind queue, memory presence),
 * with the bench's JWT secret and rate limits raised so the load is not refused: the only changes.
 */
export function startOurs(options: BenchOptions, dataDir: string, execArgv: readonly string[] = []): Promise<BenchServer> {
  return spawnServer('ours', 'server/main.ts', {
    PORT: '0',
    DATA_DIR: dataDir,
    TRANSPORT: options.transport,
    WIRE: options.wire,
    JWT_SECRET: BENCH_JWT_SECRET,
    LOG_LEVEL: 'info',
    METRICS_PORT: '0',
    ...OURS_RAISED_LIMITS,
  }, [...execArgv, ...profileArgs(options, 'ours')]);
}

/** Rate limits raised so the bench's load is not refused. */
export const OURS_RAISED_LIMITS: Readonly<Record<string, string>> = {
  RATE_HUGS_PER_MIN: '1000000',
  RATE_HUGS_BURST: '100000',
  RATE_USER_PER_S: '100000',
  RATE_USER_BURST: '100000',
  RATE_CONN_PER_S: '100000',
  RATE_CONN_BURST: '100000',
  RATE_MOODS_PER_MIN: '1000000',
  RATE_MOODS_BURST: '100000',
};

/** `--cpu-prof` arguments when the bench was asked to profile. */
export function profileArgs(options: BenchOptions, name: string): string[] {
  // One file per thread (the main thread is the largest); the loader thread writes its own.
  return options.profile ? ['--cpu-prof', '--cpu-prof-dir', join(ROOT, 'load-tests', 'results', 'profiles', `${name}-${Date.now()}`)] : [];
}

/** The baseline: plain Socket.IO that only relays, on the same transport and wire format. */
export function startBaseline(options: BenchOptions, execArgv: readonly string[] = []): Promise<BenchServer> {
  return spawnServer('baseline', join('load-tests', 'bench', 'baseline-server.ts'), { PORT: '0', TRANSPORT: options.transport, WIRE: options.wire }, [...execArgv, ...profileArgs(options, 'baseline')]);
}
