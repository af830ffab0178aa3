import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withBuildLock } from './build-lock.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Compiles the server (protocol, domain, rooms, persistence, server; no tests) to JavaScript in
 * `dist/` with `tsconfig.build.json`, from a clean folder: what the production image runs with
 * `node dist/server/main.js`, without tsx. Holds the build lock, so a test and a developer never
 * build at once. Returns the folder.
 */
export function buildServer(): string {
  const out = join(root, 'dist');
  withBuildLock(root, () => {
    rmSync(out, { recursive: true, force: true });
    execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  });
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = buildServer();
  console.log(`built the server into ${out}: start it with node dist/server/main.js`);
}
