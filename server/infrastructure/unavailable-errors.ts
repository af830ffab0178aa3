/**
 * Whether `error` says a backing service (Redis, MongoDB) is unreachable right now, rather than
 * that the command is wrong: such a command is answered `unavailable` with `retryAfterMs`, so
 * clients retry, instead of `internal`. ioredis and the MongoDB driver do not export classes for
 * every such case, so names and messages are matched.
 */
export function isDependencyUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'MaxRetriesPerRequestError') return true;
  if (/^Mongo(Network|ServerSelection|NotConnected|Topology)/.test(error.name)) return true;
  return /Stream isn't writeable|Connection is closed|Command timed out|ECONNREFUSED|ECONNRESET|EPIPE/.test(error.message);
}
