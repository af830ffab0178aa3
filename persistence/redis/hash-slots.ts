/** The hash tag of `key` (the text between its first `{` and the next `}`), or the whole key: keys with one tag share a Redis Cluster slot. */
function hashTagOf(key: string): string {
  const open = key.indexOf('{');
  const close = open < 0 ? -1 : key.indexOf('}', open + 1);
  return close > open + 1 ? key.slice(open + 1, close) : key;
}

/** `items` grouped by the hash slot of their keys (by hash tag), in order of first appearance: each group may share one script call. */
export function bySlot<T extends { readonly key: string }>(items: readonly T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const tag = hashTagOf(item.key);
    const group = groups.get(tag);
    if (group) group.push(item);
    else groups.set(tag, [item]);
  }
  return [...groups.values()];
}
