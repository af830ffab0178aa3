import webpush from 'web-push';
import type { PushMessage } from '../../domain/notifications/push-collapse.js';
import { outcomeOfStatus, type PushOptions, type PushOutcome, type PushProvider, type PushTarget, pushPayloadOf } from './push-provider.js';

/** A server's VAPID identity (RFC 8292): its key pair (base64url, as web-push makes them) and a contact. */
export interface VapidDetails {
  /** `mailto:` or `https:` contact the push service may use. */
  readonly subject: string;
  readonly publicKey: string;
  readonly privateKey: string;
}

/**
 * Web Push (RFC 8030), payloads encrypted for the subscription (RFC 8291, `aes128gcm`) and signed
 * with the server's VAPID key (RFC 8292), all by the `web-push` library; the request itself goes
 * out through `fetch`, with a timeout, so every outcome is an answer rather than a hang.
 */
export class WebPushProvider implements PushProvider {
  readonly platform = 'web' as const;

  constructor(
    private readonly vapid: VapidDetails,
    private readonly timeoutMs = 10_000,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  async send(target: PushTarget, message: PushMessage, options: PushOptions): Promise<PushOutcome> {
    if (target.platform !== 'web') throw new Error(`the Web Push provider cannot push to ${target.platform}`);
    const request = webpush.generateRequestDetails({ endpoint: target.subscription.endpoint, keys: { ...target.subscription.keys } }, pushPayloadOf(message), {
      vapidDetails: { ...this.vapid },
      TTL: options.ttlS,
      urgency: options.urgency,
      topic: message.collapseKey,
      contentEncoding: 'aes128gcm',
    });
    let response: Response;
    try {
      response = await this.fetchImpl(request.endpoint, {
        method: request.method,
        headers: request.headers,
        ...(request.body ? { body: new Uint8Array(request.body) } : {}),
        signal: AbortSignal.timeout(this.timeoutMs),
        redirect: 'error',
      });
    } catch (error) {
      return { kind: 'retry', reason: error instanceof Error ? error.message : String(error) };
    }
    const text = await response.text().catch(() => '');
    return outcomeOfStatus(response.status, response.headers.get('retry-after'), `${response.status} ${text.slice(0, 200)}`.trim());
  }
}

/** A fresh VAPID key pair (P-256, base64url), for development: production loads its own. */
export function generateVapidKeys(): { readonly publicKey: string; readonly privateKey: string } {
  return webpush.generateVAPIDKeys();
}
