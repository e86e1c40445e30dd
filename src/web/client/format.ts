// How times, dates and counts read in the app.

/** 75 → "1:15", 3725 → "1:02:05". */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

/** 5400 → "1 h 30 min", 40 → "40 s" (numbers and units kept together by no-break spaces). */
export function duration(seconds: number | null): string {
  if (!seconds) return '';
  if (seconds < 59.5) return `${Math.max(1, Math.round(seconds))}\u00a0s`;
  const min = Math.round(seconds / 60);
  return min >= 60 ? `${Math.floor(min / 60)}\u00a0h ${min % 60}\u00a0min` : `${min}\u00a0min`;
}

export function day(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso.slice(0, 10);
  // No-break spaces: "Sep 14, 2025" never breaks across lines.
  return d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' }).replace(/ /g, '\u00a0');
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? word : many}`;
}

export interface EpisodeName {
  id: string;
  show: string | null;
  number: number | null;
  title: string | null;
}

export function episodeTitle(e: EpisodeName): string {
  return e.title ?? e.id;
}

/** "Field Notes #3" */
export function showLine(e: EpisodeName): string {
  if (e.show && e.number !== null) return `${e.show} #${e.number}`;
  if (e.show) return e.show;
  return e.number !== null ? `#${e.number}` : '';
}
