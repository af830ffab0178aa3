import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_PUSH_OPTIONS, sampleHugPush } from '../../test-support/sample-push.js';
import { type ApnsFake, startApnsFake } from '../../test-support/apns-fake.js';
import { ApnsProvider } from './apns-provider.js';

const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const identity = { teamId: 'TEAM123456', keyId: 'KEY1234567', topic: 'app.hugmood.ios' };
const message = sampleHugPush(null);
const target = (token: string) => ({ platform: 'ios' as const, token });
const options = SAMPLE_PUSH_OPTIONS;

describe('APNs provider (against a local fake of the HTTP/2 provider API)', () => {
  let fake: ApnsFake;
  let provider: ApnsProvider;
  beforeAll(async () => {
    fake = await startApnsFake({ ...identity, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() });
    provider = new ApnsProvider({ ...identity, privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() }, fake.url);
  });
  afterAll(async () => {
    provider.close();
    await fake.close();
  });

  it('sends an alert with its collapse id, expiration and priority over HTTP/2, signed with the provider token', async () => {
    const before = Math.floor(Date.now() / 1000);
    expect(await provider.send(target('a1b2c3'), message, options)).toEqual({ kind: 'delivered' });
    expect(await provider.send(target('d4e5f6'), message, { ttlS: 60, urgency: 'normal' })).toEqual({ kind: 'delivered' });
    const [first, second] = fake.calls;
    expect(first).toMatchObject({ deviceToken: 'a1b2c3', status: 200, payload: { aps: { alert: { title: message.title, body: 'Open HugMood to feel it.' }, 'thread-id': 'hug' } } });
    expect(first?.payload.hugmood).toEqual({ type: 'hug', data: { userId: 'ana', hugId: 'h1' }, count: 1 });
    expect(first?.headers).toMatchObject({ 'apns-topic': identity.topic, 'apns-push-type': 'alert', 'apns-priority': '10', 'apns-collapse-id': 'hm-hug' });
    expect(Number(first?.headers['apns-expiration'])).toBeGreaterThanOrEqual(before + 3600);
    expect(second?.headers['apns-priority']).toBe('5');
    // One provider token, reused.
    expect(second?.headers['authorization']).toBe(first?.headers['authorization']);
  });

  it('reads 410 and BadDeviceToken as gone, 429 as retry after Retry-After, and renews an expired provider token', async () => {
    fake.answer('gone', 'unregistered');
    fake.answer('bad', 'bad-token');
    fake.answer('busy', 'too-many');
    fake.answer('stale', 'expired-provider-token-once');
    expect(await provider.send(target('gone'), message, options)).toEqual({ kind: 'gone', status: 410 });
    expect(await provider.send(target('bad'), message, options)).toEqual({ kind: 'gone', status: 400 });
    expect(await provider.send(target('busy'), message, options)).toMatchObject({ kind: 'retry', retryAfterMs: 3000 });
    expect(await provider.send(target('stale'), message, options)).toEqual({ kind: 'delivered' });
    const stale = fake.calls.filter((c) => c.deviceToken === 'stale').map((c) => c.status);
    expect(stale).toEqual([403, 200]);
  });

  it('refuses a wrong topic as rejected, and retries when APNs cannot be reached', async () => {
    const wrongTopic = new ApnsProvider({ ...identity, topic: 'app.other', privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() }, fake.url);
    expect(await wrongTopic.send(target('a1b2c3'), message, options)).toMatchObject({ kind: 'rejected', status: 400, reason: '400 BadTopic' });
    wrongTopic.close();
    const unreachable = new ApnsProvider({ ...identity, privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() }, 'http://127.0.0.1:9', 1000);
    expect(await unreachable.send(target('a1b2c3'), message, options)).toMatchObject({ kind: 'retry' });
    unreachable.close();
  });
});
