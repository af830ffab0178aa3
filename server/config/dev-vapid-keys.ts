import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateVapidKeys } from '../push/web-push-provider.js';

/** Where the development VAPID key pair lives inside `DATA_DIR`. */
export const DEV_VAPID_FILE = 'dev-vapid-keys.json';

/** A VAPID key pair, base64url. */
export interface VapidKeys {
  readonly publicKey: string;
  readonly privateKey: string;
}

function read(file: string): VapidKeys | null {
  try {
    const keys = JSON.parse(readFileSync(file, 'utf8')) as Partial<VapidKeys>;
    return typeof keys.publicKey === 'string' && typeof keys.privateKey === 'string' ? { publicKey: keys.publicKey, privateKey: keys.privateKey } : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Reads the development VAPID key pair from `dataDir`, creating it (owner-only) on first use, so
 * browsers' subscriptions survive restarts in development. Nodes sharing a `DATA_DIR` agree: the
 * file is created exclusively, and a node that loses the race reads the winner's pair.
 */
export function loadOrCreateDevVapidKeys(dataDir: string): { keys: VapidKeys; file: string; created: boolean } {
  const file = join(dataDir, DEV_VAPID_FILE);
  const existing = read(file);
  if (existing) return { keys: existing, file, created: false };
  mkdirSync(dataDir, { recursive: true });
  const keys = generateVapidKeys();
  try {
    writeFileSync(file, `${JSON.stringify(keys)}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const winner = read(file);
    if (!winner) throw new Error(`${file} exists but holds no VAPID key pair`, { cause: error });
    return { keys: winner, file, created: false };
  }
  return { keys, file, created: true };
}
