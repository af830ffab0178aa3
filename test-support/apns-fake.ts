import { createServer, type Http2Server } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { decodeProtectedHeader, importSPKI, jwtVerify } from 'jose';

/** One push the APNs fake received. */
export interface ApnsCall {
  readonly deviceToken: string;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly payload: { readonly aps: { readonly alert: { title: string; body: string }; readonly 'thread-id'?: string }; readonly hugmood?: unknown };
  readonly status: number;
}

/** How the fake answers pushes to a device token. */
export type ApnsAnswer = 'ok' | 'unregistered' | 'bad-token' | 'too-many' | 'expired-provider-token-once';

/**
 * A local fake of APNs' HTTP/2 provider API, written from Apple's documented contract: `POST
 * /3/device/{token}` over HTTP/2 (cleartext here), a provider token (ES256 JWT, `kid` the key id,
 * `iss` the team) in `authorization: bearer`, the `apns-topic` of the app; it answers 200 with an
 * `apns-id`, or the documented errors with `{ reason }` (410 `Unregistered`, 400 `BadDeviceToken`,
 * 429 `TooManyRequests`, 403 `ExpiredProviderToken`, 403 `InvalidProviderToken`, 400 `BadTopic`).
 */
export interface ApnsFake {
  readonly url: string;
  readonly calls: ApnsCall[];
  answer(deviceToken: string, answer: ApnsAnswer): void;
  close(): Promise<void>;
}

/** Starts the fake for a team, key id, topic and the key's public half (SPKI PEM). */
export async function startApnsFake(identity: { readonly teamId: string; readonly keyId: string; readonly topic: string; readonly publicKeyPem: string }): Promise<ApnsFake> {
  const key = await importSPKI(identity.publicKeyPem, 'ES256');
  const calls: ApnsCall[] = [];
  const answers = new Map<string, ApnsAnswer>();
  const server: Http2Server = createServer();
  server.on('stream', (stream, headers) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      void (async () => {
        const path = String(headers[':path'] ?? '');
        const deviceToken = decodeURIComponent(path.replace(/^\/3\/device\//, ''));
        const reply = (status: number, reason: string | null) => {
          calls.push({ deviceToken, headers, payload: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as ApnsCall['payload'], status });
          stream.respond({ ':status': status, 'apns-id': `00000000-0000-0000-0000-${String(calls.length).padStart(12, '0')}`, ...(status === 429 ? { 'retry-after': '3' } : {}) });
          stream.end(reason ? JSON.stringify({ reason }) : undefined);
        };
        if (headers[':method'] !== 'POST' || !path.startsWith('/3/device/')) return reply(404, 'BadPath');
        const jwt = String(headers['authorization'] ?? '').replace(/^bearer /, '');
        try {
          if (decodeProtectedHeader(jwt).kid !== identity.keyId) return reply(403, 'InvalidProviderToken');
          await jwtVerify(jwt, key, { issuer: identity.teamId, algorithms: ['ES256'] });
        } catch {
          return reply(403, 'InvalidProviderToken');
        }
        if (headers['apns-topic'] !== identity.topic) return reply(400, 'BadTopic');
        switch (answers.get(deviceToken) ?? 'ok') {
          case 'ok':
            return reply(200, null);
          case 'unregistered':
            return reply(410, 'Unregistered');
          case 'bad-token':
            return reply(400, 'BadDeviceToken');
          case 'too-many':
            return reply(429, 'TooManyRequests');
          case 'expired-provider-token-once':
            answers.set(deviceToken, 'ok');
            return reply(403, 'ExpiredProviderToken');
        }
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    answer: (token, answer) => answers.set(token, answer),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
