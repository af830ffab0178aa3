import { z } from 'zod';
import type { PrivacySettings } from '../types/privacy.js';
import { assertSameShape } from './same-shape.js';

export type { Audience, HugSenders, PrivacySettings } from '../types/privacy.js';

/** Who sees a user's moods. */
export const moodAudienceSchema = z.enum(['public', 'friends', 'none']);
/** Who sees a user's online status. `public` lets non-friends watch it. */
export const presenceAudienceSchema = z.enum(['public', 'friends', 'none']);
/** Who may send a user hugs. */
export const hugSendersSchema = z.enum(['anyone', 'friends', 'none']);

/** A user's privacy settings. The server enforces them at every fan-out. */
export const privacySettingsSchema = z.object({
  shareMoodsWith: moodAudienceSchema,
  /** When false, nobody can send this user a friend request. */
  allowFriendRequests: z.boolean(),
  showOnlineStatus: presenceAudienceSchema,
  allowHugsFrom: hugSendersSchema,
});

assertSameShape<z.infer<typeof privacySettingsSchema>, PrivacySettings>(true);

/** The settings a new user starts with. */
export const DEFAULT_PRIVACY: PrivacySettings = {
  shareMoodsWith: 'friends',
  allowFriendRequests: true,
  showOnlineStatus: 'friends',
  allowHugsFrom: 'friends',
};

/** `privacy:update`: some of the settings, at least one. */
export const privacyUpdateSchema = privacySettingsSchema
  .partial()
  .refine((p) => Object.values(p).some((v) => v !== undefined), { message: 'at least one setting is required' });
