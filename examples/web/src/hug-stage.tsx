import { HUG_KINDS, type ReceivedHug } from '@hugmood/client';
import { useHugAnimation, useHugMoodClient, useHugs } from '@hugmood/react';
import { useState } from 'react';
import { useReducedMotion } from './use-reduced-motion.js';

/** Plays each hug that arrives: its emoji swells and settles along the hug kind's intensity curve. */
export function HugStage({ nameOf }: { readonly nameOf: (userId: string) => string }) {
  const client = useHugMoodClient();
  const [playing, setPlaying] = useState<ReceivedHug | null>(null);
  useHugs({ onReceived: (hug) => setPlaying(hug) });
  const reduced = useReducedMotion();
  const frame = useHugAnimation(playing, { reducedMotion: reduced });

  // Read when dismissed: the sender gets a read receipt.
  const close = () => {
    if (playing) void client?.hugs.markRead(playing.id).catch(() => undefined);
    setPlaying(null);
  };

  if (!playing) return null;
  const kind = HUG_KINDS[playing.kind];
  const scale = reduced ? 1 : 0.6 + frame.intensity * 0.9;
  return (
    <div className="hug-stage" role="dialog" aria-modal="false" aria-labelledby="hug-title">
      <div className="hug-card">
        <div className="hug-glow" style={{ opacity: 0.25 + frame.intensity * 0.6 }} aria-hidden="true" />
        <div className="hug-emoji" data-testid="hug-animation" data-intensity={frame.intensity.toFixed(3)} style={{ transform: `scale(${scale.toFixed(3)})` }} aria-hidden="true">
          {kind.emoji}
        </div>
        <p id="hug-title" className="hug-title" aria-live="polite">
          {nameOf(playing.from)} sent you a {kind.label.toLowerCase()}
        </p>
        {playing.message && <p className="hug-message">“{playing.message}”</p>}
        <button type="button" onClick={close} autoFocus>
          {frame.done ? 'Close' : 'Skip'}
        </button>
      </div>
    </div>
  );
}
