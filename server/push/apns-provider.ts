import { type ClientHttp2Session, connect } from 'node:http2';
import { importPKCS8, SignJWT } from 'jose';
import type { PushMessage } from '../../domain/notifications/push-collapse.js';
import type { PushOptions, PushOutcome, PushProvider, PushTarget } from './push-provider.js';

/** An APNs token-based identity: the `.p8` key, its id, the team, and the app's bundle id (the topic). */
export interface ApnsCredentials {
  readonly teamId: string;
  readonly keyId: string;
  /** PKCS #8 PEM of the `.p8` key (P-256). */
  readonly privateKey: string;
  /** The app's bundle id. */
  readonly topic: string;
}

/** Apple's production endpoint; `https://api.sandbox.push.apple.com` for development builds. */
export const APNS_DEFAULT_ENDPOINT = 'https://api.push.apple.com';

/** How long a provider token is used: Apple refuses one older than an hour, and one renewed more often than every 20 minutes. */
const TOKEN_LIFETIME_MS = 50 * 60 * 1000;

/** APNs reasons that mean the device token is no longer valid for this app: remove it. */
const GONE_REASONS = new Set(['BadDeviceToken', 'DeviceTokenNotForTopic', 'Unregistered']);

/** The `reason` of an APNs error body, if it has one. */
function reasonOf(body: string): string | null {
  try {
    const parsed = JSON.parse(body || '{}') as { reason?: unknown };
    return typeof parsed.reason === 'string' ? parsed.reason : null;
  } catch {
    return null;
  }
}

interface Http2Answer {
  readonly status: number;
  readonly reason: string | null;
  readonly retryAfter: string | null;
}

/**
 * Apple Push Notification service (the HTTP/2 provider API, token-based authentication) behind the
 * push port, for iOS devices. One HTTP/2 connection, reopened when it closes; a provider token (an
 * ES256 JWT from the team's `.p8` key) renewed every 50 minutes; each push with its collapse id,
 * expiration and priority. Answers: 200 delivered; 410, `BadDeviceToken`, `DeviceTokenNotForTopic`
 * gone; `ExpiredProviderToken` renews the token and retries; 429/5xx retry; other 4xx rejected.
 *
 * APNs cannot be reached from our build machines: it is tested against a local fake of its HTTP/2
 * contract (`test-support/apns-fake.ts`).
 */
export class ApnsProvider implements PushProvider {
  readonly platform = 'ios' as const;
  private session: ClientHttp2Session | null = null;
  private token: { readonly value: string; readonly until: number } | null = null;

  constructor(
    private readonly credentials: ApnsCredentials,
    private readonly endpoint = APNS_DEFAULT_ENDPOINT,
    private readonly timeoutMs = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  async send(target: PushTarget, message: PushMessage, options: PushOptions): Promise<PushOutcome> {
    if (target.platform !== 'ios') throw new Error(`the APNs provider cannot push to ${target.platform}`);
    const payload = JSON.stringify({
      aps: { alert: { title: message.title, body: message.body }, 'thread-id': message.type, sound: 'default' },
      hugmood: { type: message.type, data: message.data, count: message.count },
    });
    let answer: Http2Answer;
    try {
      answer = await this.post(target.token, payload, message, options);
      if (answer.status === 403 && answer.reason === 'ExpiredProviderToken') {
        this.token = null;
        answer = await this.post(target.token, payload, message, options);
      }
    } catch (error) {
      this.drop();
      return { kind: 'retry', reason: error instanceof Error ? error.message : String(error) };
    }
    const reason = `${answer.status} ${answer.reason ?? ''}`.trim();
    if (answer.status === 200) return { kind: 'delivered' };
    if (answer.status === 410 || (answer.reason !== null && GONE_REASONS.has(answer.reason))) return { kind: 'gone', status: answer.status };
    if (answer.status === 429 || answer.status >= 500) {
      const seconds = answer.retryAfter ? Number(answer.retryAfter) : Number.NaN;
      return Number.isFinite(seconds) && seconds >= 0 ? { kind: 'retry', reason, retryAfterMs: seconds * 1000 } : { kind: 'retry', reason };
    }
    return { kind: 'rejected', status: answer.status, reason };
  }

  /** Closes the connection to APNs. */
  close(): void {
    this.drop();
  }

  private async post(deviceToken: string, payload: string, message: PushMessage, options: PushOptions): Promise<Http2Answer> {
    const authorization = `bearer ${await this.providerToken()}`;
    const session = this.connection();
    return new Promise<Http2Answer>((resolve, reject) => {
      const request = session.request({
        ':method': 'POST',
        ':path': `/3/device/${encodeURIComponent(deviceToken)}`,
        authorization,
        'apns-topic': this.credentials.topic,
        'apns-push-type': 'alert',
        'apns-priority': options.urgency === 'high' ? '10' : '5',
        'apns-expiration': String(Math.floor((this.now() + options.ttlS * 1000) / 1000)),
        'apns-collapse-id': message.collapseKey,
        'content-type': 'application/json',
      });
      request.setTimeout(this.timeoutMs, () => request.close());
      let status = 0;
      let retryAfter: string | null = null;
      const chunks: Buffer[] = [];
      request.on('response', (headers) => {
        status = Number(headers[':status'] ?? 0);
        const value = headers['retry-after'];
        retryAfter = typeof value === 'string' ? value : null;
      });
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('error', reject);
      request.on('close', () => {
        if (status === 0) return reject(new Error('APNs closed the stream without an answer'));
        resolve({ status, reason: reasonOf(Buffer.concat(chunks).toString('utf8')), retryAfter });
      });
      request.end(payload);
    });
  }

  private connection(): ClientHttp2Session {
    if (this.session && !this.session.closed && !this.session.destroyed) return this.session;
    const session = connect(this.endpoint);
    session.on('error', () => this.drop());
    session.on('close', () => {
      if (this.session === session) this.session = null;
    });
    session.unref();
    this.session = session;
    return session;
  }

  private drop(): void {
    const session = this.session;
    this.session = null;
    if (session && !session.destroyed) session.destroy();
  }

  private async providerToken(): Promise<string> {
    if (this.token && this.token.until > this.now()) return this.token.value;
    const key = await importPKCS8(this.credentials.privateKey, 'ES256');
    const value = await new SignJWT({})
      .setProtectedHeader({ alg: 'ES256', kid: this.credentials.keyId })
      .setIssuer(this.credentials.teamId)
      .setIssuedAt(Math.floor(this.now() / 1000))
      .sign(key);
    this.token = { value, until: this.now() + TOKEN_LIFETIME_MS };
    return value;
  }
}
