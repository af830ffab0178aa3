import { z } from 'zod';

const NO_CONTROL_CHARACTERS = /^[^\p{Cc}]*$/u;

/**
 * A trimmed, single-line string of `min`..`max` characters with no control characters.
 * Used for every short free-text field a user types.
 */
export function lineOfText(min: number, max: number) {
  return z.string().trim().min(min).max(max).regex(NO_CONTROL_CHARACTERS, 'must not contain control characters');
}

/** Like {@link lineOfText} but newlines and tabs are allowed (bios, messages). */
export function paragraphOfText(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .regex(/^(?:[^\p{Cc}]|[\n\t])*$/u, 'must not contain control characters other than newline and tab');
}
