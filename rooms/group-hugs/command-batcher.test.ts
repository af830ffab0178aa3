import { describe, expect, it } from 'vitest';
import { CommandError } from '../../domain/command-error.js';
import { CommandBatcher, type ForwardedCommand, type ForwardedOutcome } from './command-batcher.js';
import type { OwnerReply } from './owner-reply.js';

const join = (userId: string): ForwardedCommand => ({ commandId: `c-${userId}`, command: { type: 'join', userId } });
const reply = (userId: string) => ({ kind: 'membership', userId }) as unknown as OwnerReply;

describe('command batcher', () => {
  it('sends the commands of one turn as one message per group hug, and answers each in order', async () => {
    const sent: [string, string[]][] = [];
    const batcher = new CommandBatcher((groupId, commands) => {
      sent.push([groupId, commands.map((c) => c.commandId)]);
      return Promise.resolve(
        commands.map((c): ForwardedOutcome => (c.command.type === 'join' && c.command.userId === 'b' ? { error: { code: 'forbidden', message: 'not invited' } } : { ok: reply(c.commandId) })),
      );
    });
    const answers = await Promise.allSettled([batcher.add('g1', join('a')), batcher.add('g1', join('b')), batcher.add('g2', join('c')), batcher.add('g1', join('d'))]);
    expect(sent).toEqual([
      ['g1', ['c-a', 'c-b', 'c-d']],
      ['g2', ['c-c']],
    ]);
    expect(answers[0]).toEqual({ status: 'fulfilled', value: reply('c-a') });
    expect(answers[1]).toMatchObject({ status: 'rejected', reason: { code: 'forbidden', message: 'not invited' } });
    expect(answers[1]?.status === 'rejected' && answers[1].reason).toBeInstanceOf(CommandError);
    expect(answers[2]).toEqual({ status: 'fulfilled', value: reply('c-c') });
    expect(answers[3]).toEqual({ status: 'fulfilled', value: reply('c-d') });
    // A later turn is a new message.
    await batcher.add('g1', join('e'));
    expect(sent.at(-1)).toEqual(['g1', ['c-e']]);
  });

  it('fails every command of a message that failed, and one the owner answered short', async () => {
    const down = new CommandBatcher(() => Promise.reject(new CommandError('unavailable', 'owner unreachable')));
    const refused = await Promise.allSettled([down.add('g', join('a')), down.add('g', join('b'))]);
    expect(refused.map((r) => r.status === 'rejected' && (r.reason as CommandError).code)).toEqual(['unavailable', 'unavailable']);
    const short = new CommandBatcher(() => Promise.resolve([{ ok: reply('x') }]));
    const answers = await Promise.allSettled([short.add('g', join('a')), short.add('g', join('b'))]);
    expect(answers.map((a) => a.status)).toEqual(['fulfilled', 'rejected']);
  });
});
