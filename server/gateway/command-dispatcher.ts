import { performance } from 'node:perf_hooks';
import { CommandError } from '../../domain/command-error.js';
import { invalidPayload } from '../../domain/invalid-payload.js';
import type { Ack } from '../../protocol/ack.js';
import { COMMAND_SCHEMAS, type CommandName, isCommandName } from '../../protocol/commands.js';
import type { ProtocolError } from '../../protocol/errors.js';
import type { LogPort } from '../../rooms/log-port.js';
import type { Metrics } from '../observability/metrics.js';
import type { RateLimiter, RateRule } from '../rate-limit/rate-limiter.js';
import type { CommandContext, CommandHandlers } from './command-context.js';
import type { FloodGuard } from './flood-guard.js';

/** What {@link createDispatcher} is built from. */
export interface DispatcherDeps {
  readonly handlers: CommandHandlers;
  /** Per-user buckets: shared by the cluster (a user may have sockets on several nodes). */
  readonly limiter: RateLimiter;
  /** Per-connection buckets: a connection lives on one node, so these stay in its memory. */
  readonly connLimiter: RateLimiter;
  readonly connRule: RateRule;
  readonly userRule: RateRule;
  /**
   * Commands limited only by their own per-connection bucket (in memory) instead of the shared
   * ones: high-rate and cheap (squeezes, clock sync), so they neither cost a Redis round trip each
   * nor eat the budget of the commands that matter more.
   */
  readonly ownRules?: Partial<Record<CommandName, RateRule>>;
  /**
   * Commands whose handler spends the user's shared bucket inside its own command step (the hot
   * path: one Redis call for the limit and the command's state instead of two). The dispatcher
   * hands the charge over as `ctx.userCharge` instead of spending it.
   */
  readonly stepCharged?: ReadonlySet<CommandName>;
  readonly metrics: Metrics;
  readonly log: LogPort;
  /** Whether a thrown error means a backing service is unreachable (answered `unavailable`, not `internal`). */
  readonly isUnavailable?: (error: unknown) => boolean;
  /** Cuts connections that keep exceeding their limits; a refusal that cut its socket is not answered. */
  readonly floodGuard?: FloodGuard;
}

/** Handles one incoming event of a socket. Never throws. */
export type Dispatch = (ctx: CommandContext, event: unknown, args: unknown[]) => void;

function describeEvent(event: unknown): string {
  return typeof event === 'string' ? event.slice(0, 64) : String(event);
}

/**
 * The one pipeline every client event goes through: rate limit (per connection, then per user),
 * known command, an ack callback, one payload validated by the command's zod schema, then the
 * handler. The ack is always `{ ok, data | error }`; an event sent without an ack that fails
 * gets `command:rejected` instead.
 */
export function createDispatcher(deps: DispatcherDeps): Dispatch {
  const run = async (ctx: CommandContext, event: unknown, payload: unknown[], hasAck: boolean): Promise<unknown> => {
    const own = isCommandName(event) ? deps.ownRules?.[event] : undefined;
    const inStep = !own && isCommandName(event) && deps.stepCharged?.has(event) === true;
    const buckets = own
      ? ([[deps.connLimiter, ctx.socket.id, own]] as const)
      : inStep
        ? ([[deps.connLimiter, ctx.socket.id, deps.connRule]] as const)
        : ([[deps.connLimiter, ctx.socket.id, deps.connRule], [deps.limiter, ctx.userId, deps.userRule]] as const);
    for (const [limiter, key, rule] of buckets) {
      const decision = await limiter.consume(key, rule);
      if (!decision.allowed) {
        throw new CommandError('rate_limited', own ? `too many ${String(event)}; slow down` : 'too many commands; slow down', { scope: rule.name }, decision.retryAfterMs);
      }
    }
    if (!isCommandName(event)) {
      throw new CommandError('invalid_payload', `unknown event "${describeEvent(event)}"`, { field: 'event', reason: 'unknown_event' });
    }
    if (!hasAck) throw new CommandError('invalid_payload', `"${event}" needs an acknowledgement callback`, { field: 'ack' });
    if (payload.length !== 1) {
      throw new CommandError('invalid_payload', `"${event}" takes exactly one payload argument`, { field: '(payload)' });
    }
    const parsed = COMMAND_SCHEMAS[event].safeParse(payload[0]);
    if (!parsed.success) throw invalidPayload(parsed.error);
    const handler = deps.handlers[event] as (ctx: CommandContext, payload: unknown) => Promise<unknown>;
    return handler(inStep ? { ...ctx, userCharge: { key: ctx.userId, rule: deps.userRule } } : ctx, parsed.data);
  };

  return (ctx, event, args) => {
    // Events read before a cut (or a disconnect) are dropped unanswered: nobody would hear the answer.
    if (!ctx.socket.connected) return;
    const last = args[args.length - 1];
    const ack = typeof last === 'function' ? (last as (response: Ack<unknown>) => void) : null;
    const payload = ack ? args.slice(0, -1) : args;
    const label = isCommandName(event) ? event : 'unknown';
    const stopTimer = deps.metrics.commandDuration.startTimer({ command: label });
    const started = performance.now();
    run(ctx, event, payload, ack !== null)
      .then(
        (data) => {
          ack?.({ ok: true, data });
          return 'ok';
        },
        (thrown: unknown) => {
          let error: ProtocolError;
          if (thrown instanceof CommandError && thrown.code === 'rate_limited' && deps.floodGuard?.refused(ctx.socket)) return 'cut';
          if (thrown instanceof CommandError) error = thrown.toProtocolError();
          else if (deps.isUnavailable?.(thrown)) {
            deps.log.warn({ err: thrown, command: label }, 'command refused: a backing service is unreachable');
            error = new CommandError('unavailable', 'a backing service is unreachable; try again shortly', { reason: 'dependency' }, 1000).toProtocolError();
          } else {
            deps.log.error({ err: thrown, command: label, userId: ctx.userId }, 'command failed unexpectedly');
            error = { code: 'internal', message: 'internal error' };
          }
          if (ack) ack({ ok: false, error });
          else ctx.socket.emit('command:rejected', { event: describeEvent(event), error, at: Date.now() });
          return error.code;
        },
      )
      .then((outcome) => {
        stopTimer();
        deps.metrics.commands.inc({ command: label, outcome });
        if (performance.now() - started > 1000) deps.log.warn({ command: label, ms: performance.now() - started }, 'slow command');
      })
      .catch((error: unknown) => deps.log.error({ err: error }, 'dispatch bookkeeping failed'));
  };
}
