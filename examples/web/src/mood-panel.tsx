import { MOODS, MOOD_IDS, type MoodId } from '@hugmood/client';
import { useMoods } from '@hugmood/react';
import { type CSSProperties, useState } from 'react';
import { MoodChart } from './mood-chart.js';

/** Record how you feel; your streak and the last 30 days. */
export function MoodPanel({ onToast }: { readonly onToast: (message: string) => void }) {
  const { history, streak, summary, record } = useMoods({ summaryDays: 30, historyLimit: 100 });
  const top = Object.entries(summary?.counts ?? {})
    .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
    .slice(0, 3) as [MoodId, number][];
  const [mood, setMood] = useState<MoodId | null>(null);
  const [intensity, setIntensity] = useState(0.6);
  const [busy, setBusy] = useState(false);
  const save = () => {
    if (!mood) return;
    setBusy(true);
    record(mood, { intensity })
      .then(() => {
        onToast(`${MOODS[mood].emoji} Mood saved`);
        setMood(null);
      })
      .catch((error: unknown) => onToast(error instanceof Error ? error.message : String(error)))
      .finally(() => setBusy(false));
  };
  const current = streak?.current ?? 0;
  return (
    <section className="panel" aria-labelledby="mood-title">
      <div className="panel-head">
        <h2 id="mood-title">How are you feeling?</h2>
        <p className="streak" data-testid="streak" aria-label={`${current}-day streak`}>
          <span aria-hidden="true">🔥</span> {current} {current === 1 ? 'day' : 'days'}
        </p>
      </div>
      <div className="mood-grid" role="radiogroup" aria-label="Mood">
        {MOOD_IDS.map((id) => (
          <button key={id} type="button" role="radio" aria-checked={mood === id} className="mood-choice" style={{ '--mood': MOODS[id].colour } as CSSProperties} onClick={() => setMood(id)}>
            <span aria-hidden="true">{MOODS[id].emoji}</span>
            <span>{MOODS[id].label}</span>
          </button>
        ))}
      </div>
      <div className="mood-save">
        <label>
          How strongly? <output>{Math.round(intensity * 100)}%</output>
          <input type="range" min={0} max={1} step={0.05} value={intensity} onChange={(e) => setIntensity(Number(e.target.value))} />
        </label>
        <button type="button" className="primary" disabled={!mood || busy} onClick={save}>
          Save mood
        </button>
      </div>
      <h3>Last 30 days</h3>
      <MoodChart entries={history} />
      {top.length > 0 && (
        <p className="hint" data-testid="mood-summary">
          Mostly {top.map(([id, count]) => `${MOODS[id].emoji} ${MOODS[id].label.toLowerCase()} ×${count}`).join(' · ')}
        </p>
      )}
    </section>
  );
}
