/** Most users one `presence:watch` or `presence:unwatch` may name. */
export const MAX_WATCH_BATCH = 100;
