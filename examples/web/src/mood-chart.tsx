import { MOODS, type MoodEntry, type MoodId } from '@hugmood/client';

const DAY_MS = 86_400_000;

interface Day {
  readonly date: string;
  readonly count: number;
  /** Average valence, −1..1. */
  readonly valence: number;
  readonly mood: MoodId | null;
}

/** The last `days` local dates, oldest first, with the moods recorded on each. */
export function daysOf(entries: readonly MoodEntry[], days: number, now = Date.now()): Day[] {
  const byDate = new Map<string, MoodEntry[]>();
  for (const entry of entries) byDate.set(entry.localDate, [...(byDate.get(entry.localDate) ?? []), entry]);
  const out: Day[] = [];
  for (let i = days - 1; i >= 0; i -= 1) {
    const date = new Date(now - i * DAY_MS).toLocaleDateString('en-CA');
    const moods = byDate.get(date) ?? [];
    const counts = new Map<MoodId, number>();
    for (const m of moods) counts.set(m.mood, (counts.get(m.mood) ?? 0) + 1);
    const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
    out.push({ date, count: moods.length, valence: moods.length ? moods.reduce((sum, m) => sum + m.valence, 0) / moods.length : 0, mood: top });
  }
  return out;
}

/** Thirty days at a glance: one bar a day, as tall as the day was pleasant, coloured by its most frequent mood. */
export function MoodChart({ entries }: { readonly entries: readonly MoodEntry[] }) {
  const days = daysOf(entries, 30);
  const recorded = days.filter((d) => d.count > 0);
  const width = 300;
  const height = 80;
  const bar = width / days.length;
  const label = recorded.length === 0 ? 'No moods in the last 30 days yet.' : `Moods on ${recorded.length} of the last 30 days.`;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} preserveAspectRatio="none">
        <line x1="0" x2={width} y1={height / 2} y2={height / 2} className="chart-axis" />
        {days.map((day, i) => {
          if (day.count === 0) return <rect key={day.date} x={i * bar + 1} y={height / 2 - 1} width={bar - 2} height={2} className="chart-empty" />;
          const h = Math.max(6, ((day.valence + 1) / 2) * (height - 4));
          return (
            <rect key={day.date} x={i * bar + 1} y={height - h} width={bar - 2} height={h} rx={2} fill={day.mood ? MOODS[day.mood].colour : '#999'}>
              <title>{`${day.date}: ${day.count} mood${day.count === 1 ? '' : 's'}${day.mood ? `, mostly ${MOODS[day.mood].label.toLowerCase()}` : ''}`}</title>
            </rect>
          );
        })}
      </svg>
      <figcaption>{label}</figcaption>
    </figure>
  );
}
