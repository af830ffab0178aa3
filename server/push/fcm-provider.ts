import { importPKCS8, SignJWT } from 'jose';
import type { PushMessage } from '../../domain/notifications/push-collapse.js';
import { outcomeOfStatus, type PushOptions, type PushOutcome, type PushProvider, type PushTarget, pushPayloadOf } from './push-provider.js';

/** The fields of a Google service account key file that FCM needs. */
export interface FcmCredentials {
  readonly projectId: string;
  readonly clientEmail: string;
  /** PKCS #8 PEM (`-----BEGIN PRIVATE KEY-----`), as the key file holds it. */
  readonly privateKey: string;
}

/** Where FCM and Google's token service are: the real ones, or a local fake in tests. */
export interface FcmEndpoints {
  /** Default `https://fcm.googleapis.com`. */
  readonly api: string;
  /** Default `https://oauth2.googleapis.com/token`. */
  readonly token: string;
}

export const FCM_DEFAULT_ENDPOINTS: FcmEndpoints = { api: 'https://fcm.googleapis.com', token: 'https://oauth2.googleapis.com/token' };

const SCOPE = 'https://www.googleapis.com/auth/firebase.messaging';

/** Reads a service account key file's JSON (`project_id`, `client_email`, `private_key`). */
export function fcmCredentialsOf(json: unknown): FcmCredentials {
  const o = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
  const [projectId, clientEmail, privateKey] = [o['project_id'], o['client_email'], o['private_key']];
  if (typeof projectId !== 'string' || typeof clientEmail !== 'string' || typeof privateKey !== 'string' || !privateKey.includes('PRIVATE KEY')) {
    throw new Error('not a Google service account key: project_id, client_email and private_key are required');
  }
  return { projectId, clientEmail, privateKey };
}

/** FCM's error code of an answer (`UNREGISTERED`, `INVALID_ARGUMENT`, …), when it names one. */
function fcmErrorCode(text: string): string | null {
  try {
    const body = JSON.parse(text) as { error?: { status?: string; details?: { errorCode?: string }[] } };
    return body.error?.details?.find((d) => typeof d.errorCode === 'string')?.errorCode ?? body.error?.status ?? null;
  } catch {
    return null;
  }
}

/**
 * Firebase Cloud Messaging (HTTP v1 API, `projects/{id}/messages:send`) behind the push port, for
 * Android devices. It signs a service-account JWT (RS256) for an OAuth 2 access token, keeps the
 * token until a minute before it expires, and sends each push with its collapse key, TTL and
 * priority; the payload rides in `data.payload` (ids and short words only) with a visible
 * `notification`. Answers: 200 delivered; 404 or `UNREGISTERED` gone; 401/403 drop the token and
 * retry; 429/5xx retry (after `Retry-After`); other 4xx rejected.
 *
 * FCM cannot be reached from our build machines: it is tested against a local fake of the HTTP v1
 * and token APIs (`test-support/fcm-fake.ts`).
 */
export class FcmProvider implements PushProvider {
  readonly platform = 'android' as const;
  private token: { readonly value: string; readonly until: number } | null = null;
  private fetching: Promise<string> | null = null;

  constructor(
    private readonly credentials: FcmCredentials,
    private readonly endpoints: FcmEndpoints = FCM_DEFAULT_ENDPOINTS,
    private readonly timeoutMs = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  async send(target: PushTarget, message: PushMessage, options: PushOptions): Promise<PushOutcome> {
    if (target.platform !== 'android') throw new Error(`the FCM provider cannot push to ${target.platform}`);
    let accessToken: string;
    try {
      accessToken = await this.accessToken();
    } catch (error) {
      return { kind: 'retry', reason: `FCM access token: ${error instanceof Error ? error.message : String(error)}` };
    }
    const body = {
      message: {
        token: target.token,
        notification: { title: message.title, body: message.body },
        data: { payload: pushPayloadOf(message) },
        android: { collapse_key: message.collapseKey, ttl: `${options.ttlS}s`, priority: options.urgency === 'high' ? 'HIGH' : 'NORMAL' },
      },
    };
    let response: Response;
    try {
      response = await fetch(`${this.endpoints.api}/v1/projects/${encodeURIComponent(this.credentials.projectId)}/messages:send`, {
        method: 'POST',
        headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
        redirect: 'error',
      });
    } catch (error) {
      return { kind: 'retry', reason: error instanceof Error ? error.message : String(error) };
    }
    const text = await response.text().catch(() => '');
    const code = fcmErrorCode(text);
    const reason = `${response.status} ${code ?? text.slice(0, 200)}`.trim();
    if (response.status === 401 || response.status === 403) {
      // The access token was refused: the next attempt signs for a new one.
      this.token = null;
      return { kind: 'retry', reason };
    }
    if (code === 'UNREGISTERED') return { kind: 'gone', status: response.status };
    return outcomeOfStatus(response.status, response.headers.get('retry-after'), reason);
  }

  /** A cached access token, or a new one (one request at a time). */
  private accessToken(): Promise<string> {
    if (this.token && this.token.until > this.now()) return Promise.resolve(this.token.value);
    this.fetching ??= this.fetchToken().finally(() => {
      this.fetching = null;
    });
    return this.fetching;
  }

  private async fetchToken(): Promise<string> {
    const issuedAt = Math.floor(this.now() / 1000);
    const key = await importPKCS8(this.credentials.privateKey, 'RS256');
    const assertion = await new SignJWT({ scope: SCOPE })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
      .setIssuer(this.credentials.clientEmail)
      .setAudience(this.endpoints.token)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + 3600)
      .sign(key);
    const response = await fetch(this.endpoints.token, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion }).toString(),
      signal: AbortSignal.timeout(this.timeoutMs),
      redirect: 'error',
    });
    const answer = (await response.json().catch(() => ({}))) as { access_token?: unknown; expires_in?: unknown };
    if (!response.ok || typeof answer.access_token !== 'string') throw new Error(`the token service answered ${response.status}`);
    const expiresInS = typeof answer.expires_in === 'number' ? answer.expires_in : 3600;
    this.token = { value: answer.access_token, until: this.now() + Math.max(0, expiresInS - 60) * 1000 };
    return answer.access_token;
  }
}
