import type { GroupHugFrame } from '@hugmood/react';

/**
 * The shared pulse: a ring that swells with the group timeline's curve (the same phase on every
 * participant's screen) and glows with the group's squeeze warmth. Without motion it holds still
 * and only its glow changes.
 */
export function PulseRing({ frame, warmth, reducedMotion }: { readonly frame: GroupHugFrame; readonly warmth: number; readonly reducedMotion: boolean }) {
  const scale = reducedMotion ? 1 : 1 + frame.frame.intensity * 0.35;
  return (
    <div className="ring-wrap" data-testid="pulse-ring" data-phase={frame.phase} data-t={frame.frame.t.toFixed(4)}>
      <svg viewBox="0 0 200 200" aria-hidden="true" className="ring">
        <defs>
          <radialGradient id="ring-glow">
            <stop offset="0%" stopColor="#ff8fb1" stopOpacity={0.15 + warmth * 0.6} />
            <stop offset="100%" stopColor="#ff8fb1" stopOpacity={0} />
          </radialGradient>
        </defs>
        <circle cx="100" cy="100" r="95" fill="url(#ring-glow)" />
        <g style={{ transform: `scale(${scale.toFixed(4)})`, transformOrigin: '100px 100px' }}>
          <circle cx="100" cy="100" r="60" className="ring-line" style={{ strokeWidth: 6 + frame.frame.intensity * 10 }} />
        </g>
      </svg>
    </div>
  );
}
