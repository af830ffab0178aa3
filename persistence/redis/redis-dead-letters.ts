import type { RedisClient } from './redis-client.js';
import type { DeadLetter } from '../write-behind/write-queue.js';

/**
 * The dead letters of the cluster write queue, in Redis: a hash id -> letter (JSON) and a sorted set of
 * ids by failure time, so listing is oldest first. Replay takes letters out atomically, so two
 * operators replaying at once re-queue each letter once.
 */
export class RedisDeadLetters {
  private readonly letters: string;
  private readonly order: string;

  constructor(
    private readonly redis: RedisClient,
    base: string,
  ) {
    this.letters = `${base}:dead`;
    this.order = `${base}:dead-order`;
  }

  async add(letters: readonly DeadLetter[]): Promise<void> {
    if (letters.length === 0) return;
    const tx = this.redis.multi();
    for (const letter of letters) tx.hset(this.letters, letter.id, JSON.stringify(letter)).zadd(this.order, letter.failedAt, letter.id);
    await tx.exec();
  }

  async count(): Promise<number> {
    return this.redis.zcard(this.order);
  }

  /** Oldest first. */
  async list(limit = 100): Promise<DeadLetter[]> {
    const ids = await this.redis.zrange(this.order, 0, limit - 1);
    return this.read(ids);
  }

  /** Removes the letters (all when `ids` is omitted) and returns those that existed. */
  async take(ids?: readonly string[]): Promise<DeadLetter[]> {
    const wanted = ids ?? (await this.redis.zrange(this.order, 0, -1));
    const taken: DeadLetter[] = [];
    for (const id of wanted) {
      // ZREM decides who takes a letter when two replays race.
      if ((await this.redis.zrem(this.order, id)) === 0) continue;
      const [letter] = await this.read([id]);
      await this.redis.hdel(this.letters, id);
      if (letter) taken.push(letter);
    }
    return taken;
  }

  private async read(ids: readonly string[]): Promise<DeadLetter[]> {
    if (ids.length === 0) return [];
    const bodies = await this.redis.hmget(this.letters, ...ids);
    return bodies.flatMap((body) => (body ? [JSON.parse(body) as DeadLetter] : []));
  }
}
