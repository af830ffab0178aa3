import { RedisScript } from '../../persistence/redis/redis-script.js';
import { TOKEN_BUCKET_LUA } from '../../persistence/redis/token-bucket-lua.js';

/**
 * One command's step in one user's state, atomically.
 *
 * KEYS   every key the step touches (all of one user; the spec refers to them by 1-based index)
 * ARGV[1 + i] the JSON body of operation i (outside the spec, so Lua never decodes or copies it)
 * ARGV[1] the spec as JSON:
 *   claim?   {k, fp, ttl}                 idempotency key: a string, the fingerprint
 *   charges? [{k, rules: [{cap, rate, name}]}]  token buckets by subject (rate in tokens per ms), cost 1 each
 *   append?  {
 *     hug?     {k, field, to}             the pending operations' hash and the field of the hug's creation
 *     once?    {k, ttl}                   marker: a string, {"cursor":…,"online":…} of the first append
 *     pendingOnce? {k, field}              instead of a marker: the step replays when field (the first operation's id) is in pending hash k
 *     online?  k                          the user's presence hash (device JSON values)
 *     cursor?  {k, seed}                  the user's inbox counter; seed -1 when not read from the store yet
 *     log      k                          the user's partition stream: one entry per step, a field o per operation
 *     ops      n                          how many operations (bodies in ARGV[2..n+1])
 *     inbox?   [i]                        the (1-based) operations that are inbox entries: the j-th takes the j-th cursor
 *                                         reserved (consecutive), set as its stream entry's field c
 *     pending  [[verb, k, a, b, expires]]  hset k a b | zadd k a b; a = '$cJ' stands for the J-th cursor, a number b for operation b's body; expires 1: k takes the TTL
 *     ttl      ms                         of the pending keys that expire
 *   }
 *   now      ms                           the Redis clock as the caller knows it, for the buckets
 * Returns one of
 *   {1, fingerprint, false, ms to expiry}            the claim was taken before; nothing ran
 *   {2, rule name, retryAfterMs}                     a charge was refused; later parts did not run
 *   {3}                                              the cursor counter is missing: call again with its seed
 *   {4}                                              the hug is not pending (nor the operation, with pendingOnce); nothing ran
 *   {5}                                              the hug is pending to another user; nothing ran
 *   {0, first cursor | -1, replayed 0|1, online 0|1, last stream id | false, hug from | false, hug sentAt | false}
 */
export const COMMAND_STEP = new RedisScript(
  'command-step',
  `
${TOKEN_BUCKET_LUA}
local spec = cjson.decode(ARGV[1])
local claim = spec.claim
if claim then
  -- Taken here in one command; a refusal further down gives it back.
  local held = redis.call('SET', KEYS[claim.k], claim.fp, 'NX', 'GET', 'PX', claim.ttl)
  if held then
    return {1, held, false, redis.call('PTTL', KEYS[claim.k])}
  end
end
local function refuse(reply)
  if claim then
    redis.call('DEL', KEYS[claim.k])
  end
  return reply
end
local append = spec.append
local replay = nil
local hug = nil
local hug_missing = false
local pending_already = false
-- The hug and a once-while-pending operation in one hash: one read for both.
local read_together = append and append.hug and append.pendingOnce and append.pendingOnce.k == append.hug.k
if append and append.hug then
  local body
  if read_together then
    local both = redis.call('HMGET', KEYS[append.hug.k], append.hug.field, append.pendingOnce.field)
    body = both[1]
    pending_already = both[2] ~= false
  else
    body = redis.call('HGET', KEYS[append.hug.k], append.hug.field)
  end
  if body then
    hug = cjson.decode(body).hug
    if hug.to ~= append.hug.to then
      return refuse({5})
    end
  else
    hug_missing = true
  end
end
local hug_from = hug and hug.from or false
local hug_sent = hug and hug.sentAt or false
if append then
  if append.once then
    replay = redis.call('GET', KEYS[append.once.k])
  elseif append.pendingOnce and (pending_already or (not read_together and redis.call('HEXISTS', KEYS[append.pendingOnce.k], append.pendingOnce.field) == 1)) then
    replay = 'pending'
  end
  if hug_missing and not replay then
    return refuse({4})
  end
  -- A step that spends nothing finds a missing counter when it counts (below); one that does, before spending.
  if not replay and append.cursor and append.cursor.seed < 0 and (claim or spec.charges) and redis.call('EXISTS', KEYS[append.cursor.k]) == 0 then
    return refuse({3})
  end
end
if spec.charges then
  for _, c in ipairs(spec.charges) do
    local wait, rule = take_tokens(KEYS[c.k], c.rules, 1, spec.now)
    if wait > 0 then
      return refuse({2, rule, wait})
    end
  end
end
if not append then
  return {0, -1, 0, 0, false}
end
local function is_online()
  if append.online then
    for _, device in ipairs(redis.call('HVALS', KEYS[append.online])) do
      if not cjson.decode(device).lingering then
        return true
      end
    end
  end
  return false
end
if replay == 'pending' then
  -- Replayed while its operation is pending: no cursor to give back, and whether the user is online now.
  return {0, -1, 1, is_online() and 1 or 0, false, hug_from, hug_sent}
elseif replay then
  local memo = cjson.decode(replay)
  return {0, memo.cursor, 1, memo.online and 1 or 0, false, hug_from, hug_sent}
end
local online = is_online()
local cursor = -1
if append.cursor then
  -- With a seed the counter may still have been created meanwhile.
  if append.cursor.seed >= 0 and redis.call('EXISTS', KEYS[append.cursor.k]) == 0 then
    redis.call('SET', KEYS[append.cursor.k], append.cursor.seed)
  end
  local n = #append.inbox
  local last_cursor = redis.call('INCRBY', KEYS[append.cursor.k], n)
  -- A counter that was missing (a seeded one never rests at 0): nothing was written yet; ask for the seed.
  if last_cursor == n and append.cursor.seed < 0 then
    redis.call('DEL', KEYS[append.cursor.k])
    return {3}
  end
  cursor = last_cursor - n + 1
end
local cursor_of = {}
if append.inbox then
  for j, i in ipairs(append.inbox) do
    cursor_of[i] = cursor + j - 1
  end
end
local last = false
for i = 1, append.ops do
  local body = ARGV[1 + i]
  if cursor_of[i] then
    last = redis.call('XADD', KEYS[append.log], '*', 'o', body, 'c', cursor_of[i])
  else
    last = redis.call('XADD', KEYS[append.log], '*', 'o', body)
  end
end
for _, change in ipairs(append.pending) do
  local verb, key, a, b = change[1], KEYS[change[2]], change[3], change[4]
  if type(a) == 'string' and string.sub(a, 1, 2) == '$c' then
    a = cursor + tonumber(string.sub(a, 3)) - 1
  end
  if type(b) == 'number' then
    b = ARGV[1 + b]
  end
  if verb == 'hset' then
    redis.call('HSET', key, a, b)
  else
    redis.call('ZADD', key, a, b)
  end
  if change[5] == 1 then
    redis.call('PEXPIRE', key, append.ttl)
  end
end
if append.once then
  redis.call('SET', KEYS[append.once.k], cjson.encode({cursor = cursor, online = online}), 'PX', append.once.ttl)
end
return {0, cursor, 0, online and 1 or 0, last, hug_from, hug_sent}
`,
);
