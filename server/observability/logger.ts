import { pino, type Logger } from 'pino';

/** Paths that may carry secrets; pino replaces them before anything is written. */
export const REDACTED_PATHS = [
  'token',
  '*.token',
  'accessToken',
  '*.accessToken',
  'refreshToken',
  '*.refreshToken',
  'password',
  '*.password',
  'secret',
  '*.secret',
  'headers.authorization',
  '*.headers.authorization',
  'auth',
  '*.auth',
];

/** The process logger: JSON lines on stdout, every line carrying `nodeId`, secrets redacted. */
export function createLogger(options: { level: string; nodeId: string }): Logger {
  return pino({
    level: options.level,
    base: { nodeId: options.nodeId, pid: process.pid },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  });
}
