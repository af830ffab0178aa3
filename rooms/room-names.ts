import type { PresenceAudience } from '../domain/privacy-policy.js';

/** Every socket of a user joins this room: direct pushes to a user go here. */
export function userRoom(userId: string): string {
  return `user:${userId}`;
}

/** The friends' connections that listen to `userId`'s moods (joined by `mood:friends`). */
export function moodRoom(userId: string): string {
  return `mood:${userId}`;
}

/** The connections of `userId` that listen to their friends' moods: joined to a new friend's mood room at once. */
export function moodListenersRoom(userId: string): string {
  return `mood-listeners:${userId}`;
}

/** Watchers of `userId` in `audience` (see `PresenceAudience`). */
export function presenceRoom(userId: string, audience: PresenceAudience): string {
  return `presence:${userId}:${audience}`;
}
