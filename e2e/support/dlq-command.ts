import { spawnSync } from 'node:child_process';
import { ROOT } from './node-process.js';

/** Runs `npm run dlq -- …` as an operator does: its own process, with `env` (DATA_DIR or REDIS_URL). */
export function runDlq(env: Readonly<Record<string, string>>, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'server/ops/dlq.ts', ...args], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', ...env },
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
