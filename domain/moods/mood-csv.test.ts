import { describe, expect, it } from 'vitest';
import type { MoodEntry } from '../../protocol/types/moods.js';
import { csvRows } from '../../test-support/csv-rows.js';
import { csvText, MOOD_CSV_COLUMNS, moodsCsv } from './mood-csv.js';

const entry: MoodEntry = {
  id: 'm1',
  userId: 'ann',
  mood: 'calm',
  intensity: 0.5,
  valence: 0.25,
  arousal: 0.1,
  note: 'said "hi", then\nleft',
  tags: ['walk', 'sea'],
  visibility: 'friends',
  timeZone: 'Europe/Paris',
  localDate: '2026-12-01',
  recordedAt: Date.UTC(2026, 11, 1, 9),
  updatedAt: null,
};

describe('moods CSV', () => {
  it('writes a header and a row per mood that read back to the same values, quotes and line breaks included', () => {
    const rows = csvRows(moodsCsv([entry, { ...entry, id: 'm2', note: null, tags: [], updatedAt: Date.UTC(2026, 11, 2) }]));
    expect(rows[0]).toEqual([...MOOD_CSV_COLUMNS]);
    expect(rows[1]).toEqual(['m1', '2026-12-01T09:00:00.000Z', '2026-12-01', 'Europe/Paris', 'calm', '0.5', '0.25', '0.1', 'friends', 'walk;sea', 'said "hi", then\nleft', '']);
    expect(rows[2]?.slice(9)).toEqual(['', '', '2026-12-02T00:00:00.000Z']);
    expect(rows).toHaveLength(3);
    expect(moodsCsv([])).toBe(`${MOOD_CSV_COLUMNS.join(',')}\r\n`);
  });

  it('never lets a spreadsheet run a note or a tag as a formula, and leaves negative numbers alone', () => {
    expect(csvText('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvText('+1')).toBe("'+1");
    expect(csvText('@me')).toBe("'@me");
    expect(csvText('plain')).toBe('plain');
    const [, row] = csvRows(moodsCsv([{ ...entry, valence: -0.5, note: '-sad', tags: ['=1+1'] }]));
    expect(row?.slice(6, 11)).toEqual(['-0.5', '0.1', 'friends', "'=1+1", "'-sad"]);
  });
});
