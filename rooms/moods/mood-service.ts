import { CommandError } from '../../domain/command-error.js';
import type { Relationship } from '../../domain/relationship.js';
import { type MoodAsked, moodEntryOf } from '../../domain/moods/mood-entry.js';
import { advanceStreak, type MoodStreak, NO_STREAK, streakAsOf } from '../../domain/moods/mood-streak.js';
import type { HugPoint } from '../../domain/moods/insight.js';
import { HUG_LIFT_WINDOW_HOURS, summariseMoods } from '../../domain/moods/mood-summary.js';
import type { MoodSummaryResult, SummaryPeriod } from '../../protocol/types/mood-summary.js';
import { canSeeMood, effectiveVisibility, showsToFriends } from '../../domain/moods/mood-visibility.js';
import type { PrivacySettings } from '../../protocol/schemas/privacy.js';
import type { MoodDeleteResult, MoodEntry, MoodHistoryPage, MoodRecordResult, MoodStreakView, MoodVisibility } from '../../protocol/types/moods.js';
import type { MoodChanges, MoodRecord } from '../../persistence/store/mood-repository.js';
import type { FreshMoodReads } from '../../persistence/write-behind/fresh-mood-reads.js';
import { moodCreate, moodDelete, moodStreakSave, moodUpdate, type WriteOperation } from '../../persistence/write-behind/write-operation.js';
import type { CommandSteps, StepCharge, StepOutcome } from '../command-steps/command-step.js';
import { rateLimited } from '../command-steps/step-refusal.js';
import { entryCursorOf } from '../command-steps/step-operations.js';
import { milestoneDraft } from '../notifications/notification-drafts.js';
import type { Notifier } from '../notifications/notifier.js';
import type { CloseFriendMoods } from '../notifications/close-friend-moods.js';
import type { ActivityLog } from '../feed/activity-log.js';
import { fingerprintOf, moodIdFor } from '../command-ids.js';
import { historyPage, parsePageToken } from '../page-token.js';
import { moodRoom } from '../room-names.js';
import { entryOf, streakView } from './mood-views.js';
import type { RoomPort } from '../room-port.js';
import { SerialByKey } from '../serial-by-key.js';

/** What {@link MoodService} is built from. */
export interface MoodServiceDeps {
  /** Moods with acknowledged writes laid over the store (read-your-writes): a replay is answered from here, pending or stored. */
  readonly moods: FreshMoodReads;
  readonly privacyOf: (userId: string) => Promise<PrivacySettings | null>;
  /** How `viewerId` stands to `subjectId` (blocks either way count). */
  readonly relationship: (viewerId: string, subjectId: string) => Promise<Relationship>;
  /** Hugs `userId` received, and group hugs they took part in, after `from` (for hug lift). */
  readonly hugsReceived: (userId: string, from: number) => Promise<HugPoint[]>;
  readonly steps: CommandSteps;
  readonly rooms: RoomPort;
  /** The per-user mood bucket (a flood of records is limited like hugs). */
  readonly moodRule: StepCharge['rule'];
  /** How long a record's idempotency claim is kept; longer than writes can stay pending. */
  readonly replayWindowMs: number;
  /** Tells the author of a streak milestone (in the step that records the mood reaching it). */
  readonly notifier: Notifier;
  /** Records the mood and its milestone for friends' feeds (in the same step). */
  readonly activities: ActivityLog;
  /** Tells the friends who marked the author close, once the mood is durable. */
  readonly closeFriends?: CloseFriendMoods;
  readonly now?: () => number;
}

/** A `mood:record`, validated. */
export interface MoodRecordAsked extends MoodAsked {
  readonly clientId: string;
}

/** A `mood:update`, validated (at least one change). */
export type MoodUpdateAsked = { readonly moodId: string } & { readonly [K in keyof MoodChanges]?: MoodChanges[K] | undefined };

/** The mood bucket's rule name, as refusals name it. */
const MOOD_BUCKET = { rule: 'mood', what: 'moods' } as const;

const ALL_VISIBILITIES: readonly MoodVisibility[] = ['private', 'friends', 'public'];

/**
 * Recording, changing and reading moods. A record is one command step in its author's state: the
 * idempotency claim, the author's rate limits, and the durable append of the mood with the streak
 * it makes, all at once; then one emit to each of the author's mood rooms that may see it. Reads
 * of another user's moods go through the privacy rules here, whatever the client does.
 */
export class MoodService {
  private readonly now: () => number;
  private readonly serial = new SerialByKey();

  constructor(private readonly deps: MoodServiceDeps) {
    this.now = deps.now ?? Date.now;
  }

  /**
   * `mood:record`. `userCharge` is the author's command bucket, when the dispatcher left it to this
   * step. A user's records on this node run one at a time, so each advances the streak the one
   * before it saved (two devices recording at the same instant on two nodes may each advance the
   * same streak; the next record reads the last one saved).
   */
  record(userId: string, asked: MoodRecordAsked, userCharge: StepCharge | null = null): Promise<MoodRecordResult> {
    return this.serial.run(userId, () => this.recordNow(userId, asked, userCharge));
  }

