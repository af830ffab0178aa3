import { json } from './http-responses.js';
import type { Route } from './http-types.js';

/**
 * `GET /v1/push/vapid-public-key`: the key browsers pass as `applicationServerKey` to
 * `pushManager.subscribe`, so their subscriptions accept this server's pushes. Public by design.
 */
export function pushRoutes(vapidPublicKey: string): Route[] {
  return [{ method: 'GET', path: '/v1/push/vapid-public-key', handler: () => Promise.resolve(json(200, { publicKey: vapidPublicKey }, { 'cache-control': 'public, max-age=3600' })) }];
}
