import type { HugPoint } from '../../domain/moods/insight.js';
import type { GroupHugRepository } from '../../persistence/store/group-hug-repository.js';
import type { HugRepository } from '../../persistence/store/hug-repository.js';

/** Rows read per history page while walking back to the window's start. */
const PAGE = 500;

/**
 * The hugs `userId` received and the group hugs they took part in (at their end) after `from`,
 * for hug lift: both histories are walked newest first, a page at a time, until they pass `from`.
 * A hug sent by a deleted account (its sender anonymised) still counts, for no friend.
 */
export async function hugsReceivedSince(stores: { readonly hugs: HugRepository; readonly groupHugs: GroupHugRepository }, userId: string, from: number): Promise<HugPoint[]> {
  const points: HugPoint[] = [];
  for (let before = null as { sentAt: number; id: string } | null; ; ) {
    const page = await stores.hugs.history(userId, 'received', before, PAGE);
    for (const hug of page) if (hug.sentAt > from) points.push({ at: hug.sentAt, kind: 'hug', from: hug.from });
    const last = page.at(-1);
    if (!last || page.length < PAGE || last.sentAt <= from) break;
    before = { sentAt: last.sentAt, id: last.id };
  }
  for (let before = null as { endedAt: number; groupId: string } | null; ; ) {
    const page = await stores.groupHugs.history(userId, before, PAGE);
    for (const group of page) if (group.endedAt > from) points.push({ at: group.endedAt, kind: 'group-hug', from: null });
    const last = page.at(-1);
    if (!last || page.length < PAGE || last.endedAt <= from) break;
    before = { endedAt: last.endedAt, groupId: last.groupId };
  }
  return points;
}
