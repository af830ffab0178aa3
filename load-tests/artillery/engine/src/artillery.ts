/*
 * The few parts of artillery's engine interface the engine uses (artillery 2.0.21,
 * @artilleryio/int-core): artillery requires `artillery-engine-<name>`, constructs it with the
 * script, an event emitter and helpers, and calls `createScenario` once per scenario; the returned
 * function runs one virtual user.
 */

/** The events artillery counts: `histogram` and `counter` go into the report under their names; `error` counts `errors.<name>`. */
export interface ArtilleryEvents {
  emit(event: 'histogram', name: string, value: number): boolean;
  emit(event: 'counter', name: string, value: number): boolean;
  emit(event: 'error', name: string): boolean;
  emit(event: 'started'): boolean;
}

/** One item of a scenario's `flow`. */
export type FlowItem = Readonly<Record<string, unknown>>;

/** A scenario as written in the YAML. */
export interface ScenarioSpec {
  readonly name?: string;
  readonly flow: readonly FlowItem[];
}

/** The script: its `config` (target, phases, our `hugmood` block) and scenarios. */
export interface ArtilleryScript {
  readonly config: { readonly target?: string; readonly hugmood?: Readonly<Record<string, unknown>> };
}

/** A virtual user's context: its variables (from the `before` hook, captures) live in `vars`. */
export interface VuContext {
  vars: Record<string, unknown>;
}

/** Runs one virtual user; artillery passes the context and a node-style callback. */
export type ScenarioRunner = (context: VuContext, done: (error: Error | null, context?: VuContext) => void) => void;
