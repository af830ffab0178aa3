import { notificationContent } from '../domain/notifications/notification-text.js';
import { collapsePush, type PushMessage } from '../domain/notifications/push-collapse.js';

/** A push for Ana's bear hug (`message`: what she wrote, or null), as the providers' tests send it. */
export function sampleHugPush(message: string | null): PushMessage {
  return collapsePush([notificationContent({ type: 'hug', from: { id: 'ana', displayName: 'Ana' }, hugId: 'h1', kind: 'bear', message }, true)]);
}

/** The options the providers' tests push with unless a test says otherwise: an hour, high urgency. */
export const SAMPLE_PUSH_OPTIONS = { ttlS: 3600, urgency: 'high' } as const;
