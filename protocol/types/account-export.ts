import type { FriendsList } from './friends.js';
import type { GroupHugSummary } from './group-hugs.js';
import type { Hug, HugRequest } from './hugs.js';
import type { InboxEntry } from './inbox.js';
import type { MoodEntry, MoodStreakView } from './moods.js';
import type { PrivacySettings } from './privacy.js';

/** The account itself, as stored (never the password hash). */
export interface ExportedAccount {
  readonly id: string;
  /** Null for accounts from an external identity provider. */
  readonly username: string | null;
  readonly displayName: string;
  readonly avatarUrl: string | null;
  readonly bio: string;
  readonly createdAt: number;
  readonly lastSeenAt: number | null;
}

/**
 * `GET /v1/account/export`: everything the server holds about the caller, as JSON. Times are epoch
 * ms. Sessions (refresh tokens) are left out: they are secrets, and `POST /v1/auth/logout` ends them.
 */
export interface AccountExport {
  readonly format: 'hugmood-account-export';
  readonly version: 1;
  readonly exportedAt: number;
  readonly account: ExportedAccount;
  readonly privacy: PrivacySettings;
  readonly friends: FriendsList;
  /** Every mood, oldest first, whatever its visibility, and the streak. */
  readonly moods: { readonly entries: readonly MoodEntry[]; readonly streak: MoodStreakView };
  /** Hugs sent and received, oldest first. */
  readonly hugs: { readonly sent: readonly Hug[]; readonly received: readonly Hug[] };
  /** Hug requests sent and received, oldest first. */
  readonly hugRequests: readonly HugRequest[];
  /** The group hugs taken part in, as their summaries, oldest first. */
  readonly groupHugs: readonly GroupHugSummary[];
  /** The inbox (what devices sync), oldest first. */
  readonly inbox: readonly InboxEntry[];
}
