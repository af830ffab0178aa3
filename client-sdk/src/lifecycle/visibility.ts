import type { Unsubscribe } from '../emitter.js';
import type { AppState } from '../presence/presence.js';

interface VisibilityDocument {
  readonly visibilityState: string;
  addEventListener(type: 'visibilitychange', listener: () => void): void;
  removeEventListener(type: 'visibilitychange', listener: () => void): void;
}

/**
 * In a browser, calls `onChange` with `background` when the page is hidden (another tab, a
 * minimised window, a locked phone) and `active` when it shows again, starting with the state it
 * is in now. Elsewhere (Node, React Native) does nothing.
 */
export function followVisibility(onChange: (state: AppState) => void): Unsubscribe {
  const doc = (globalThis as { document?: Partial<VisibilityDocument> }).document;
  if (!doc || typeof doc.addEventListener !== 'function' || typeof doc.visibilityState !== 'string') return () => undefined;
  const page = doc as VisibilityDocument;
  const report = () => onChange(page.visibilityState === 'hidden' ? 'background' : 'active');
  page.addEventListener('visibilitychange', report);
  if (page.visibilityState === 'hidden') report();
  return () => page.removeEventListener('visibilitychange', report);
}
