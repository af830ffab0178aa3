import { RedisScript } from '../../persistence/redis/redis-script.js';

/*
 * Keys (after the connection's prefix), with P the presence prefix and {t} a user's hash tag:
 *   P u:{t}:{userId}     hash deviceId -> device JSON {connId, deviceId, kind, status, activity, since, node}
 *   P seen:{t}:{userId}  lastSeenAt of an offline user (expires)
 *   P n:{nodeId}         set of "userId\ndeviceId" whose entries that node holds (a hint for the sweep:
 *                        the user hash decides)
 *   P nodes              sorted set nodeId -> last heartbeat (Redis server time, ms)
 * Every script touches the keys of one hash slot (one user's, or the nodes set), so presence runs
 * on Redis Cluster too; a node's set is written beside the scripts.
 */

/** Current Redis server time in ms (every node agrees on it). */
const NOW = `
local function now_ms()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
`;

/**
 * The device ARGV[1] of the user hash KEYS[1], as `d`, if connection ARGV[2] holds it; otherwise
 * the script returns `none` (a newer connection of the device took over, or it is gone).
 */
const heldDevice = (none: string) => `
local old = redis.call('HGET', KEYS[1], ARGV[1])
if not old then return ${none} end
local d = cjson.decode(old)
if d.connId ~= ARGV[2] then return ${none} end
`;

/**
 * KEYS[1] user hash, KEYS[2] seen key
 * ARGV[1] deviceId, ARGV[2] device JSON
 * Returns {before values, after values, the node that held the device before or false}.
 */
export const CONNECT = new RedisScript(
  'presence-connect',
  `
local before = redis.call('HVALS', KEYS[1])
local old = redis.call('HGET', KEYS[1], ARGV[1])
local was = false
if old then was = cjson.decode(old).node end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('DEL', KEYS[2])
return {before, redis.call('HVALS', KEYS[1]), was}
`,
);

/**
 * KEYS[1] user hash
 * ARGV[1] deviceId, ARGV[2] connId, ARGV[3] status, ARGV[4] activity as JSON, ARGV[5] at (ms)
 * Returns {} when the device is not held by connId, else {before values, after values}.
 */
export const UPDATE = new RedisScript(
  'presence-update',
  `${heldDevice('{}')}local before = redis.call('HVALS', KEYS[1])
local activity = cjson.decode(ARGV[4])
local was = cjson.encode({d.status, d.activity})
d.status = ARGV[3]
d.activity = activity
if cjson.encode({d.status, d.activity}) ~= was then d.since = tonumber(ARGV[5]) end
redis.call('HSET', KEYS[1], ARGV[1], cjson.encode(d))
return {before, redis.call('HVALS', KEYS[1])}
`,
);

/**
 * KEYS[1] user hash
 * ARGV[1] deviceId, ARGV[2] connId
 * Marks the device lingering if connId holds it. Returns 1 when marked.
 */
export const LINGER = new RedisScript(
  'presence-linger',
  `${heldDevice('0')}d.lingering = true
redis.call('HSET', KEYS[1], ARGV[1], cjson.encode(d))
return 1
`,
);

/**
 * KEYS[1] user hash, KEYS[2] seen key
 * ARGV[1] deviceId, ARGV[2] connId, ARGV[3] at (ms), ARGV[4] seen TTL (ms)
 * Returns {} when the device is not held by connId, else {before values, after values, its node}.
 */
export const DISCONNECT = new RedisScript(
  'presence-disconnect',
  `${heldDevice('{}')}local before = redis.call('HVALS', KEYS[1])
redis.call('HDEL', KEYS[1], ARGV[1])
if redis.call('HLEN', KEYS[1]) == 0 then redis.call('SET', KEYS[2], ARGV[3], 'PX', ARGV[4]) end
return {before, redis.call('HVALS', KEYS[1]), d.node}
`,
);

/**
 * KEYS[1] nodes sorted set
 * ARGV[1] this node
 * Returns {1 if this node was not a member (first beat, or swept meanwhile), now}.
 */
export const HEARTBEAT = new RedisScript(
  'presence-heartbeat',
  `${NOW}
local now = now_ms()
local added = redis.call('ZADD', KEYS[1], now, ARGV[1])
return {added, now}
`,
);

/**
 * KEYS[1] nodes sorted set
 * ARGV[1] this node (never swept by itself), ARGV[2] timeout (ms), ARGV[3] a node to clear regardless of its heartbeat, or ''
 * The stalest node (or the one named) whose heartbeat is older than the timeout.
 * Returns {} when no node is dead, else {nodeId, lastHeartbeat}.
 */
export const DEAD_NODE = new RedisScript(
  'presence-dead-node',
  `${NOW}
if ARGV[3] ~= '' then
  return {ARGV[3], redis.call('ZSCORE', KEYS[1], ARGV[3]) or tostring(now_ms())}
end
local stale = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now_ms() - tonumber(ARGV[2]), 'WITHSCORES', 'LIMIT', 0, 2)
for i = 1, #stale, 2 do
  if stale[i] ~= ARGV[1] then return {stale[i], stale[i + 1]} end
end
return {}
`,
);

/**
 * KEYS[1] user hash, KEYS[2] seen key
 * ARGV[1] deviceId, ARGV[2] the dead node, ARGV[3] its last heartbeat (ms), ARGV[4] seen TTL (ms)
 * Removes the device's entry if the dead node still holds it (a sweep run twice finds nothing).
 * Returns {} when there was nothing to remove, else {before values, after values}.
 */
export const SWEEP_DEVICE = new RedisScript(
  'presence-sweep-device',
  `
local old = redis.call('HGET', KEYS[1], ARGV[1])
if not old or cjson.decode(old).node ~= ARGV[2] then return {} end
local before = redis.call('HVALS', KEYS[1])
redis.call('HDEL', KEYS[1], ARGV[1])
if redis.call('HLEN', KEYS[1]) == 0 then redis.call('SET', KEYS[2], ARGV[3], 'PX', ARGV[4]) end
return {before, redis.call('HVALS', KEYS[1])}
`,
);
