import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { withBuildLock } from './build-lock.js';

const roots: string[] = [];
function root(): string {
  const dir = mkdtempSync(join(tmpdir(), 'build-lock-'));
  mkdirSync(join(dir, 'node_modules'));
  roots.push(dir);
  return dir;
}

describe('the package build lock', () => {
  afterEach(() => {
    for (const dir of roots.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('lets one process build at a time: the second starts only after the first released it', async () => {
    const dir = root();
    const released = join(dir, 'released');
    const holder = spawn(process.execPath, [
      '--import',
      'tsx',
      '-e',
      `import { withBuildLock } from ${JSON.stringify(join(import.meta.dirname, 'build-lock.ts'))};
       import { writeFileSync } from 'node:fs';
       withBuildLock(${JSON.stringify(dir)}, () => { console.log('held'); Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 800); writeFileSync(${JSON.stringify(released)}, '1'); });`,
    ]);
    await new Promise<void>((resolve, reject) => {
      holder.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('held') && resolve());
      holder.on('exit', (code) => reject(new Error(`the holder exited (${code}) before holding the lock`)));
    });
    const sawRelease = withBuildLock(dir, () => existsSync(released));
    expect(sawRelease).toBe(true);
    await new Promise((resolve) => holder.on('exit', resolve));
  });

  it('takes over a lock whose owner died, and frees it after a build that threw', () => {
    const dir = root();
    mkdirSync(join(dir, 'node_modules', '.hugmood-build-lock'));
    writeFileSync(join(dir, 'node_modules', '.hugmood-build-lock', 'pid'), '2147483646');
    expect(() => withBuildLock(dir, () => {
      throw new Error('the build failed');
    })).toThrow('the build failed');
    expect(withBuildLock(dir, () => 'built', 1000)).toBe('built');
  });
});
