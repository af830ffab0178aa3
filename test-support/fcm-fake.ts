import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { importSPKI, jwtVerify } from 'jose';

/** One message FCM's fake accepted or refused. */
export interface FcmCall {
  readonly projectId: string;
  readonly authorization: string | undefined;
  readonly message: { readonly token: string; readonly notification?: { title: string; body: string }; readonly data?: Record<string, string>; readonly android?: Record<string, unknown> };
  readonly status: number;
}

/** How the fake answers sends to a registration token. */
export type FcmAnswer = 'ok' | 'unregistered' | 'unavailable' | 'invalid';

/**
 * A local fake of FCM's HTTP v1 API and Google's OAuth 2 token endpoint, written from their
 * documented contracts: the token endpoint takes a JWT-bearer grant signed (RS256) by the service
 * account, for the `firebase.messaging` scope and the token URL as audience, and answers an access
 * token; `POST /v1/projects/{id}/messages:send` wants that token, and answers 200 `{ name }`, or the
 * documented errors (404 `UNREGISTERED`, 400 `INVALID_ARGUMENT`, 503 with `Retry-After`, 401 for a
 * token it no longer takes).
 */
export interface FcmFake {
  readonly api: string;
  readonly tokenUrl: string;
  readonly calls: FcmCall[];
  /** Access tokens issued so far. */
  readonly tokensIssued: () => number;
  answer(registrationToken: string, answer: FcmAnswer): void;
  /** Stops taking every access token issued so far (they answer 401). */
  revokeTokens(): void;
  close(): Promise<void>;
}

/** Starts the fake for a service account whose public key (SPKI PEM) and email are given. */
export async function startFcmFake(account: { readonly clientEmail: string; readonly publicKeyPem: string }): Promise<FcmFake> {
  const key = await importSPKI(account.publicKeyPem, 'RS256');
  const calls: FcmCall[] = [];
  const answers = new Map<string, FcmAnswer>();
  let issued = new Set<string>();
  let count = 0;
  let origin = '';
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const reply = (status: number, json: unknown, headers: Record<string, string> = {}) => res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(json));
      void (async () => {
        if (req.method === 'POST' && req.url === '/token') {
          const form = new URLSearchParams(body);
          if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer') return reply(400, { error: 'unsupported_grant_type' });
          try {
            const { payload } = await jwtVerify(form.get('assertion') ?? '', key, { issuer: account.clientEmail, audience: `${origin}/token` });
            if (payload['scope'] !== 'https://www.googleapis.com/auth/firebase.messaging') return reply(400, { error: 'invalid_scope' });
          } catch (error) {
            return reply(400, { error: 'invalid_grant', error_description: error instanceof Error ? error.message : 'bad assertion' });
          }
          const token = `ya29.${randomBytes(16).toString('hex')}`;
          issued.add(token);
          count += 1;
          return reply(200, { access_token: token, expires_in: 3599, token_type: 'Bearer' });
        }
        const match = /^\/v1\/projects\/([^/]+)\/messages:send$/.exec(req.url ?? '');
        if (req.method !== 'POST' || !match?.[1]) return reply(404, { error: { code: 404, status: 'NOT_FOUND' } });
        const authorization = req.headers.authorization;
        const parsed = JSON.parse(body) as { message: FcmCall['message'] };
        const record = (status: number) => calls.push({ projectId: decodeURIComponent(match[1] ?? ''), authorization, message: parsed.message, status });
        if (!authorization?.startsWith('Bearer ') || !issued.has(authorization.slice(7))) {
          record(401);
          return reply(401, { error: { code: 401, status: 'UNAUTHENTICATED' } });
        }
        const fcmError = (status: number, code: string, errorCode: string, headers: Record<string, string> = {}) => {
          record(status);
          reply(status, { error: { code: status, status: code, details: [{ '@type': 'type.googleapis.com/google.firebase.fcm.v1.FcmError', errorCode }] } }, headers);
        };
        switch (answers.get(parsed.message.token) ?? 'ok') {
          case 'ok':
            record(200);
            return reply(200, { name: `projects/${match[1]}/messages/${count}-${calls.length}` });
          case 'unregistered':
            return fcmError(404, 'NOT_FOUND', 'UNREGISTERED');
          case 'invalid':
            return fcmError(400, 'INVALID_ARGUMENT', 'INVALID_ARGUMENT');
          case 'unavailable':
            return fcmError(503, 'UNAVAILABLE', 'UNAVAILABLE', { 'retry-after': '7' });
        }
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    api: origin,
    tokenUrl: `${origin}/token`,
    calls,
    tokensIssued: () => count,
    answer: (token, answer) => answers.set(token, answer),
    revokeTokens: () => {
      issued = new Set();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
