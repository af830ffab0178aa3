/** The logging the rooms need; pino's logger satisfies it. */
export interface LogPort {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}