  private async recordNow(userId: string, asked: MoodRecordAsked, userCharge: StepCharge | null): Promise<MoodRecordResult> {
    const id = moodIdFor(userId, asked.clientId);
    const fingerprint = fingerprintOf(asked.mood, String(asked.intensity), num(asked.valence), num(asked.arousal), asked.note, JSON.stringify(asked.tags ?? []), asked.visibility, asked.timeZone);
    // One read of the author's state: a replay (or a record made again after its claim expired) is
    // answered from what was recorded; a new record advances the streak.
    const [{ mood: before, streak }, privacy] = await Promise.all([this.deps.moods.recordState(id, userId), this.privacy(userId)]);
    const previous = streak ?? NO_STREAK;
    if (before) return this.replayed(before, fingerprint, previous);
    const at = this.now();
    const step = advanceStreak(previous, at, asked.timeZone);
    const record: MoodRecord = { ...moodEntryOf(id, userId, asked, privacy, at), clientId: asked.clientId, fingerprint, deletedAt: null };
    const claimKey = `mood:${id}`;
    const milestone = step.milestone === null ? null : await this.deps.notifier.prepare(userId, milestoneDraft(step.milestone, record.localDate), at);
    const activities = this.deps.activities.ofMood(record, privacy, step.milestone);
    const operations = [moodCreate(record), ...(step.counted ? [moodStreakSave(userId, step.streak, at)] : []), ...activities.operations, ...(milestone?.operations ?? [])];
    let outcome: StepOutcome;
    try {
      outcome = await this.deps.steps.run({
        userId,
        claim: { key: claimKey, fingerprint, ttlMs: this.deps.replayWindowMs },
        charges: [...(userCharge ? [userCharge] : []), { key: userId, rule: this.deps.moodRule }],
        append: { operations, deferrable: true },
      });
    } catch (error) {
      // Refused before anything was durable (the log is past its lag bound): a retry may run afresh.
      await this.deps.steps.release(userId, claimKey);
      throw error;
    }
    switch (outcome.kind) {
      case 'rate-limited':
        throw rateLimited(outcome, MOOD_BUCKET);
      case 'claimed-before': {
        if (outcome.claim.fingerprint !== fingerprint) throw reusedClientId();
        // The first attempt holds the claim: answered once its append is visible.
        const first = await this.deps.moods.recordState(id, userId);
        if (first.mood) return this.replayed(first.mood, fingerprint, first.streak ?? NO_STREAK);
        throw new CommandError('unavailable', 'this mood is still being recorded: try again', { moodId: id }, 200);
      }
      case 'hug-of-another':
      case 'hug-not-pending':
        throw new Error(`a mood step has no hug, yet ended ${outcome.kind}`);
      case 'done':
        break;
    }
    this.emitUpdate(record, privacy, streakView(step.streak), at);
    if (!outcome.replayed) activities.announce();
    // A replayed step may follow a node that died before telling them: each notification is made once anyway.
    if (showsToFriends(record.visibility, privacy)) void this.deps.closeFriends?.announce(record, privacy);
    if (milestone) await this.deps.notifier.announce(milestone, entryCursorOf(operations, outcome.cursor, milestone.entryId), outcome.replayed);
    return { moodId: id, recordedAt: at, localDate: record.localDate, streak: streakView(step.streak), milestone: step.milestone };
  }

  /** `mood:update`: changes one of the caller's own moods; friends who may see it hear the change. */
  async update(userId: string, asked: MoodUpdateAsked): Promise<MoodEntry> {
    const mood = await this.ownLive(userId, asked.moodId);
    const privacy = await this.privacy(userId);
    const requested: MoodChanges = Object.fromEntries(Object.entries(asked).filter(([k, v]) => k !== 'moodId' && v !== undefined));
    // A mood is never shown wider than its author shares moods.
    const changes: MoodChanges = requested.visibility === undefined ? requested : { ...requested, visibility: effectiveVisibility(requested.visibility, privacy) };
    const at = this.now();
    await this.appendOwn(userId, [moodUpdate(mood.id, userId, changes, at)]);
    const updated: MoodRecord = { ...mood, ...changes, updatedAt: at };
    // Friends who saw it and may not any more hear it removed; otherwise they hear the change.
    if (showsToFriends(mood.visibility, privacy) && !showsToFriends(updated.visibility, privacy)) {
      this.deps.rooms.emit(moodRoom(userId), 'mood:friend-removed', { userId, moodId: mood.id, streak: null, at });
    }
    this.emitUpdate(updated, privacy, null, at);
    return entryOf(updated);
  }

