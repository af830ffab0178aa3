import type { GroupHugSummary, GroupHugView } from '../../../protocol/types/group-hugs.js';
import type { GroupPulseEvent, GroupStateEvent } from '../../../protocol/server-events.js';
import { Emitter, type Unsubscribe } from '../emitter.js';
import type { Logger } from '../logger.js';
import { createGroupTimeline, type GroupTimeline } from './group-timeline.js';

/** What a {@link GroupHug} handle reports. */
export interface GroupHugEvents {
  /** The state changed (a diff applied, or a fresh snapshot). */
  change: [state: GroupHugView];
  /** The group's shared squeeze, at most 10 times a second while live. */
  pulse: [pulse: GroupPulseEvent];
  /** The live part ended; the summary is in everyone's history too. */
  complete: [summary: GroupHugSummary];
}

/** What a handle needs from the API that made it. @internal */
export interface GroupHugLink {
  readonly clockNow: () => number;
  readonly refresh: (groupId: string) => void;
  readonly squeeze: (groupId: string, intensity: number) => Promise<void>;
  readonly logger: Logger;
}

function withoutIds(list: readonly string[], ids: readonly string[] | undefined): readonly string[] {
  return ids && ids.length > 0 ? list.filter((id) => !ids.includes(id)) : list;
}

function withIds(list: readonly string[], ids: readonly string[] | undefined): readonly string[] {
  return ids && ids.length > 0 ? [...list, ...ids.filter((id) => !list.includes(id))] : list;
}

/**
 * One group hug as this client sees it: observable state kept current from the server's diffs, its
 * shared timeline, and its pulses. Get one from `client.groupHugs.create()`, `join()` or `get()`.
 *
 * @example
 * ```ts
 * const group = await client.groupHugs.join(invite.groupId);
 * group.on('change', (state) => render(state.participants, state.phase));
 * group.on('pulse', ({ warmth }) => glow(warmth));
 * group.on('complete', (summary) => showThanks(summary));
 * ```
 */
export class GroupHug {
  private view: GroupHugView;
  private readonly events: Emitter<GroupHugEvents>;
  private latest: GroupPulseEvent | null = null;
  private ended: GroupHugSummary | null = null;
  /** Whether a diff changed the members without naming them since the last snapshot. */
  private listsStale = false;
  /** @internal Whether this client joined (created or joined, and did not leave): rejoined after reconnects. */
  member = false;

  /** @internal */
  constructor(
    initial: GroupHugView,
    private readonly link: GroupHugLink,
  ) {
    this.view = initial;
    this.events = new Emitter((error) => link.logger.error('a group hug listener threw', { error }));
  }

  /** The group hug's id. */
  get id(): string {
    return this.view.id;
  }

  /**
   * The current state: phase, participants, invitees, `startsAt`, version. `participantCount` is
   * always current; in a group hug of more than `GROUP_LISTED_PARTICIPANTS` (100) participants the
   * member lists are as of the last snapshot (`client.groupHugs.get(id)` reads them again).
   * @example
   * ```ts
   * if (group.state.phase === 'gathering') showWaitingRoom(group.state.participants);
   * ```
   */
  get state(): GroupHugView {
    return this.view;
  }

  /**
   * The shared timeline, once the countdown fixed `startsAt` (`null` before).
   * @example
   * ```ts
   * const phase = group.timeline?.phaseAt(); // 'countdown' | 'live' | 'ended'
   * ```
   */
  get timeline(): GroupTimeline | null {
    const { startsAt, durationMs, curve } = this.view;
    return startsAt === null ? null : createGroupTimeline(startsAt, durationMs, curve, this.link.clockNow);
  }

  /**
   * The last pulse received, if any.
   * @example
   * ```ts
   * const warmth = group.lastPulse?.warmth ?? 0;
   * ```
   */
  get lastPulse(): GroupPulseEvent | null {
    return this.latest;
  }

  /**
   * The summary, once this client heard the live part end (`null` before).
   * @example
   * ```ts
   * const peak = group.summary?.peakWarmth;
   * ```
   */
  get summary(): GroupHugSummary | null {
    return this.ended;
  }

  /**
   * Whether this client joined (created it, or joined and did not leave). The SDK rejoins such
   * group hugs after every reconnect.
   * @example
   * ```ts
   * if (!group.joined) await client.groupHugs.join(group.id);
   * ```
   */
  get joined(): boolean {
    return this.member;
  }

  /**
   * Listens for changes, pulses and the end.
   * @example
   * ```ts
   * const off = group.on('pulse', (p) => glow(p.warmth));
   * ```
   */
  on<K extends keyof GroupHugEvents>(event: K, listener: (...args: GroupHugEvents[K]) => void): Unsubscribe {
    return this.events.on(event, listener);
  }

  /**
   * One squeeze while live, `intensity` 0..1 (e.g. from pressure or a long press). Taps are
   * gathered into the group's pulse.
   * @example
   * ```ts
   * button.onpointerdown = () => void group.squeeze(0.8);
   * ```
   */
  squeeze(intensity: number): Promise<void> {
    return this.link.squeeze(this.id, intensity);
  }

  /** @internal Resolves `true` once the state reaches `version`, or `false` after `timeoutMs`. */
  reached(version: number, timeoutMs: number): Promise<boolean> {
    if (this.view.version >= version) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (ok: boolean) => {
        clearTimeout(timer);
        off();
        resolve(ok);
      };
      const timer = setTimeout(() => done(false), timeoutMs);
      const off = this.events.on('change', (state) => {
        if (state.version >= version) done(true);
      });
    });
  }

  /** @internal A full snapshot from the server replaces the state if it is not older. */
  replace(view: GroupHugView): void {
    if (view.version < this.view.version) return;
    this.listsStale = false;
    const changed = view.version !== this.view.version || view.phase !== this.view.phase;
    this.view = view;
    if (changed) this.events.emit('change', view);
  }

  /**
   * @internal Applies a diff that starts at this version; on a gap it asks for a fresh snapshot.
   * Diffs of a large group hug carry the participant count only, so the lists stay as the last
   * snapshot had them; once diffs name members again (the group shrank) the lists are read afresh.
   */
  apply(diff: GroupStateEvent): void {
    if (diff.version <= this.view.version) return;
    if (diff.fromVersion !== this.view.version) {
      this.link.refresh(this.id);
      return;
    }
    const v = this.view;
    const named = diff.joined !== undefined || diff.left !== undefined;
    const refresh = named && this.listsStale;
    // Members changed and nobody was named (a large group): the lists are as of the last snapshot.
    if (diff.participantCount !== undefined && !named) this.listsStale = true;
    this.view = {
      ...v,
      version: diff.version,
      phase: diff.phase ?? v.phase,
      startsAt: diff.startsAt ?? v.startsAt,
      endedAt: diff.endedAt ?? v.endedAt,
      cancelReason: diff.cancelReason ?? v.cancelReason,
      participants: withIds(withoutIds(v.participants, diff.left), diff.joined),
      participantCount: diff.participantCount ?? v.participantCount,
      invited: withIds(withoutIds(withoutIds(v.invited, diff.joined), diff.declined), diff.invited),
      declined: withIds(withoutIds(withoutIds(v.declined, diff.joined), diff.invited), diff.declined),
    };
    this.events.emit('change', this.view);
    if (refresh) this.link.refresh(this.id);
  }

  /** @internal */
  pulse(event: GroupPulseEvent): void {
    this.latest = event;
    this.events.emit('pulse', event);
  }

  /** @internal */
  complete(summary: GroupHugSummary): void {
    this.ended = summary;
    this.events.emit('complete', summary);
  }
}
