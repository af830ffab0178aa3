/**
 * Lua for scripts that spend rate-limit tokens: `take_token(key, capacity, rate, cost)` with `rate`
 * in tokens per ms. The bucket is a string "tokens:ms of the last update" on the Redis server's
 * clock (read once per script call), so every node agrees; it expires once it would be full
 * again, so an idle caller costs no memory. Two commands per bucket. Returns 0 when the tokens
 * were taken, else the ms until they are back (nothing is taken).
 */
export const TOKEN_BUCKET_LUA = `
local token_now = nil
local function take_token(key, capacity, rate, cost)
  if not token_now then
    local time = redis.call('TIME')
    token_now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
  end
  local stored = redis.call('GET', key)
  local available = capacity
  if stored then
    local sep = string.find(stored, ':', 1, true)
    available = math.min(capacity, tonumber(string.sub(stored, 1, sep - 1)) + math.max(0, token_now - tonumber(string.sub(stored, sep + 1))) * rate)
  end
  if available < cost then
    return math.max(1, math.ceil((cost - available) / rate))
  end
  local left = available - cost
  redis.call('SET', key, tostring(left) .. ':' .. tostring(token_now), 'PX', math.max(1, math.ceil((capacity - left) / rate)))
  return 0
end
`;

/** Where bucket keys live unless told otherwise. */
export const RATE_PREFIX = 'hm:rate:';

/**
 * The key of bucket `rule` + `key` (the rate limiter and command steps spend the same buckets);
 * `tag` is a hash tag (braces included) that puts it in the slot of the other keys of its step.
 */
export function rateBucketKey(prefix: string, rule: string, key: string, tag = ''): string {
  return tag ? `${prefix}${rule}:${tag}:${key}` : `${prefix}${rule}:${key}`;
}
