import { z } from 'zod';

const NO_CONTROL_CHARACTERS = /^[^\p{Cc}]*$/u;
const LINE_CONTROLS_ALLOWED = /^(?:[^\p{Cc}]|[\n\t])*$/u;

/** A UTF-16 surrogate with no partner: not a character, stored as invalid UTF-8. */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Characters that change how the text around them is shown or split: bidi embeddings, overrides
 * and isolates (U+202A-U+202E, U+2066-U+2069: `"a\u202egnp.exe"` shows as `aexe.png`), the line
 * and paragraph separators U+2028 and U+2029, and the byte-order mark U+FEFF.
 */
const DECEPTIVE = /[\u202A-\u202E\u2066-\u2069\u2028\u2029\uFEFF]/u;

/** Invisible characters that mean nothing at either end of a text: zero-width space, (non-)joiners, word joiner. */
const INVISIBLE_ENDS = /^[\s\u200B-\u200D\u2060]+|[\s\u200B-\u200D\u2060]+$/gu;

/** NFC, then whitespace and invisible joiners trimmed from both ends (a joiner inside an emoji sequence stays). */
function normalizeText(value: string): string {
  // A lone surrogate is left for the check below to name (normalize keeps it as it is).
  return value.normalize('NFC').replace(INVISIBLE_ENDS, '');
}

function userText(allowed: RegExp, allowedMessage: string) {
  return z
    .string()
    .refine((v) => !LONE_SURROGATE.test(v), 'must be valid Unicode (no lone surrogates)')
    .transform(normalizeText)
    .pipe(
      z
        .string()
        .regex(allowed, allowedMessage)
        .refine((v) => !DECEPTIVE.test(v), 'must not contain bidirectional overrides, isolates, line separators or byte-order marks'),
    );
}

/**
 * A single line of `min`..`max` characters a user typed: NFC-normalized, trimmed (whitespace and
 * invisible joiners at the ends), with no control characters, lone surrogates, bidi overrides or
 * isolates. Used for every short free-text field (display names, activities, group titles).
 */
export function lineOfText(min: number, max: number) {
  return userText(NO_CONTROL_CHARACTERS, 'must not contain control characters').pipe(z.string().min(min).max(max));
}

/** Like {@link lineOfText} but newlines and tabs are allowed, and it may be empty (bios, messages). */
export function paragraphOfText(max: number) {
  return userText(LINE_CONTROLS_ALLOWED, 'must not contain control characters other than newline and tab').pipe(z.string().max(max));
}
