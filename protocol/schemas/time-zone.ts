import { z } from 'zod';

// Zones already checked: the check builds an Intl formatter, tens of µs; a server sees few zones.
const known = new Set<string>();

/** True when `timeZone` is an IANA zone this runtime knows (`Europe/Paris`, `UTC`). */
export function isTimeZone(timeZone: string): boolean {
  if (known.has(timeZone)) return true;
  if (timeZone.length === 0 || timeZone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    return false;
  }
  known.add(timeZone);
  return true;
}

/** An IANA time zone name, as the client's device reports it. */
export const timeZoneSchema = z.string().refine(isTimeZone, 'must be an IANA time zone such as Europe/Paris');
