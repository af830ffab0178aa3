import { expect } from 'vitest';
import type { HugMoodClient } from '../../client-sdk/src/index.js';
import type { PushEndpoint } from '../../test-support/push-endpoint.js';
import { type WebPushSubscriber, webPushSubscriber } from '../../test-support/web-push-subscriber.js';
import { type Account, register } from './accounts.js';
import { befriend, connectedClient, eventually } from './clients.js';
import type { ServerProcess } from './server-process.js';

/**
 * B connects (as `deviceId`), registers a Web Push subscription on the local push service, and
 * goes offline; C, a friend watching B, sees B offline, so no device of B's is connected. `prepare`
 * runs on B's connection before the registration (a preference to set, a mood to record).
 */
export async function offlineWithPush(server: ServerProcess, endpoint: PushEndpoint, b: Account, path: string, prepare?: (client: HugMoodClient) => Promise<unknown>): Promise<WebPushSubscriber> {
  const subscriber = webPushSubscriber(`${endpoint.origin}${path}`);
  const c = await register(server.url, 'cal');
  const [cb, cc] = [await connectedClient(server.url, b, { deviceId: `${path.slice(-8)}-phone` }), await connectedClient(server.url, c)];
  await befriend(cc, cb, b.userId, c.userId);
  // C's friend request is B's first notification: B clears it, so the test sees only what follows.
  const first = await eventually(async () => (await cb.notifications.list()).notifications[0], 5000, "C's friend request");
  expect(first).toMatchObject({ type: 'friend-request', data: { userId: c.userId } });
  await cb.notifications.delete([first.id]);
  await cb.privacy.update({ allowHugsFrom: 'anyone' });
  await prepare?.(cb);
  expect(await cb.devices.registerWebPush(subscriber.subscription)).toMatchObject({ platform: 'web', devices: 1 });
  await cc.presence.watch([b.userId]);
  await eventually(() => cc.presence.get(b.userId)?.status === 'online', 5000, 'B online');
  cb.close();
  await eventually(() => cc.presence.get(b.userId)?.status === 'offline', 5000, 'B offline');
  return subscriber;
}

