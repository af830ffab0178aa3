import { readFileSync } from 'node:fs';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import { ApnsProvider } from './apns-provider.js';
import { FcmProvider, fcmCredentialsOf } from './fcm-provider.js';
import type { PushProvider } from './push-provider.js';
import { type VapidDetails, WebPushProvider } from './web-push-provider.js';

/**
 * The push services this node pushes through: Web Push always (with the VAPID identity), FCM and
 * APNs when configured. A key file that cannot be read stops the start with its reason.
 */
export function pushProviders(config: Config, vapid: VapidDetails, log: Logger): { readonly providers: PushProvider[]; close(): void } {
  const providers: PushProvider[] = [new WebPushProvider(vapid)];
  const { fcm, apns } = config.push;
  if (fcm) {
    const credentials = fcmCredentialsOf(JSON.parse(readFileSync(fcm.credentialsFile, 'utf8')) as unknown);
    providers.push(new FcmProvider(credentials, { api: fcm.apiUrl, token: fcm.tokenUrl }));
  }
  const apnsProvider = apns ? new ApnsProvider({ teamId: apns.teamId, keyId: apns.keyId, topic: apns.topic, privateKey: readFileSync(apns.keyFile, 'utf8') }, apns.url) : null;
  if (apnsProvider) providers.push(apnsProvider);
  log.info({ platforms: providers.map((p) => p.platform) }, 'push services ready');
  return { providers, close: () => apnsProvider?.close() };
}
