import type { MoodEntry } from '../../protocol/types/moods.js';

/** The columns of a moods CSV, in order. */
export const MOOD_CSV_COLUMNS = ['id', 'recorded_at', 'local_date', 'time_zone', 'mood', 'intensity', 'valence', 'arousal', 'visibility', 'tags', 'note', 'updated_at'] as const;

/** One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break, quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * A field of text a user typed: text a spreadsheet would run as a formula (starting `=`, `+`, `-`,
 * `@`, tab or CR) gets a leading `'`, so opening an export never runs what someone wrote in a note.
 */
export function csvText(value: string): string {
  return csvField(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
}

/** Moods as CSV: a header row, then one row per mood, CRLF line ends; times in ISO 8601 UTC, tags joined with `;`. */
export function moodsCsv(entries: readonly MoodEntry[]): string {
  const rows = entries.map((m) =>
    [
      m.id,
      new Date(m.recordedAt).toISOString(),
      m.localDate,
      m.timeZone,
      m.mood,
      String(m.intensity),
      String(m.valence),
      String(m.arousal),
      m.visibility,
    ]
      .map(csvField)
      .concat(csvText(m.tags.join(';')), csvText(m.note ?? ''), m.updatedAt === null ? '' : new Date(m.updatedAt).toISOString())
      .join(','),
  );
  return [MOOD_CSV_COLUMNS.join(','), ...rows].map((line) => `${line}\r\n`).join('');
}