  /** `mood:delete`: removes one of the caller's own moods; the friends who could see it hear so. */
  async delete(userId: string, moodId: string): Promise<MoodDeleteResult> {
    const mood = await this.ownLive(userId, moodId);
    const privacy = await this.privacy(userId);
    const at = this.now();
    // The streak is rebuilt from the moods that stay (the deleted one may have been a day's only one).
    const rest = (await this.deps.moods.since(userId, 0)).filter((m) => m.id !== moodId);
    const streak = rest.reduce((s, m) => advanceStreak(s, m.recordedAt, m.timeZone).streak, NO_STREAK);
    await this.appendOwn(userId, [moodDelete(moodId, userId, at), moodStreakSave(userId, streak, at)]);
    const view = streakView(streakAsOf(streak, at, mood.timeZone));
    if (showsToFriends(mood.visibility, privacy)) this.deps.rooms.emit(moodRoom(userId), 'mood:friend-removed', { userId, moodId, streak: view, at });
    return { moodId, streak: view };
  }

  /** `mood:streak`: the caller's streak, or another user's where their privacy lets the caller see their moods. */
  async streak(viewerId: string, userId: string = viewerId, timeZone = 'UTC'): Promise<MoodStreakView> {
    await this.assertMaySee(viewerId, userId);
    const stored = (await this.deps.moods.streaks([userId])).get(userId) ?? NO_STREAK;
    return streakView(streakAsOf(stored, this.now(), timeZone));
  }

  /** `mood:history`: the caller's moods, or those another user lets the caller see, newest first. */
  async history(viewerId: string, userId: string = viewerId, before: string | undefined, limit: number): Promise<MoodHistoryPage> {
    const relationship = await this.assertMaySee(viewerId, userId);
    const privacy = relationship === 'self' ? null : await this.privacy(userId);
    const visibilities = privacy === null ? ALL_VISIBILITIES : ALL_VISIBILITIES.filter((v) => canSeeMood(relationship, privacy, v));
    const position = before === undefined ? null : parsePageToken(before, 'mood:history');
    const rows = await this.deps.moods.history(userId, visibilities, position && { recordedAt: position.at, id: position.id }, limit + 1);
    const page = historyPage(rows, limit, (m) => ({ at: m.recordedAt, id: m.id }));
    return { entries: page.items.map(entryOf), next: page.next };
  }

  /** `mood:summary`: insights over the caller's last `days` days, hug lift included. */
  async summary(userId: string, days: SummaryPeriod): Promise<MoodSummaryResult> {
    const now = this.now();
    const from = now - days * 86_400_000;
    const [moods, hugs] = await Promise.all([this.deps.moods.since(userId, from), this.deps.hugsReceived(userId, from - HUG_LIFT_WINDOW_HOURS * 3_600_000)]);
    return summariseMoods(moods.map((m) => ({ at: m.recordedAt, timeZone: m.timeZone, mood: m.mood, intensity: m.intensity, valence: m.valence, tags: m.tags })), hugs, days, now);
  }

  /**
   * Whether `viewerId` may see any of `userId`'s moods: yourself always; a stranger, a blocked user
   * or a friend the privacy shuts out gets `forbidden`, the same whether or not there are moods.
   */
  private async assertMaySee(viewerId: string, userId: string): Promise<Relationship> {
    if (viewerId === userId) return 'self';
    const [relationship, privacy] = await Promise.all([this.deps.relationship(viewerId, userId), this.deps.privacyOf(userId)]);
    if (privacy === null || !canSeeMood(relationship, privacy, 'public')) throw new CommandError('forbidden', 'you may not see these moods');
    return relationship;
  }

  private async ownLive(userId: string, moodId: string): Promise<MoodRecord> {
    const mood = await this.deps.moods.get(moodId, userId);
    if (!mood || mood.deletedAt !== null) throw new CommandError('not_found', 'no such mood of yours', { moodId });
    return mood;
  }

  private async appendOwn(userId: string, operations: readonly WriteOperation[]): Promise<void> {
    const outcome = await this.deps.steps.run({ userId, charges: [{ key: userId, rule: this.deps.moodRule }], append: { operations, deferrable: true } });
    if (outcome.kind === 'rate-limited') throw rateLimited(outcome, MOOD_BUCKET);
  }

  private replayed(mood: MoodRecord, fingerprint: string, streak: MoodStreak): MoodRecordResult {
    if (mood.fingerprint !== fingerprint) throw reusedClientId();
    return { moodId: mood.id, recordedAt: mood.recordedAt, localDate: mood.localDate, streak: streakView(streakAsOf(streak, this.now(), mood.timeZone)), milestone: null };
  }

  private async privacy(userId: string): Promise<PrivacySettings> {
    const privacy = await this.deps.privacyOf(userId);
    if (!privacy) throw new CommandError('not_found', 'no such user', { userId });
    return privacy;
  }

  /** One emit to the author's mood room, when friends may see the mood. */
  private emitUpdate(mood: MoodRecord, privacy: PrivacySettings, streak: MoodStreakView | null, at: number): void {
    if (showsToFriends(mood.visibility, privacy)) this.deps.rooms.emit(moodRoom(mood.userId), 'mood:friend-update', { userId: mood.userId, entry: entryOf(mood), streak, at });
  }
}

function num(v: number | undefined): string | undefined {
  return v === undefined ? undefined : String(v);
}

function reusedClientId(): CommandError {
  return new CommandError('conflict', 'this clientId was used for a different mood', { field: 'clientId' });
}
