import type { ArtilleryEvents, ArtilleryScript, FlowItem, ScenarioRunner, ScenarioSpec, VuContext } from './artillery.js';
import { readSeedFile, type SeedFile, UserClaims } from './seed-file.js';
import { isStepName, runStep, STEP_NAMES, type StepScope } from './steps.js';
import { VirtualUser } from './virtual-user.js';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** `{{ name }}` in a string replaced by the scenario variable `name` (a whole-string reference keeps its type). */
function template(value: unknown, vars: Readonly<Record<string, unknown>>): unknown {
  if (typeof value === 'string') {
    const whole = /^\{\{\s*([\w$]+)\s*\}\}$/.exec(value);
    if (whole?.[1] !== undefined) return vars[whole[1]];
    return value.replace(/\{\{\s*([\w$]+)\s*\}\}/g, (_, name: string) => {
      const v = vars[name];
      return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v ?? '');
    });
  }
  if (Array.isArray(value)) return value.map((v) => template(v, vars));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, template(v, vars)]));
  return value;
}

/** `think: 2` (seconds), `think: 0.5`, or `think: "250ms"`. */
function thinkMs(value: unknown): number {
  if (typeof value === 'number' && value >= 0) return value * 1000;
  const match = typeof value === 'string' ? /^(\d+(?:\.\d+)?)(ms|s)?$/.exec(value.trim()) : null;
  if (!match?.[1]) throw new Error(`think: ${JSON.stringify(value)} is not a time (seconds, or "250ms")`);
  return Number(match[1]) * (match[2] === 'ms' ? 1 : 1000);
}

/**
 * artillery's `engine: hugmood`: virtual users on the HugMood SDK. A scenario's flow is a list of
 * steps ({@link STEP_NAMES}), `think`, and `loop` (with `count`). The target's wire format and
 * protocol version are read from `GET /v1/server`; users are the seeded ones (`npm run load`).
 */
export class HugMoodEngine {
  private readonly target: string;
  private seedFile: SeedFile | null = null;
  private claims: UserClaims | null = null;

  constructor(script: ArtilleryScript) {
    const target = script.config.target;
    if (!target) throw new Error('engine hugmood: config.target must be the server URL (npm run load sets it)');
    this.target = target;
  }

  /** The seed, read on first use (artillery constructs engines it may never run). */
  private seed(): { seed: SeedFile; claims: UserClaims } {
    this.seedFile ??= readSeedFile();
    this.claims ??= new UserClaims(this.seedFile);
    return { seed: this.seedFile, claims: this.claims };
  }

  createScenario(spec: ScenarioSpec, events: ArtilleryEvents): ScenarioRunner {
    return (context, done) => {
      events.emit('started');
      const { seed, claims } = this.seed();
      const vu = new VirtualUser(seed, claims, this.target, events);
      this.runFlow(spec.flow, vu, context)
        .then(
          () => done(null, context),
          (error: unknown) => {
            events.emit('error', 'scenario_failed');
            done(error instanceof Error ? error : new Error(String(error)), context);
          },
        )
        .finally(() => vu.close());
    };
  }

  private async runFlow(flow: readonly FlowItem[], vu: VirtualUser, context: VuContext): Promise<void> {
    const scope: StepScope = { vars: context.vars };
    for (const item of flow) {
      const keys = Object.keys(item);
      if ('think' in item) {
        await sleep(thinkMs(template(item['think'], context.vars)));
      } else if ('loop' in item) {
        const count = Number(template(item['count'] ?? 1, context.vars));
        if (!Number.isInteger(count) || count < 0) throw new Error(`loop: count ${JSON.stringify(item['count'])} is not a whole number`);
        const body = item['loop'];
        if (!Array.isArray(body)) throw new Error('loop: must hold a list of steps');
        for (let i = 0; i < count; i += 1) {
          context.vars['$loopCount'] = i;
          await this.runFlow(body as FlowItem[], vu, context);
        }
      } else if (keys.length === 1 && keys[0] !== undefined && isStepName(keys[0])) {
        await runStep(keys[0], template(item[keys[0]], context.vars), vu, scope);
      } else {
        throw new Error(`unknown step ${JSON.stringify(keys)}: a flow item is one of ${[...STEP_NAMES, 'think', 'loop'].join(', ')}`);
      }
    }
  }
}
