import { describe, expect, it } from 'vitest';
import { invalidPayload } from '../../domain/invalid-payload.js';
import { moodHistorySchema, moodRecordSchema, moodSummarySchema, moodUpdateSchema } from './moods.js';

const valid = { mood: 'calm', intensity: 0.4, timeZone: 'Europe/Paris', clientId: 'mood-0001' } as const;

/** The field an `invalid_payload` for `payload` names. */
function refusedField(schema: { safeParse: (v: unknown) => { success: boolean; error?: unknown } }, payload: unknown): string | undefined {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return undefined;
  return invalidPayload(parsed.error as Parameters<typeof invalidPayload>[0]).details?.['field'] as string;
}

describe('mood schemas', () => {
  it('takes a mood with its intensity, zone and clientId, and the optional rest', () => {
    expect(moodRecordSchema.parse(valid)).toEqual(valid);
    const full = moodRecordSchema.parse({ ...valid, valence: -0.2, arousal: 1, note: 'long day\nbut ok', tags: ['work', 'rain', 'work'], visibility: 'private' });
    expect(full.tags).toEqual(['work', 'rain']);
    expect(full.note).toBe('long day\nbut ok');
  });

  it('names the field of an unknown mood, an intensity outside 0..1, a bad zone, and a note or tags past their limits', () => {
    expect(refusedField(moodRecordSchema, { ...valid, mood: 'meh' })).toBe('mood');
    expect(refusedField(moodRecordSchema, { ...valid, intensity: 1.01 })).toBe('intensity');
    expect(refusedField(moodRecordSchema, { ...valid, intensity: -0.1 })).toBe('intensity');
    expect(refusedField(moodRecordSchema, { ...valid, valence: 2 })).toBe('valence');
    expect(refusedField(moodRecordSchema, { ...valid, timeZone: 'Mars/Olympus_Mons' })).toBe('timeZone');
    expect(refusedField(moodRecordSchema, { ...valid, note: 'x'.repeat(501) })).toBe('note');
    expect(refusedField(moodRecordSchema, { ...valid, tags: Array.from({ length: 11 }, (_, i) => `t${i}`) })).toBe('tags');
    expect(refusedField(moodRecordSchema, { ...valid, tags: ['x'.repeat(33)] })).toBe('tags.0');
    expect(refusedField(moodRecordSchema, { ...valid, tags: [''] })).toBe('tags.0');
    expect(refusedField(moodRecordSchema, { ...valid, visibility: 'everyone' })).toBe('visibility');
    expect(refusedField(moodRecordSchema, { ...valid, clientId: 'short' })).toBe('clientId');
  });

  it('needs a change in an update, lets it clear the note, and bounds history and summary', () => {
    expect(refusedField(moodUpdateSchema, { moodId: 'mood_abcdefgh' })).toBe('moodId');
    expect(moodUpdateSchema.parse({ moodId: 'mood_abcdefgh', note: null })).toEqual({ moodId: 'mood_abcdefgh', note: null });
    expect(moodHistorySchema.parse({}).limit).toBe(50);
    expect(refusedField(moodHistorySchema, { limit: 0 })).toBe('limit');
    expect(moodSummarySchema.safeParse({ days: 30 }).success).toBe(true);
    expect(refusedField(moodSummarySchema, { days: 14 })).toBe('days');
  });
});
