/**
 * Runs `work` on every item, at most `limit` at a time, and resolves once all have settled. An
 * item's failure is `work`'s to handle: one that throws does not stop the others, and is reported
 * to `onError`.
 */
export async function eachBounded<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>, onError?: (error: unknown, item: T) => void): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T;
      try {
        await work(item);
      } catch (error) {
        onError?.(error, item);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, lane));
}
