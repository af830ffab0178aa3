import { useLayoutEffect, useEffect, useRef, type RefObject } from 'react';

// useLayoutEffect warns when rendered on a server; there, no callback runs anyway.
const useIsomorphicLayoutEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect;

/**
 * A ref that always holds the latest `value`: a listener registered once can call the callback of
 * the latest render without re-subscribing on every render.
 */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useIsomorphicLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
