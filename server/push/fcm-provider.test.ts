import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_PUSH_OPTIONS, sampleHugPush } from '../../test-support/sample-push.js';
import { type FcmFake, startFcmFake } from '../../test-support/fcm-fake.js';
import { FcmProvider, fcmCredentialsOf } from './fcm-provider.js';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const account = { project_id: 'hugmood-test', client_email: 'push@hugmood-test.iam.gserviceaccount.com', private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
const message = sampleHugPush('you got this');
const target = (token: string) => ({ platform: 'android' as const, token });
const options = SAMPLE_PUSH_OPTIONS;

describe('FCM provider (against a local fake of the HTTP v1 API)', () => {
  let fake: FcmFake;
  let provider: FcmProvider;
  beforeAll(async () => {
    fake = await startFcmFake({ clientEmail: account.client_email, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() });
    provider = new FcmProvider(fcmCredentialsOf(account), { api: fake.api, token: fake.tokenUrl });
  });
  afterAll(() => fake.close());

  it('sends a push with its words, payload, collapse key, TTL and priority, on one access token for many sends', async () => {
    expect(await provider.send(target('device-token-1'), message, options)).toEqual({ kind: 'delivered' });
    expect(await provider.send(target('device-token-2'), message, { ttlS: 60, urgency: 'normal' })).toEqual({ kind: 'delivered' });
    expect(fake.tokensIssued()).toBe(1);
    const [first, second] = fake.calls;
    expect(first).toMatchObject({ projectId: 'hugmood-test', status: 200, message: { token: 'device-token-1', notification: { title: message.title, body: 'you got this' } } });
    expect(first?.message.android).toEqual({ collapse_key: 'hm-hug', ttl: '3600s', priority: 'HIGH' });
    expect(second?.message.android).toMatchObject({ ttl: '60s', priority: 'NORMAL' });
    expect(JSON.parse(first?.message.data?.['payload'] ?? '{}')).toEqual({ type: 'hug', title: message.title, body: 'you got this', data: { userId: 'ana', hugId: 'h1' }, count: 1 });
  });

  it('reads UNREGISTERED as gone, 503 as retry after Retry-After, INVALID_ARGUMENT as rejected', async () => {
    fake.answer('gone-token', 'unregistered');
    fake.answer('busy-token', 'unavailable');
    fake.answer('bad-token', 'invalid');
    expect(await provider.send(target('gone-token'), message, options)).toEqual({ kind: 'gone', status: 404 });
    expect(await provider.send(target('busy-token'), message, options)).toMatchObject({ kind: 'retry', retryAfterMs: 7000 });
    expect(await provider.send(target('bad-token'), message, options)).toMatchObject({ kind: 'rejected', status: 400 });
  });

  it('signs for a new access token after one is refused', async () => {
    const before = fake.tokensIssued();
    fake.revokeTokens();
    expect(await provider.send(target('device-token-1'), message, options)).toMatchObject({ kind: 'retry', reason: expect.stringMatching(/^401/) as string });
    expect(await provider.send(target('device-token-1'), message, options)).toEqual({ kind: 'delivered' });
    expect(fake.tokensIssued()).toBe(before + 1);
  });

  it('refuses a key file that is not a service account key, and a target of another platform', async () => {
    expect(() => fcmCredentialsOf({ project_id: 'x' })).toThrow(/service account/);
    await expect(provider.send({ platform: 'ios', token: 't' }, message, options)).rejects.toThrow(/cannot push to ios/);
  });
});
