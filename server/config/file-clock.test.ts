import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileClock } from './file-clock.js';

describe('file clock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hugmood-clock-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('adds the offset the file holds at each call, none without the file, and refuses what is no number', () => {
    const file = join(dir, 'offset');
    const now = fileClock(file);
    expect(Math.abs(now() - Date.now())).toBeLessThan(1000);
    writeFileSync(file, String(3 * 86_400_000));
    expect(now() - Date.now()).toBeGreaterThan(3 * 86_400_000 - 1000);
    writeFileSync(file, '-86400000\n');
    expect(now() - Date.now()).toBeLessThan(-86_400_000 + 1000);
    writeFileSync(file, 'tomorrow');
    expect(() => now()).toThrow(/not a number of milliseconds/);
  });
});
