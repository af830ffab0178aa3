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

/**
 * Cuts a newest-first page from `rows`, fetched with one row more than `limit`: that extra row
 * tells whether a next page exists, whose token is the position of the page's last row.
 */
export function historyPage<T>(rows: readonly T[], limit: number, positionOf: (row: T) => PagePosition): { readonly items: T[]; readonly next: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, next: rows.length > limit && last !== undefined ? pageToken(positionOf(last)) : null };
}
