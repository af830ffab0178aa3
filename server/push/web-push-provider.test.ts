import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_PUSH_OPTIONS, sampleHugPush } from '../../test-support/sample-push.js';
import { type PushEndpoint, startPushEndpoint } from '../../test-support/push-endpoint.js';
import { verifyVapid, webPushSubscriber } from '../../test-support/web-push-subscriber.js';
import { generateVapidKeys, WebPushProvider } from './web-push-provider.js';

const keys = generateVapidKeys();
const vapid = { subject: 'mailto:ops@hugmood.test', ...keys };
const options = SAMPLE_PUSH_OPTIONS;
const message = sampleHugPush('you got this');

describe('Web Push provider (against a local push service)', () => {
  let endpoint: PushEndpoint;
  beforeAll(async () => {
    endpoint = await startPushEndpoint();
  });
  afterAll(async () => endpoint.close());

  it('sends a payload only the subscription can read, signed with the server\'s VAPID key for the push service\'s origin', async () => {
    const subscriber = webPushSubscriber(`${endpoint.origin}/push/device-1`);
    const provider = new WebPushProvider(vapid);
    expect(await provider.send({ platform: 'web', subscription: subscriber.subscription }, message, options)).toEqual({ kind: 'delivered' });
    const [push] = await endpoint.waitFor(1);
    if (!push) throw new Error('no push');
    expect(push.path).toBe('/push/device-1');
    expect(push.headers['content-encoding']).toBe('aes128gcm');
    expect(push.headers['ttl']).toBe('3600');
    expect(push.headers['urgency']).toBe('high');
    expect(push.headers['topic']).toBe('hm-hug');
    const claims = verifyVapid(push.headers['authorization'], endpoint.origin);
    expect(claims).toMatchObject({ sub: 'mailto:ops@hugmood.test', publicKey: keys.publicKey });
    // The body is ciphertext: the words are not in it; decrypted with the subscriber's keys, they are.
    expect(push.body.toString('latin1')).not.toContain('Ana');
    expect(JSON.parse(subscriber.decrypt(push.body))).toEqual({ type: 'hug', title: 'Ana sent you a bear hug 🐻', body: 'you got this', data: { userId: 'ana', hugId: 'h1' }, count: 1 });
    // Another subscriber's keys do not open it.
    expect(() => webPushSubscriber(`${endpoint.origin}/push/other`).decrypt(push.body)).toThrow();
  });

  it('reads the push service\'s answer: gone for 404 and 410, retry for 429 and 5xx (with Retry-After), rejected for other refusals', async () => {
    const provider = new WebPushProvider(vapid);
    const outcome = async (path: string, status: number, headers: Record<string, string> = {}) => {
      endpoint.answer(path, status, headers);
      return provider.send({ platform: 'web', subscription: webPushSubscriber(`${endpoint.origin}${path}`).subscription }, message, options);
    };
    expect(await outcome('/gone', 410)).toEqual({ kind: 'gone', status: 410 });
    expect(await outcome('/missing', 404)).toEqual({ kind: 'gone', status: 404 });
    expect(await outcome('/busy', 429, { 'retry-after': '7' })).toMatchObject({ kind: 'retry', retryAfterMs: 7000 });
    expect(await outcome('/down', 503)).toMatchObject({ kind: 'retry' });
    expect(await outcome('/too-big', 413)).toMatchObject({ kind: 'rejected', status: 413 });
    // No push service there at all: retried later, never thrown.
    const closed = await startPushEndpoint();
    await closed.close();
    expect(await provider.send({ platform: 'web', subscription: webPushSubscriber(`${closed.origin}/x`).subscription }, message, options)).toMatchObject({ kind: 'retry' });
    await expect(provider.send({ platform: 'ios', token: 'abc' }, message, options)).rejects.toThrow(/cannot push to ios/);
  });
});
