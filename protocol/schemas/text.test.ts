import { describe, expect, it } from 'vitest';
import { lineOfText, paragraphOfText } from './text.js';

const line = lineOfText(1, 20);
const paragraph = paragraphOfText(40);

describe('user text', () => {
  it('normalizes to NFC and trims whitespace and invisible joiners at the ends', () => {
    expect(line.parse('Cafe\u0301')).toBe('Café');
    expect(line.parse('\u200d\u200b ana \u2060')).toBe('ana');
    // A joiner inside an emoji sequence is part of it.
    expect(line.parse('👩\u200d👩\u200d👧')).toBe('👩\u200d👩\u200d👧');
    expect(paragraph.parse('  line one\nline two\t ')).toBe('line one\nline two');
  });

  it('refuses lone surrogates', () => {
    for (const value of ['a\ud800', '\udfffb', 'x\ud83d']) {
      expect(line.safeParse(value).success, JSON.stringify(value)).toBe(false);
      expect(paragraph.safeParse(value).success, JSON.stringify(value)).toBe(false);
    }
    expect(line.safeParse('a\ud800').error?.issues[0]?.message).toMatch(/lone surrogates/);
    expect(line.parse('🤗')).toBe('🤗');
  });

  it('refuses bidi overrides and isolates, line separators and byte-order marks', () => {
    for (const value of ['a\u202egnp.exe', 'x\u202ay', 'x\u2066y\u2069', 'a\u2028b', 'a\u2029b', 'a\ufeffb']) {
      expect(line.safeParse(value).success, JSON.stringify(value)).toBe(false);
      expect(paragraph.safeParse(value).success, JSON.stringify(value)).toBe(false);
    }
    expect(line.safeParse('a\u202egnp.exe').error?.issues[0]?.message).toMatch(/bidirectional/);
    // At the ends they are whitespace to JavaScript, and trimmed like it.
    expect(paragraph.parse('\ufeffhi\u2028')).toBe('hi');
  });

  it('counts length after normalizing, and still refuses control characters', () => {
    expect(line.safeParse(`${'e\u0301'.repeat(20)}`).success).toBe(true);
    expect(line.safeParse('\u200b').success).toBe(false);
    expect(line.safeParse('a\u0000b').success).toBe(false);
    expect(line.safeParse('a\nb').success).toBe(false);
    expect(paragraph.safeParse('a\u0007b').success).toBe(false);
  });
});
