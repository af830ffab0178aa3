import { createECDH, createPublicKey, hkdfSync, createDecipheriv, randomBytes, verify } from 'node:crypto';
import type { WebPushSubscription } from '../protocol/types/devices.js';

/**
 * What a browser holds for one push subscription: its P-256 key pair and auth secret. The test
 * hands the public half to the server as a subscription and decrypts what arrives with the rest,
 * as a browser would (RFC 8291 over RFC 8188 `aes128gcm`), written here from the RFCs.
 */
export interface WebPushSubscriber {
  readonly subscription: WebPushSubscription;
  /** The plaintext of an `aes128gcm` push body; throws if it does not decrypt. */
  decrypt(body: Uint8Array): string;
}

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

/** A subscriber for `endpoint`, with fresh keys. */
export function webPushSubscriber(endpoint: string): WebPushSubscriber {
  const ecdh = createECDH('prime256v1');
  const uaPublic = ecdh.generateKeys();
  const authSecret = randomBytes(16);
  return {
    subscription: { endpoint, keys: { p256dh: b64url(uaPublic), auth: b64url(authSecret) } },
    decrypt(body) {
      const data = Buffer.from(body);
      // RFC 8188 header: salt (16) | record size (4) | key id length (1) | key id (the sender's public key).
      const salt = data.subarray(0, 16);
      const recordSize = data.readUInt32BE(16);
      const idLength = data.readUInt8(20);
      const asPublic = data.subarray(21, 21 + idLength);
      const ciphertext = data.subarray(21 + idLength);
      if (idLength !== 65) throw new Error(`the key id is ${idLength} bytes, not an uncompressed P-256 key`);
      if (ciphertext.length > recordSize) throw new Error('more than one record: a push payload fits in one');
      // RFC 8291 §3.4: the input keying material from the ECDH secret and the auth secret.
      const ecdhSecret = ecdh.computeSecret(asPublic);
      const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), uaPublic, asPublic]);
      const ikm = Buffer.from(hkdfSync('sha256', ecdhSecret, authSecret, keyInfo, 32));
      const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
      const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
      const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
      decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
      const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()]);
      // The last record ends with the delimiter 0x02 and then zero padding.
      let end = padded.length - 1;
      while (end >= 0 && padded[end] === 0) end -= 1;
      if (padded[end] !== 2) throw new Error('no last-record delimiter');
      return padded.subarray(0, end).toString('utf8');
    },
  };
}

/** What a checked VAPID authorization (RFC 8292) says. */
export interface VapidClaims {
  readonly aud: string;
  readonly exp: number;
  readonly sub: string;
  /** The server's public key (`k=`), base64url. */
  readonly publicKey: string;
}

/**
 * Checks an `Authorization: vapid t=<JWT>, k=<key>` header: an ES256 JWT signed by `k`, for
 * `audience` (the push service's origin), not expired and at most 24 hours ahead, with a contact.
 */
export function verifyVapid(authorization: string | undefined, audience: string, now = Date.now()): VapidClaims {
  const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(authorization ?? '');
  if (!match?.[1] || !match[2]) throw new Error(`not a VAPID authorization: ${authorization ?? '(none)'}`);
  const [jwt, publicKey] = [match[1], match[2]];
  const [header, payload, signature] = jwt.split('.');
  if (!header || !payload || !signature) throw new Error('not a JWT');
  const head = JSON.parse(Buffer.from(header, 'base64url').toString()) as { alg?: string; typ?: string };
  if (head.alg !== 'ES256') throw new Error(`JWT alg ${head.alg ?? '(none)'}, not ES256`);
  const point = Buffer.from(publicKey, 'base64url');
  if (point.length !== 65 || point[0] !== 4) throw new Error('k is not an uncompressed P-256 point');
  const key = createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: b64url(point.subarray(1, 33)), y: b64url(point.subarray(33)) }, format: 'jwk' });
  const signed = verify('sha256', Buffer.from(`${header}.${payload}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(signature, 'base64url'));
  if (!signed) throw new Error('the VAPID JWT signature does not verify with k');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { aud?: string; exp?: number; sub?: string };
  if (claims.aud !== audience) throw new Error(`aud ${claims.aud ?? '(none)'}, not ${audience}`);
  const seconds = now / 1000;
  if (typeof claims.exp !== 'number' || claims.exp <= seconds || claims.exp > seconds + 24 * 3600) throw new Error(`exp ${String(claims.exp)} is not within the next 24 hours`);
  if (typeof claims.sub !== 'string' || !/^(mailto:|https:)/.test(claims.sub)) throw new Error(`sub ${String(claims.sub)} is no contact`);
  return { aud: claims.aud, exp: claims.exp, sub: claims.sub, publicKey };
}
