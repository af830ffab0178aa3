import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const WAIT_SLICE_MS = 100;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Runs `build` while holding a lock on the packages' `dist/` folders, so two processes never build
 * (and one never packs or bundles) them at once: the test that packs `@hugmood/client` and the browser
 * test that builds the demo on both packages run in parallel under vitest. The lock is a directory
 * (`mkdir` is atomic) holding the owner's pid; a lock whose owner died is taken over. Waits at most
 * `timeoutMs`.
 */
export function withBuildLock<T>(root: string, build: () => T, timeoutMs = 300_000): T {
  const lock = join(root, 'node_modules', '.hugmood-build-lock');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let owner = Number.NaN;
      try {
        owner = Number(readFileSync(join(lock, 'pid'), 'utf8'));
      } catch {
        // Just made, pid not written yet: wait.
      }
      if (Number.isInteger(owner) && !alive(owner)) rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`the package build lock ${lock} was held for over ${timeoutMs} ms`, { cause: error });
      else Atomics.wait(sleeper, 0, 0, WAIT_SLICE_MS);
    }
  }
  try {
    return build();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
