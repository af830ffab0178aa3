import { z } from 'zod';
import { HUG_KIND_IDS } from '../../../../protocol/hug-kinds.js';
import { MOOD_IDS } from '../../../../protocol/mood-catalogue.js';
import { groupIdSchema } from '../../../../protocol/schemas/group-hugs.js';
import { moodVisibilitySchema } from '../../../../protocol/schemas/moods.js';
import { deviceStatusSchema } from '../../../../protocol/schemas/presence.js';
import type { VirtualUser } from './virtual-user.js';

const ms = z.number().int().positive();
const hugKind = z.enum(HUG_KIND_IDS);
const mood = z.enum(MOOD_IDS);
// From `createGroupHug` in the before hook: "{{ groupId }}".
const groupId = groupIdSchema;

/**
 * Every step a `hugmood` scenario may use, with the schema of its arguments (checked before the
 * step runs: a typo in the YAML fails the virtual user with a message naming the step and field).
 */
const STEP_ARGS = {
  /** Claims a seeded user (`user`: that index, e.g. 0 for the hub) and connects within `timeoutMs`. */
  connect: z.object({ user: z.number().int().min(0).optional(), timeoutMs: ms.default(10_000) }).strict(),
  /** Watches the presence of every friend (the snapshot, then updates). */
  watchFriends: z.object({}).strict(),
  /** Sets this device's status (and activity). */
  setPresence: z.object({ status: deviceStatusSchema, activity: z.string().max(100).nullable().default(null) }).strict(),
  /** Sends a hug to a friend: the seeded partner (`first`) or a random one. */
  sendHug: z.object({ to: z.enum(['first-friend', 'random-friend']).default('first-friend'), kind: hugKind.default('warm'), message: z.string().max(200).optional() }).strict(),
  /** Waits until this user got `count` hugs in all (live or by inbox sync). */
  waitForHugs: z.object({ count: z.number().int().min(1), timeoutMs: ms.default(10_000) }).strict(),
  /** Records a mood (friends listening hear it live). */
  recordMood: z.object({ mood: mood.default('calm'), intensity: z.number().min(0).max(1).default(0.6), visibility: moodVisibilitySchema.default('friends') }).strict(),
  /** Listens to friends' moods: the snapshot (`mood:friends`), then `mood:friend-update` live. */
  listenToFriendMoods: z.object({}).strict(),
  /**
   * Creates a group hug inviting every friend, starting by itself `startInMs` from now (server
   * time), and sets the scenario variable `groupId` (in a `before` hook, every virtual user gets it).
   */
  createGroupHug: z.object({ title: z.string().min(1).max(80).default('load test'), startInMs: ms.default(30_000), durationMs: ms.default(30_000) }).strict(),
  /** Joins the group hug `groupId`; pulses are measured from then on. */
  joinGroupHug: z.object({ groupId }).strict(),
  /** Waits until the joined group hug is live (at most `timeoutMs`). */
  waitForGroupLive: z.object({ timeoutMs: ms.default(60_000) }).strict(),
  /** One squeeze of the joined group hug. */
  squeeze: z.object({ intensity: z.number().min(0).max(1).default(0.8) }).strict(),
  /** Closes the connection and frees the seeded user. */
  disconnect: z.object({}).strict(),
} as const;

/** The name of a step. */
export type StepName = keyof typeof STEP_ARGS;

type Args<N extends StepName> = z.output<(typeof STEP_ARGS)[N]>;

/** What a step may read and set besides the user: the scenario's variables. */
export interface StepScope {
  readonly vars: Record<string, unknown>;
}

const STEPS: { readonly [N in StepName]: (vu: VirtualUser, args: Args<N>, scope: StepScope) => Promise<void> } = {
  connect: (vu, args) => vu.connect(args),
  watchFriends: async (vu) => {
    await vu.timed('presence:watch', () => vu.connected.presence.watchFriends());
  },
  setPresence: async (vu, args) => {
    await vu.timed('presence:set', () => vu.connected.presence.setStatus(args.status, args.activity));
  },
  sendHug: async (vu, args) => {
    const to = args.to === 'first-friend' ? vu.friends[0] : vu.friends[Math.floor(Math.random() * vu.friends.length)];
    if (!to) throw new Error(`seeded user ${vu.index} has no friends to hug: seed friendships`);
    await vu.timed('hug:send', () => vu.connected.hugs.send(to, { kind: args.kind, ...(args.message === undefined ? {} : { message: args.message }) }));
  },
  waitForHugs: (vu, args) => vu.waitForHugs(args.count, args.timeoutMs),
  recordMood: async (vu, args) => {
    await vu.timed('mood:record', () => vu.connected.moods.record(args.mood, { intensity: args.intensity, visibility: args.visibility }));
  },
  listenToFriendMoods: async (vu) => {
    await vu.timed('mood:friends', () => vu.connected.moods.friends());
  },
  createGroupHug: async (vu, args, scope) => {
    const client = vu.connected;
    const group = await vu.timed('group:create', () => client.groupHugs.create({ title: args.title, invitees: vu.friends, scheduledAt: client.clock.now() + args.startInMs, durationMs: args.durationMs }));
    if (!group) throw new Error('group:create was refused (see errors.*)');
    scope.vars['groupId'] = group.id;
    vu.group = group;
  },
  joinGroupHug: async (vu, args) => {
    const client = vu.connected;
    const group = await vu.timed('group:join', () => client.groupHugs.join(args.groupId));
    if (!group) return;
    vu.group = group;
    group.on('pulse', (pulse) => vu.events.emit('histogram', 'hugmood.delivery.pulse', Math.max(0, client.clock.now() - pulse.t)));
    group.on('complete', () => vu.events.emit('counter', 'hugmood.group.completed', 1));
  },
  waitForGroupLive: async (vu, args) => {
    const group = vu.group;
    if (!group) throw new Error('waitForGroupLive needs joinGroupHug first');
    const deadline = Date.now() + args.timeoutMs;
    while (group.timeline?.phaseAt() !== 'live') {
      if (Date.now() > deadline) {
        vu.events.emit('error', 'group_not_live');
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(100, Math.max(1, group.timeline?.msUntilStart() ?? 100))));
    }
  },
  squeeze: async (vu, args) => {
    const group = vu.group;
    if (!group) throw new Error('squeeze needs joinGroupHug first');
    await vu.timed('group:squeeze', () => group.squeeze(args.intensity));
  },
  disconnect: (vu) => {
    vu.close();
    return Promise.resolve();
  },
};

/** Whether `name` is a step of ours. */
export function isStepName(name: string): name is StepName {
  return Object.hasOwn(STEP_ARGS, name);
}

/** The step names, for error messages. */
export const STEP_NAMES = Object.keys(STEP_ARGS) as StepName[];

/** Checks `raw` against the step's schema and runs it. */
export async function runStep<N extends StepName>(name: N, raw: unknown, vu: VirtualUser, scope: StepScope): Promise<void> {
  const parsed = STEP_ARGS[name].safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`step ${name}: ${issue ? `${issue.path.join('.') || 'arguments'}: ${issue.message}` : 'invalid arguments'}`);
  }
  const step = STEPS[name] as (vu: VirtualUser, args: unknown, scope: StepScope) => Promise<void>;
  await step(vu, parsed.data, scope);
}
