import { HUG_KINDS, type HugKindId, type HugTimeline, createTimeline } from '@hugmood/client';
import { useHugAnimation, useHugMoodClient, useHugs } from '@hugmood/react';
import { useState } from 'react';
import { useReducedMotion } from './use-reduced-motion.js';

/** A hug on stage: one received (read when dismissed), or one just sent (played for the sender too). */
export interface StagedHug {
  readonly kind: HugKindId;
  readonly title: string;
  readonly message: string | null;
  readonly timeline: HugTimeline;
  /** Set for a hug received: marked read when dismissed. */
  readonly receivedId?: string;
}

/** A hug just sent, to play on the sender's screen along its kind's curve. */
export function sentHug(kind: HugKindId, to: string): StagedHug {
  const { durationMs, curve } = HUG_KINDS[kind];
  return { kind, title: `You sent ${to} a ${HUG_KINDS[kind].label.toLowerCase()}`, message: null, timeline: createTimeline({ durationMs, curve }, Date.now()) };
}

/** Plays hugs: each that arrives, and each the app stages (one sent): its emoji swells and settles along the kind's intensity curve. */
export function HugStage({ nameOf, staged, onDone }: { readonly nameOf: (userId: string) => string; readonly staged: StagedHug | null; readonly onDone: () => void }) {
  const client = useHugMoodClient();
  const [received, setReceived] = useState<StagedHug | null>(null);
  useHugs({
    onReceived: (hug) =>
      setReceived({ kind: hug.kind, title: `${nameOf(hug.from)} sent you a ${HUG_KINDS[hug.kind].label.toLowerCase()}`, message: hug.message, timeline: hug.timeline, receivedId: hug.id }),
  });
  const playing = received ?? staged;
  const reduced = useReducedMotion();
  const frame = useHugAnimation(playing, { reducedMotion: reduced });

  // Read when dismissed: the sender gets a read receipt.
  const close = () => {
    if (received?.receivedId) void client?.hugs.markRead(received.receivedId).catch(() => undefined);
    if (received) setReceived(null);
    else onDone();
  };

  if (!playing) return null;
  const scale = reduced ? 1 : 0.6 + frame.intensity * 0.9;
  return (
    <div className="hug-stage" role="dialog" aria-modal="false" aria-labelledby="hug-title">
      <div className="hug-card">
        <div className="hug-glow" style={{ opacity: 0.25 + frame.intensity * 0.6 }} aria-hidden="true" />
        <div className="hug-emoji" data-testid="hug-animation" data-intensity={frame.intensity.toFixed(3)} style={{ transform: `scale(${scale.toFixed(3)})` }} aria-hidden="true">
          {HUG_KINDS[playing.kind].emoji}
        </div>
        <p id="hug-title" className="hug-title" aria-live="polite">
          {playing.title}
        </p>
        {playing.message && <p className="hug-message">“{playing.message}”</p>}
        <button type="button" onClick={close} autoFocus>
          {frame.done ? 'Close' : 'Skip'}
        </button>
      </div>
    </div>
  );
}
