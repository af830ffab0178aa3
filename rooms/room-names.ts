import type { PresenceAudience } from '../domain/privacy-policy.js';

/** Every socket of a user joins this room: direct pushes to a user go here. */
export function userRoom(userId: string): string {
  return `user:${userId}`;
}

/** Listeners to `userId`'s moods in `audience`: friends, or anyone while the user shares publicly. */
export function moodRoom(userId: string, audience: 'friends' | 'public'): string {
  return `mood:${userId}:${audience}`;
}

/** Watchers of `userId` in `audience` (see `PresenceAudience`). */
export function presenceRoom(userId: string, audience: PresenceAudience): string {
  return `presence:${userId}:${audience}`;
}
