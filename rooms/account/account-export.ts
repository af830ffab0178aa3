import { CommandError } from '../../domain/command-error.js';
import { MAX_PAGE } from '../../protocol/limits.js';
import type { AccountExport } from '../../protocol/types/account-export.js';
import type { MoodEntry } from '../../protocol/types/moods.js';
import type { HugRequestRepository } from '../../persistence/store/hug-request-repository.js';
import type { UserRepository } from '../../persistence/store/user-repository.js';
import type { FreshHugRequestReads } from '../../persistence/write-behind/read-your-writes.js';
import type { GroupHugService } from '../group-hugs/group-hug-service.js';
import type { HugService } from '../hugs/hug-service.js';
import { toHugRequest } from '../hugs/hug-views.js';
import type { InboxService } from '../inbox/inbox-service.js';
import type { MoodService } from '../moods/mood-service.js';
import type { FriendsService } from '../social/friends-service.js';

/** What {@link AccountExporter} reads through: the services' own pages, so the export shows what their commands show. */
export interface AccountExporterDeps {
  readonly users: Pick<UserRepository, 'findById'>;
  readonly friends: Pick<FriendsService, 'list'>;
  readonly moods: Pick<MoodService, 'history' | 'streak'>;
  readonly hugs: Pick<HugService, 'history'>;
  /** Requests as stored; those the inbox names are read fresh. */
  readonly hugRequests: Pick<HugRequestRepository, 'involving'>;
  readonly freshRequests: Pick<FreshHugRequestReads, 'getMany'>;
  readonly groupHugs: Pick<GroupHugService, 'history'>;
  readonly inbox: Pick<InboxService, 'sync'>;
  readonly now?: () => number;
}

/** Every item of a paged read, oldest first: `page` answers newest first and names the next page. */
async function allPages<T>(page: (before: string | undefined) => Promise<{ readonly items: readonly T[]; readonly next: string | null }>): Promise<T[]> {
  const items: T[] = [];
  let before: string | undefined;
  do {
    const result = await page(before);
    items.push(...result.items);
    before = result.next ?? undefined;
  } while (before !== undefined);
  return items.reverse();
}

/**
 * "Your data is yours": everything the server holds about one user, read as that user reads it
 * (moods and hugs include writes acknowledged a moment ago and not yet in the store).
 */
export class AccountExporter {
  private readonly now: () => number;

  constructor(private readonly deps: AccountExporterDeps) {
    this.now = deps.now ?? Date.now;
  }

  async export(userId: string): Promise<AccountExport> {
    const { deps } = this;
    const user = await deps.users.findById(userId);
    if (!user) throw new CommandError('unauthorized', 'your account no longer exists');
    const [friends, moods, sent, received, stored, groupHugs, inbox] = await Promise.all([
      deps.friends.list(userId),
      // The streak as of now, in the zone of the last mood.
      this.moods(userId).then(async (entries) => ({ entries, streak: await deps.moods.streak(userId, userId, entries.at(-1)?.timeZone ?? 'UTC') })),
      allPages(async (before) => pageOf(await deps.hugs.history(userId, 'sent', before, MAX_PAGE), 'hugs')),
      allPages(async (before) => pageOf(await deps.hugs.history(userId, 'received', before, MAX_PAGE), 'hugs')),
      deps.hugRequests.involving(userId),
      allPages(async (before) => pageOf(await deps.groupHugs.history(userId, before, MAX_PAGE), 'summaries')),
      this.inbox(userId),
    ]);
    // Requests the inbox names (received ones, answers to sent ones) are read fresh; one sent a moment
    // ago whose write is still queued shows once written.
    const requestsReceived = inbox.flatMap((e) => (e.type === 'hug-request' ? [e.request.id] : []));
    const answered = inbox.flatMap((e) => (e.type === 'hug-request-answer' ? [e.answer] : []));
    const requests = new Map(stored.map((r) => [r.id, r]));
    const fresh = await Promise.all([deps.freshRequests.getMany(requestsReceived, userId), ...answered.map((a) => deps.freshRequests.getMany([a.requestId], a.by))]);
    for (const r of fresh.flat()) requests.set(r.id, r);
    const exportedAt = this.now();
    return {
      format: 'hugmood-account-export',
      version: 1,
      exportedAt,
      account: { id: user.id, username: user.username, displayName: user.displayName, avatarUrl: user.avatarUrl, bio: user.bio, createdAt: user.createdAt, lastSeenAt: user.lastSeenAt },
      privacy: user.privacy,
      friends,
      moods,
      hugs: { sent, received },
      hugRequests: [...requests.values()].sort((x, y) => x.createdAt - y.createdAt || (x.id < y.id ? -1 : 1)).map((r) => toHugRequest(r, exportedAt)),
      groupHugs,
      inbox,
    };
  }

  /** Every mood of `userId`, oldest first. */
  moods(userId: string): Promise<MoodEntry[]> {
    return allPages(async (before) => pageOf(await this.deps.moods.history(userId, userId, before, MAX_PAGE), 'entries'));
  }

  private async inbox(userId: string): Promise<AccountExport['inbox'][number][]> {
    const entries: AccountExport['inbox'][number][] = [];
    let after = 0;
    for (;;) {
      const page = await this.deps.inbox.sync(userId, after, MAX_PAGE);
      entries.push(...page.entries);
      if (!page.hasMore || page.cursor === after) return entries;
      after = page.cursor;
    }
  }
}

function pageOf<K extends string, T>(page: { readonly next: string | null } & { readonly [P in K]: readonly T[] }, key: K): { items: readonly T[]; next: string | null } {
  return { items: page[key], next: page.next };
}
