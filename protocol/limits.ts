/** Most users one `presence:watch` or `presence:unwatch` may name. */
export const MAX_WATCH_BATCH = 100;

/** Longest hug or hug-request message, in characters. */
export const MAX_HUG_MESSAGE = 280;

/** Longest idempotency key (`clientId`) a client may send. */
export const MAX_CLIENT_ID = 64;

/** Most entries one `inbox:sync` or `hug:history` page may return. */
export const MAX_PAGE = 200;

/** Most hug ids one `hug:ack` may name. */
export const MAX_ACK_BATCH = 100;

/** Most users one `group:create` or `group:invite` may name. */
export const MAX_GROUP_INVITE_BATCH = 1000;

/** Most participants (creator included) and invitees one group hug holds. */
export const MAX_GROUP_MEMBERS = 1000;

/** Longest group hug title, in characters. */
export const MAX_GROUP_TITLE = 80;

/** Longest mood note, in characters. */
export const MAX_MOOD_NOTE = 500;

/** Most tags on one mood, and the longest tag, in characters. */
export const MAX_MOOD_TAGS = 10;
export const MAX_MOOD_TAG = 32;
