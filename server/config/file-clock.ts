import { readFileSync } from 'node:fs';

/**
 * A clock for tests: the real clock plus the offset in milliseconds written in `file` (none while
 * the file does not exist), read at each call so a test moves every node's clock at once. Config
 * refuses it in production.
 */
export function fileClock(file: string): () => number {
  return () => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8').trim();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return Date.now();
      throw error;
    }
    const offset = Number(text);
    if (!Number.isFinite(offset)) throw new Error(`MOOD_CLOCK_FILE ${file}: holds ${JSON.stringify(text.slice(0, 40))}, not a number of milliseconds`);
    return Date.now() + offset;
  };
}

/** The clock of moods and mood reminders: the real one, or the test clock `MOOD_CLOCK_FILE` names. */
export function moodClockOf(config: { readonly moodClockFile: string | null }): () => number {
  return config.moodClockFile === null ? Date.now : fileClock(config.moodClockFile);
}
