// Merging what every source says about one episode into the Episode the library shows. Pure.
import type { Episode, EpisodeFragment, EpisodeMeta, Highlight, Turn } from './episode.js';
import { emptySummary } from './episode.js';

export interface SourceFragment {
  path: string;
  format: string;
  fragment: EpisodeFragment;
}

/**
 * How good a transcript is, for choosing an episode's best one: timed over untimed, labelled over unlabelled,
 * then the longer one.
 */
export function transcriptScore(turns: Turn[]): number {
  if (turns.length === 0) return -1;
  let timed = 0;
  let labelled = 0;
  let chars = 0;
  for (const t of turns) {
    chars += t.text.length;
    // Aligned times are nearly as good as the source's own; exact wins a tie.
    if (t.timing === 'exact') timed += t.text.length;
    else if (t.timing === 'aligned') timed += t.text.length * 0.95;
    if (t.speaker !== null) labelled += t.text.length;
  }
  const total = Math.max(chars, 1);
  return (timed / total) * 4 + (labelled / total) * 2 + Math.min(chars / 1e7, 0.5);
}

/** The best of several transcripts by transcriptScore (the first on a tie). */
export function bestTranscript<T extends { turns: Turn[] }>(transcripts: T[]): T | undefined {
  let best: T | undefined;
  let bestScore = -Infinity;
  for (const t of transcripts) {
    const score = transcriptScore(t.turns);
    if (score > bestScore) [best, bestScore] = [t, score];
  }
  return best;
}

/** Metadata precedence: sources with exact-timed transcripts know the episode best, then summaries and highlights. */
function metaRank(s: SourceFragment): number {
  const turns = s.fragment.transcript?.turns ?? [];
  if (turns.length > 0 && turns[0]!.timing === 'exact') return 0;
  if (s.fragment.summary || (s.fragment.highlights?.length ?? 0) > 0) return 1;
  return 2;
}

function first<K extends keyof EpisodeMeta>(metas: EpisodeMeta[], key: K): EpisodeMeta[K] | undefined {
  for (const meta of metas) {
    const value = meta[key];
    if (value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0)) return value;
  }
  return undefined;
}

function byStart(a: Highlight, b: Highlight): number {
  return (a.start ?? Infinity) - (b.start ?? Infinity);
}

/**
 * A title for an episode no source names, from its first file's name ("tinkering-hour-13_sourdough.srt" →
 * "Tinkering hour 13 sourdough"). Display only: it never identifies the episode.
 */
function titleFromFileName(path: string | undefined): string | null {
  const stem = path?.split(/[\\/]/).pop()?.replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' ').trim();
  if (!stem || !/\p{L}/u.test(stem)) return null;
  return stem[0]!.toUpperCase() + stem.slice(1);
}

/** Merges the fragments of all of an episode's sources. Sources are taken in a stable order (by path). */
export function mergeEpisode(id: string, sources: SourceFragment[]): Episode {
  const ordered = [...sources].sort((a, b) => metaRank(a) - metaRank(b) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const metas = ordered.map((s) => s.fragment.meta);

  const transcripts = ordered
    .filter((s) => (s.fragment.transcript?.turns.length ?? 0) > 0)
    .map((s) => ({ source: s.path, turns: s.fragment.transcript!.turns }));
  const best = bestTranscript(transcripts);
  const bestSource = best ? ordered.find((s) => s.path === best.source) : undefined;

  // Chapters are one outline: take the fullest given outline rather than mixing two sources' chapters.
  const chapterSource = [...ordered].sort((a, b) => (b.fragment.chapters?.length ?? 0) - (a.fragment.chapters?.length ?? 0))[0];
  const summary = emptySummary();
  let overview: string | null = null;
  for (const s of ordered) {
    const sm = s.fragment.summary;
    if (!sm) continue;
    summary.insights.push(...sm.insights);
    summary.sections.push(...sm.sections);
    summary.mentions.push(...sm.mentions);
    summary.questions.push(...sm.questions);
    overview ??= sm.overview ?? null;
  }

  const lastEnd = best?.turns.reduce((m, t) => Math.max(m, t.end), 0);
  const durations = metas.map((m) => m.duration).filter((d): d is number => typeof d === 'number');
  const duration = durations.length > 0 ? Math.max(...durations) : lastEnd && lastEnd > 0 ? lastEnd : null;
  const speakers = bestSource?.fragment.speakers ?? ordered.find((s) => s.fragment.speakers?.length)?.fragment.speakers ?? [];

  return {
    id,
    show: first(metas, 'show') ?? null,
    number: first(metas, 'number') ?? null,
    title: first(metas, 'title') ?? titleFromFileName(ordered[0]?.path),
    guests: first(metas, 'guests') ?? [],
    published: first(metas, 'published') ?? null,
    youtubeId: first(metas, 'youtubeId') ?? null,
    mediaUrl: first(metas, 'mediaUrl') ?? null,
    duration,
    language: (bestSource?.fragment.meta.language ?? first(metas, 'language')) ?? null,
    sourceUrls: [...new Set(metas.flatMap((m) => m.sourceUrls ?? []))],
    description: first(metas, 'description') ?? null,
    sources: ordered.map((s) => ({ path: s.path, format: s.format })),
    speakers,
    chapters: chapterSource?.fragment.chapters ?? [],
    turns: best?.turns ?? [],
    transcripts,
    highlights: ordered.flatMap((s) => s.fragment.highlights ?? []).sort(byStart),
    insights: summary.insights,
    sections: summary.sections,
    mentions: summary.mentions,
    questions: summary.questions,
    overview,
    moments: [],
    ads: [],
    corrections: [],
    enrichment: [],
  };
}
