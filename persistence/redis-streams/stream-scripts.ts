import { FORGET_PENDING_LUA } from '../redis/pending-keys.js';
import { RedisScript } from '../redis/redis-script.js';

/**
 * KEYS[1] a partition's stream
 * ARGV[1..n] operation bodies (JSON)
 * Appends one entry per operation, in order, all or none visible to readers at once.
 * Returns the entries' ids.
 */
export const APPEND = new RedisScript(
  'log-append',
  `
local ids = {}
for i = 1, #ARGV do
  ids[i] = redis.call('XADD', KEYS[1], '*', 'o', ARGV[i])
end
return ids
`,
);

/**
 * KEYS[1] a partition's stream, KEYS[2] its owner lease, KEYS[3..] pending-write keys to clean
 * ARGV[1] consumer group, ARGV[2] this writer, ARGV[3] n, ARGV[4..3+n] entry ids of a written
 *   batch, then what forgets the pending writes due (merged by key: {@link FORGET_PENDING_LUA})
 * Acknowledges and deletes the entries and forgets the pending writes that are due (the store
 * holds them), only while this writer still holds the lease (a writer that lost it leaves them for
 * the new owner, which writes them again: operations are idempotent).
 * Returns the number acknowledged, or -1 when the lease is someone else's.
 */
export const ACKNOWLEDGE = new RedisScript(
  'log-acknowledge',
  `
${FORGET_PENDING_LUA}
if redis.call('GET', KEYS[2]) ~= ARGV[2] then
  return -1
end
local n = tonumber(ARGV[3])
local ids = {}
for i = 4, 3 + n do
  ids[#ids + 1] = ARGV[i]
end
forget_pending(3, 4 + n)
if n == 0 then
  return 0
end
local acked = redis.call('XACK', KEYS[1], ARGV[1], unpack(ids))
redis.call('XDEL', KEYS[1], unpack(ids))
return acked
`,
);

/**
 * KEYS[1] a partition's stream, KEYS[2] its owner lease
 * ARGV[1] consumer group, ARGV[2] this writer, ARGV[3] most entries, ARGV[4] `0` (this writer's
 *   unacknowledged entries) or `>` (new ones), ARGV[5] `1` to first take over every entry another
 *   consumer read but never acknowledged
 * Reads for the writer, only while it holds the lease: a writer that lost its partition can no
 * longer take entries into its own pending list, where the new owner would never look (it
 * claims the previous owners' entries once, when it starts).
 * Returns {1, entries} ([id, fields or false] each; fields are false for an entry deleted while
 * pending), or {0} when the lease is someone else's.
 */
export const READ = new RedisScript(
  'log-read',
  `
if redis.call('GET', KEYS[2]) ~= ARGV[2] then
  return {0}
end
if ARGV[5] == '1' then
  local cursor = '0-0'
  repeat
    cursor = redis.call('XAUTOCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, cursor, 'COUNT', 500, 'JUSTID')[1]
  until cursor == '0-0'
end
local reply = redis.call('XREADGROUP', 'GROUP', ARGV[1], ARGV[2], 'COUNT', ARGV[3], 'STREAMS', KEYS[1], ARGV[4])
if not reply then
  return {1, {}}
end
return {1, reply[1][2]}
`,
);

/**
 * KEYS[1] a partition's stream
 * Returns {entries not yet written, id of the oldest or false, Redis time s, Redis time µs}.
 * Written entries are deleted, so the stream's length is its depth and its first entry the oldest.
 */
export const HEAD = new RedisScript(
  'log-head',
  `
local first = redis.call('XRANGE', KEYS[1], '-', '+', 'COUNT', 1)[1]
local t = redis.call('TIME')
return {redis.call('XLEN', KEYS[1]), first and first[1] or false, t[1], t[2]}
`,
);

/**
 * KEYS[1] an owner lease; ARGV[1] this writer, ARGV[2] lease in ms
 * Extends the lease while this writer holds it. Returns 1, or 0 when it was lost.
 */
export const RENEW = new RedisScript(
  'lease-renew',
  `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return 0
`,
);

/**
 * KEYS[1] an owner lease; ARGV[1] this writer
 * Gives the lease up if this writer holds it. Returns 1 when released.
 */
export const RELEASE = new RedisScript(
  'lease-release',
  `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
`,
);

/**
 * KEYS[1] live writers (sorted set writer -> expiry in Redis ms)
 * ARGV[1] this writer, ARGV[2] how long its entry lives (ms)
 * Registers this writer, drops expired ones, and returns how many are live.
 */
export const REGISTER = new RedisScript(
  'writers-register',
  `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
return redis.call('ZCARD', KEYS[1])
`,
);
