import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withBuildLock } from '../../scripts/build-lock.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');

/**
 * Builds what the demo stands on, as an app would get it: the two packages (`client-sdk`, then
 * `client-react`, whose declarations need the first), then the demo with Vite into `dist/`.
 */
export function buildDemo(): string {
  // A production build (React's own, minified) even when run from a test runner that set NODE_ENV=test.
  const run = (args: string[], cwd: string) => execFileSync(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } });
  withBuildLock(root, () => {
    run(['--import', 'tsx', join(root, 'client-sdk/build.ts')], root);
    run(['--import', 'tsx', join(root, 'client-react/build.ts')], root);
    run([join(root, 'node_modules/vite/bin/vite.js'), 'build'], here);
  });
  return join(here, 'dist');
}
