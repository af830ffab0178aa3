import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEV_VAPID_FILE, loadOrCreateDevVapidKeys } from './dev-vapid-keys.js';

describe('development VAPID keys', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hugmood-vapid-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates a pair once, owner-only, and every later load (another node on the same DATA_DIR) reads the same', () => {
    const first = loadOrCreateDevVapidKeys(join(dir, 'data'));
    expect(first.created).toBe(true);
    expect(first.keys.publicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
    expect(first.keys.privateKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(statSync(first.file).mode & 0o777).toBe(0o600);
    const again = loadOrCreateDevVapidKeys(join(dir, 'data'));
    expect(again).toEqual({ ...first, created: false });
  });

  it('refuses a file that holds no key pair rather than replacing it', () => {
    const data = join(dir, 'broken');
    loadOrCreateDevVapidKeys(data);
    writeFileSync(join(data, DEV_VAPID_FILE), 'not json');
    expect(() => loadOrCreateDevVapidKeys(data)).toThrow();
  });
});
