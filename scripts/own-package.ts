import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Installs a folder that is a package of its own (its own lockfile, kept out of the root install:
 * load-tests/artillery, docs/tools/asyncapi-html) with `npm ci`, unless its packages are there and
 * no older than its lockfile. `probe` is a file the install must have made; `env` adds settings
 * (e.g. skipping a browser download). Says what it does, since it can take a minute.
 */
export function installOwnPackage(dir: string, probe: string, what: string, env: Readonly<Record<string, string>> = {}): void {
  const marker = join(dir, 'node_modules/.package-lock.json');
  const lock = join(dir, 'package-lock.json');
  if (existsSync(join(dir, 'node_modules', probe)) && existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  console.log(`${dir}: installing ${what} (first use)`);
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`npm ci in ${dir} failed (exit ${String(result.status)})`);
}
