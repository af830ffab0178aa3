import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { TokenPair } from '../../protocol/schemas/auth.js';

const INFO = 'hugmood refresh-token successor v1';

/** The key only a holder of `refreshToken` can derive: HKDF-SHA256 over the token itself. */
function keyOf(refreshToken: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(refreshToken, 'utf8'), Buffer.alloc(0), INFO, 32));
}

/**
 * Seals the pair a refresh token was rotated to, with AES-256-GCM under a key derived from that
 * refresh token. The store keeps only the seal (and the token's hash): whoever presents the same
 * token again within the grace window can open it and gets the same pair, nobody else can.
 */
export function sealSuccessor(pair: TokenPair, refreshToken: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(refreshToken), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(pair), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** Opens a seal made by {@link sealSuccessor} with the same token; `null` if it does not open. */
export function openSuccessor(sealed: string, refreshToken: string): TokenPair | null {
  try {
    const raw = Buffer.from(sealed, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', keyOf(refreshToken), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    return JSON.parse(text) as TokenPair;
  } catch {
    return null;
  }
}
