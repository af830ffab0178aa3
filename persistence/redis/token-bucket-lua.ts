/**
 * Lua for scripts that spend rate-limit tokens: `take_tokens(key, charges, cost)` spends `cost`
 * from each charge `{name, cap, rate}` (`rate` in tokens per ms) in turn, in the buckets of one
 * subject (a user, a connection, an address), which share one string key:
 * `name=tokens/ms of the last update/ms when full;…`. Times are the Redis server's clock, so every
 * node agrees: `now` as the caller estimates it ({@link RedisClock}: no command of its own), or
 * else read once per script call (TIME). A bucket's time never goes back, so a caller whose
 * estimate runs a little behind refills nothing for that bit, and one ahead gets its lead's worth
 * of tokens early (a few milliseconds' worth). A bucket that is full again is dropped from the string,
 * and the key expires when the last of its buckets is full, so an idle subject costs no memory.
 * Two commands per subject however many of its buckets a command spends (a GET, and a SET unless
 * the first charge was refused). Returns 0 when every charge was taken, else the ms until the
 * first refused one has the tokens back and its name (the charges before it stay spent).
 */
export const TOKEN_BUCKET_LUA = `
local token_now = nil
local function take_tokens(key, charges, cost, caller_now)
  if caller_now then
    token_now = caller_now
  elseif not token_now then
    local time = redis.call('TIME')
    token_now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
  end
  local now = token_now
  local buckets, order = {}, {}
  local stored = redis.call('GET', key)
  if stored then
    for name, tokens, at, full in string.gmatch(stored, '([^=;]+)=([^/;]+)/([^/;]+)/([^/;]+)') do
      full = tonumber(full)
      if full > now then
        buckets[name] = {tonumber(tokens), tonumber(at), full}
        order[#order + 1] = name
      end
    end
  end
  local wait, refused, spent = 0, false, false
  for _, c in ipairs(charges) do
    local b = buckets[c.name]
    local available = c.cap
    if b then
      available = math.min(c.cap, b[1] + math.max(0, now - b[2]) * c.rate)
    end
    if available < cost then
      wait = math.max(1, math.ceil((cost - available) / c.rate))
      refused = c.name
      break
    end
    local left = available - cost
    local at = now
    if b then
      at = math.max(now, b[2])
    else
      order[#order + 1] = c.name
    end
    buckets[c.name] = {left, at, at + math.max(1, math.ceil((c.cap - left) / c.rate))}
    spent = true
  end
  if spent then
    local parts, last = {}, now
    for _, name in ipairs(order) do
      local b = buckets[name]
      parts[#parts + 1] = string.format('%s=%.17g/%d/%d', name, b[1], b[2], b[3])
      if b[3] > last then
        last = b[3]
      end
    end
    redis.call('SET', key, table.concat(parts, ';'), 'PX', math.max(1, last - now))
  end
  return wait, refused
end
`;

/** Where bucket keys live unless told otherwise. */
export const RATE_PREFIX = 'hm:rate:';

/**
 * The key of the buckets of subject `key` (the rate limiter and command steps spend the same
 * buckets); `tag` is a hash tag (braces included) that puts it in the slot of the other keys of
 * its step. Rule names may not contain `=`, `;` or `/` ({@link assertRuleName}).
 */
export function rateBucketsKey(prefix: string, key: string, tag = ''): string {
  return tag ? `${prefix}${tag}:${key}` : `${prefix}${key}`;
}

/** Refuses a rule name the buckets string could not hold. */
export function assertRuleName(name: string): string {
  if (name.length === 0 || /[=;/]/.test(name)) throw new Error(`rate rule name ${JSON.stringify(name)} must be non-empty without '=', ';' or '/'`);
  return name;
}
