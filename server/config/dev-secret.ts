import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the development secret lives inside `DATA_DIR`. */
export const DEV_SECRET_FILE = 'dev-jwt-secret';

/**
 * Reads the development JWT secret from `dataDir`, creating it (owner-only) on first use, so
 * tokens survive restarts in development. Never used in production: config refuses that.
 */
export function loadOrCreateDevSecret(dataDir: string): { secret: string; file: string; created: boolean } {
  const file = join(dataDir, DEV_SECRET_FILE);
  try {
    const secret = readFileSync(file, 'utf8').trim();
    if (secret.length >= 32) return { secret, file, created: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return { secret, file, created: true };
}
