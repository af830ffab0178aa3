import { useEffect, useState } from 'react';

type FrameRequester = (callback: () => void) => () => void;

/** requestAnimationFrame where there is one (browsers, React Native), else a 16 ms timer. */
const requestFrame: FrameRequester = (callback) => {
  const raf = (globalThis as { requestAnimationFrame?: (cb: () => void) => number; cancelAnimationFrame?: (id: number) => void }).requestAnimationFrame;
  if (raf) {
    const id = raf(callback);
    return () => (globalThis as { cancelAnimationFrame?: (id: number) => void }).cancelAnimationFrame?.(id);
  }
  const timer = setTimeout(callback, 16);
  return () => clearTimeout(timer);
};

/** Every `everyMs` instead of every frame (reduced motion). */
const requestTick = (everyMs: number): FrameRequester => (callback) => {
  const timer = setTimeout(callback, everyMs);
  return () => clearTimeout(timer);
};

/** Whether two dependency lists hold the same values. */
function sameDeps(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, i) => Object.is(value, b[i]));
}

/**
 * `compute()` as state, recomputed on every animation frame (or every `everyMs`) while `running`
 * is true, and once more after it stops. A render whose `deps` changed computes afresh at once (never
 * one frame of the previous animation). Renders on a server with the first value and starts no loop
 * there.
 */
export function useAnimationFrame<T>(compute: () => T, running: boolean, deps: readonly unknown[], everyMs?: number): T {
  const [state, setState] = useState(() => ({ deps, value: compute() }));
  const value = sameDeps(state.deps, deps) ? state.value : compute();
  useEffect(() => {
    setState({ deps, value: compute() });
    if (!running) return undefined;
    const request = everyMs === undefined ? requestFrame : requestTick(everyMs);
    let cancel = (): void => undefined;
    const tick = () => {
      setState({ deps, value: compute() });
      cancel = request(tick);
    };
    cancel = request(tick);
    return () => cancel();
    // `compute` is new on every render; the caller names what it depends on in `deps`.
  }, [running, everyMs, ...deps]);
  return value;
}
