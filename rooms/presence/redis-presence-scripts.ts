import { RedisScript } from '../../persistence/redis/redis-script.js';

/*
 * Keys (after the connection's prefix), with P the presence prefix:
 *   P u:{userId}     hash deviceId -> device JSON {connId, deviceId, kind, status, activity, since, node}
 *   P seen:{userId}  lastSeenAt of an offline user (expires)
 *   P n:{nodeId}     set of "userId\ndeviceId" whose entries that node holds
 *   P nodes          sorted set nodeId -> last heartbeat (Redis server time, ms)
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
 * KEYS[1] user hash, KEYS[2] seen key, KEYS[3] this node's set
 * ARGV[1] deviceId, ARGV[2] device JSON, ARGV[3] set member, ARGV[4] node-set key prefix, ARGV[5] this node
 * Returns {before values, after values}.
 */
export const CONNECT = new RedisScript(
  'presence-connect',
  `
local before = redis.call('HVALS', KEYS[1])
local old = redis.call('HGET', KEYS[1], ARGV[1])
if old then
  local d = cjson.decode(old)
  if d.node ~= ARGV[5] then redis.call('SREM', ARGV[4] .. d.node, ARGV[3]) end
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('SADD', KEYS[3], ARGV[3])
redis.call('DEL', KEYS[2])
return {before, redis.call('HVALS', KEYS[1])}
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
 * ARGV[1] deviceId, ARGV[2] connId, ARGV[3] at (ms), ARGV[4] node-set key prefix, ARGV[5] set member, ARGV[6] seen TTL (ms)
 * Returns {} when the device is not held by connId, else {before values, after values}.
 */
export const DISCONNECT = new RedisScript(
  'presence-disconnect',
  `${heldDevice('{}')}local before = redis.call('HVALS', KEYS[1])
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('SREM', ARGV[4] .. d.node, ARGV[5])
if redis.call('HLEN', KEYS[1]) == 0 then redis.call('SET', KEYS[2], ARGV[3], 'PX', ARGV[6]) end
return {before, redis.call('HVALS', KEYS[1])}
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
 * ARGV[1] this node (never swept by itself), ARGV[2] timeout (ms), ARGV[3] limit,
 * ARGV[4] key prefix P, ARGV[5] seen TTL (ms), ARGV[6] a node to clear regardless of its heartbeat, or ''
 * Takes the stalest node (or the one named in ARGV[6]) whose heartbeat is older than the timeout, removes up to `limit` of its
 * entries (SPOP: each entry is taken by exactly one step), and drops the node once none remain.
 * Returns {} when no node is dead, else {nodeId, lastHeartbeat, more (0|1), userId, before values, after values, ...}.
 */
export const SWEEP = new RedisScript(
  'presence-sweep',
  `${NOW}
local node, beat = nil, nil
if ARGV[6] ~= '' then
  node = ARGV[6]
  beat = redis.call('ZSCORE', KEYS[1], node) or tostring(now_ms())
else
  local stale = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now_ms() - tonumber(ARGV[2]), 'WITHSCORES', 'LIMIT', 0, 2)
  for i = 1, #stale, 2 do
    if stale[i] ~= ARGV[1] then node = stale[i]; beat = stale[i + 1]; break end
  end
end
if not node then return {} end
local P = ARGV[4]
local set = P .. 'n:' .. node
local members = redis.call('SPOP', set, tonumber(ARGV[3]))
local out = {node, beat, 0}
for _, member in ipairs(members) do
  local sep = string.find(member, '\\n', 1, true)
  local user = string.sub(member, 1, sep - 1)
  local device = string.sub(member, sep + 1)
  local key = P .. 'u:' .. user
  local old = redis.call('HGET', key, device)
  if old and cjson.decode(old).node == node then
    local before = redis.call('HVALS', key)
    redis.call('HDEL', key, device)
    if redis.call('HLEN', key) == 0 then redis.call('SET', P .. 'seen:' .. user, beat, 'PX', ARGV[5]) end
    table.insert(out, user)
    table.insert(out, before)
    table.insert(out, redis.call('HVALS', key))
  end
end
if redis.call('SCARD', set) == 0 then redis.call('ZREM', KEYS[1], node) else out[3] = 1 end
return out
`,
);
