import { CommandError } from '../../domain/command-error.js';
import type { StepOutcome } from './command-step.js';

/**
 * A refused charge as the client sees it: the command's own bucket (`own`, e.g. `hug`, `mood`)
 * names itself; any other is the user's command bucket, answered as the dispatcher answers it.
 */
export function rateLimited(step: Extract<StepOutcome, { kind: 'rate-limited' }>, own: { readonly rule: string; readonly what: string }): CommandError {
  if (step.rule === own.rule) return new CommandError('rate_limited', `too many ${own.what}; slow down`, { rule: own.rule }, step.retryAfterMs);
  return new CommandError('rate_limited', 'too many commands; slow down', { scope: step.rule }, step.retryAfterMs);
}
