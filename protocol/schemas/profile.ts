import { z } from 'zod';
import { userIdSchema } from '../ids.js';
import { usernameSchema } from './auth.js';
import { lineOfText, paragraphOfText } from './text.js';

/** A display name: 1-64 characters, one line. */
export const displayNameSchema = lineOfText(1, 64);

/** An avatar URL: http(s) only, at most 2048 characters; `null` clears it. */
export const avatarUrlSchema = z
  .string()
  .trim()
  .max(2048)
  .pipe(z.url({ protocol: /^https?$/, error: 'must be an http or https URL' }));

/** A bio: at most 280 characters, newlines allowed. */
export const bioSchema = paragraphOfText(280);

/** `profile:get` */
export const profileGetSchema = z.object({ userId: userIdSchema });

/** `profile:update`: some of the editable fields, at least one. */
export const profileUpdateSchema = z
  .object({
    displayName: displayNameSchema.optional(),
    avatarUrl: avatarUrlSchema.nullable().optional(),
    bio: bioSchema.optional(),
  })
  .refine((p) => p.displayName !== undefined || p.avatarUrl !== undefined || p.bio !== undefined, {
    message: 'at least one of displayName, avatarUrl, bio is required',
  });

/** `user:lookup`: find a user by login name, to befriend them. */
export const userLookupSchema = z.object({ username: usernameSchema });

export type { Profile } from '../types/profile.js';
