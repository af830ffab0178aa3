import type { RedisClient } from '../../persistence/redis/redis-client.js';
import { RedisScript, replyArray, replyNumber } from '../../persistence/redis/redis-script.js';
import type { PushSlots, SlotNote } from './push-slots.js';

/**
 * KEYS[1] the slot's noted pushes (sorted set: id by creation time), KEYS[2] the slot's last push
 * sent (string `createdAt NUL id`)
 * ARGV[1] id, ARGV[2] createdAt, ARGV[3] window ms, ARGV[4] now (ms)
 * Returns {count within the window up to createdAt, superseded 0|1}
 */
const NOTE = new RedisScript(
  'push-slot-note',
  `
local created = tonumber(ARGV[2])
local window = tonumber(ARGV[3])
redis.call('ZADD', KEYS[1], created, ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. (math.min(created, tonumber(ARGV[4])) - window))
redis.call('PEXPIRE', KEYS[1], 2 * window)
local count = redis.call('ZCOUNT', KEYS[1], created - window, created)
local sent = redis.call('GET', KEYS[2])
local superseded = 0
if sent then
  local sep = string.find(sent, '\\0', 1, true)
  local sent_at = tonumber(string.sub(sent, 1, sep - 1))
  local sent_id = string.sub(sent, sep + 1)
  if sent_at > created or (sent_at == created and sent_id >= ARGV[1]) then
    superseded = 1
  end
end
return {count, superseded}
`,
);

/**
 * KEYS[1] the slot's last push sent; ARGV[1] id, ARGV[2] createdAt, ARGV[3] window ms
 * Keeps the later of the stored and the given push (creation time, then id). Returns 1.
 */
const SENT = new RedisScript(
  'push-slot-sent',
  `
local created = tonumber(ARGV[2])
local sent = redis.call('GET', KEYS[1])
if sent then
  local sep = string.find(sent, '\\0', 1, true)
  local sent_at = tonumber(string.sub(sent, 1, sep - 1))
  local sent_id = string.sub(sent, sep + 1)
  if sent_at > created or (sent_at == created and sent_id > ARGV[1]) then
    redis.call('PEXPIRE', KEYS[1], 2 * tonumber(ARGV[3]))
    return 1
  end
end
redis.call('SET', KEYS[1], ARGV[2] .. '\\0' .. ARGV[1], 'PX', 2 * tonumber(ARGV[3]))
return 1
`,
);

/** {@link PushSlots} in Redis, shared by a cluster's push workers: one script call per note or send, both keys in the slot's hash slot. */
export class RedisPushSlots implements PushSlots {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix = 'hm:push:slot:',
    private readonly now: () => number = Date.now,
  ) {}

  async note(slot: string, id: string, createdAt: number, windowMs: number): Promise<SlotNote> {
    const reply = replyArray(await NOTE.run(this.redis, [this.noted(slot), this.sentKey(slot)], [id, createdAt, windowMs, this.now()]), NOTE.name);
    return { count: replyNumber(reply[0], NOTE.name), superseded: replyNumber(reply[1], NOTE.name) === 1 };
  }

  async sent(slot: string, id: string, createdAt: number, windowMs: number): Promise<void> {
    await SENT.run(this.redis, [this.sentKey(slot)], [id, createdAt, windowMs]);
  }

  /** The connection belongs to the composition root. */
  close(): Promise<void> {
    return Promise.resolve();
  }

  private noted(slot: string): string {
    return `${this.prefix}{${slot}}:noted`;
  }

  private sentKey(slot: string): string {
    return `${this.prefix}{${slot}}:sent`;
  }
}
