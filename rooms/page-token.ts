import { CommandError } from '../domain/command-error.js';

/** Where a newest-first history page continues: after this (time, id). */
export interface PagePosition {
  readonly at: number;
  readonly id: string;
}

/** The `next` token of a history page ending at `position`. */
export function pageToken(position: PagePosition): string {
  return `${position.at}.${position.id}`;
}

/** Reads a `before` token made by {@link pageToken}; a forged one is `invalid_payload` naming `command`. */
export function parsePageToken(token: string, command: string): PagePosition {
  const dot = token.indexOf('.');
  const at = Number(token.slice(0, dot));
  const id = token.slice(dot + 1);
  if (dot <= 0 || !Number.isSafeInteger(at) || id.length === 0) {
    throw new CommandError('invalid_payload', `before: not a page token from ${command}`, { field: 'before' });
  }
  return { at, id };
}
