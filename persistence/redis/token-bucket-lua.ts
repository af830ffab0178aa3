/**
 * Lua for scripts that spend rate-limit tokens: `take_token(key, capacity, rate, cost)` with `rate`
 * in tokens per ms. The bucket is a hash {t = tokens, at = ms of the last update} on the Redis
 * server's clock, so every node agrees; it expires once it would be full again, so an idle caller
 * costs no memory. Returns 0 when the tokens were taken, else the ms until they are back (nothing
 * is taken).
 */
export const TOKEN_BUCKET_LUA = `
local function take_token(key, capacity, rate, cost)
  local time = redis.call('TIME')
  local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
  local stored = redis.call('HMGET', key, 't', 'at')
  local available = capacity
  if stored[1] then
    available = math.min(capacity, tonumber(stored[1]) + math.max(0, now - tonumber(stored[2])) * rate)
  end
  if available < cost then
    return math.max(1, math.ceil((cost - available) / rate))
  end
  local left = available - cost
  redis.call('HSET', key, 't', tostring(left), 'at', now)
  redis.call('PEXPIRE', key, math.max(1, math.ceil((capacity - left) / rate)))
  return 0
end
`;

/** Where bucket keys live unless told otherwise. */
export const RATE_PREFIX = 'hm:rate:';

/** The key of bucket `rule` + `key` (the rate limiter and command steps spend the same buckets). */
export function rateBucketKey(prefix: string, rule: string, key: string): string {
  return `${prefix}${rule}:${key}`;
}
