import { RedisScript } from '../../persistence/redis/redis-script.js';

// Every script reads the clock from Redis (TIME), so the nodes agree on when a lease expires
// whatever their own clocks say. One hash per group hug: token, owner, until, state (the last
// full snapshot), final; and one list of the changes saved since that snapshot. Both carry the
// group hug's id as hash tag, so every script runs in one hash slot (Redis Cluster). The index of
// running group hugs (a sorted set by lease deadline, for the orphan sweep) is another key, kept
// beside the scripts by the directory: it is a hint, the hash is the truth.
const NOW = `local t = redis.call('TIME'); local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

// The lease check every fenced write shares: the caller's node and token must be the current ones.
const FENCED = `
if redis.call('HGET', KEYS[1], 'final') == '1' then return 0 end
local held = redis.call('HMGET', KEYS[1], 'owner', 'token')
if held[1] ~= ARGV[1] or held[2] ~= ARGV[2] then return 0 end`;

/**
 * CREATE: registers a new group hug with token 1.
 * KEYS[1] group hash, KEYS[2] changes list. ARGV[1] node, ARGV[2] leaseMs, ARGV[3] snapshot.
 * Returns the lease deadline (ms), or 0 when the id exists.
 */
export const CREATE = new RedisScript(
  'group-create',
  `${NOW}
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
local untilMs = now + tonumber(ARGV[2])
redis.call('HSET', KEYS[1], 'token', 1, 'owner', ARGV[1], 'until', untilMs, 'state', ARGV[3], 'final', 0)
redis.call('DEL', KEYS[2])
return untilMs`,
);

/**
 * ACQUIRE: takes the lease when it is free or expired, raising the token.
 * KEYS[1] group hash, KEYS[2] changes list. ARGV[1] node, ARGV[2] leaseMs.
 * Returns {-1} missing, {-2, state} final, {0, owner, token} held by another node,
 * {1, token, state, changes, deadline} acquired (the snapshot and the changes saved after it).
 */
export const ACQUIRE = new RedisScript(
  'group-acquire',
  `${NOW}
if redis.call('EXISTS', KEYS[1]) == 0 then return {-1} end
local f = redis.call('HMGET', KEYS[1], 'final', 'owner', 'token', 'until', 'state')
if f[1] == '1' then return {-2, f[5]} end
local token = tonumber(f[3])
local live = tonumber(f[4]) > now
if live and f[2] ~= ARGV[1] then return {0, f[2], token} end
if not live or f[2] ~= ARGV[1] then token = redis.call('HINCRBY', KEYS[1], 'token', 1) end
local untilMs = now + tonumber(ARGV[2])
redis.call('HSET', KEYS[1], 'owner', ARGV[1], 'until', untilMs)
return {1, token, f[5], redis.call('LRANGE', KEYS[2], 0, -1), untilMs}`,
);

/**
 * OWNER: the live owner. KEYS[1] group hash. Returns {owner, token} or {} when none is live.
 */
export const OWNER = new RedisScript(
  'group-owner',
  `${NOW}
local f = redis.call('HMGET', KEYS[1], 'final', 'owner', 'token', 'until')
if f[2] == false or f[1] == '1' or tonumber(f[4]) <= now then return {} end
return {f[2], tonumber(f[3])}`,
);

/**
 * SAVE: a fenced write that also extends the lease. ARGV[4] says what it writes: 'S' a full
 * snapshot (the changes list is emptied: compaction), 'D' one change appended to the list, '' only
 * the lease. KEYS[1] group hash, KEYS[2] changes list. ARGV[1] node, ARGV[2] token, ARGV[3] leaseMs,
 * ARGV[4] mode, ARGV[5] snapshot or change. Returns the new lease deadline, or 0 when fenced off.
 */
export const SAVE = new RedisScript(
  'group-save',
  `${NOW}${FENCED}
local untilMs = now + tonumber(ARGV[3])
if ARGV[4] == 'S' then
  redis.call('HSET', KEYS[1], 'state', ARGV[5], 'until', untilMs)
  redis.call('DEL', KEYS[2])
else
  if ARGV[4] == 'D' then redis.call('RPUSH', KEYS[2], ARGV[5]) end
  redis.call('HSET', KEYS[1], 'until', untilMs)
end
return untilMs`,
);

/**
 * RETIRE: the fenced final snapshot; ends the lease and keeps the hash for a while.
 * KEYS[1] group hash, KEYS[2] changes list. ARGV[1] node, ARGV[2] token, ARGV[3] snapshot,
 * ARGV[4] retainMs. Returns 1, or 0 when fenced off.
 */
export const RETIRE = new RedisScript(
  'group-retire',
  `${FENCED}
redis.call('HSET', KEYS[1], 'state', ARGV[3], 'final', 1, 'until', 0)
redis.call('DEL', KEYS[2])
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[4]))
return 1`,
);

/**
 * RELEASE: hands a lease back at once. KEYS[1] group hash. ARGV[1] node, ARGV[2] token.
 * Returns 1, or 0 when fenced off.
 */
export const RELEASE = new RedisScript(
  'group-release',
  `${FENCED}
redis.call('HSET', KEYS[1], 'until', 0)
return 1`,
);

/**
 * ORPHANS: running group hugs whose lease deadline (as the index last heard it) passed.
 * KEYS[1] the index. ARGV[1] limit. Returns their ids.
 */
export const ORPHANS = new RedisScript(
  'group-orphans',
  `${NOW}
return redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, tonumber(ARGV[1]))`,
);
