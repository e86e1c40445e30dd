// Passages: the spans of a transcript a person can land on. Pure.
import type { Chapter, Timing, Turn } from '../model/episode.js';

export interface Passage {
  start: number;
  end: number;
  /** The weakest timing among the passage's turns. */
  timing: Timing;
  /** Speakers in order of appearance; empty when unknown. */
  speakers: string[];
  /** The speaker who says most of the passage, or null. */
  speaker: string | null;
  text: string;
  /** Title of the chapter the passage starts in, if any. */
  chapter: string | null;
}

export interface PassageOptions {
  /** Aim for passages this long, in seconds. */
  target: number;
  /** Never longer than this (a longer turn is cut at sentences). */
  max: number;
  /** Do not end a passage before this, unless the transcript ends. */
  min: number;
}

/**
 * 40-second passages (20-60 s), chosen on the dev queries: 20-30 s passages split the words a query remembers
 * across two results, 60 s ones bury the moment. See README "Search".
 */
export const PASSAGE_OPTIONS: PassageOptions = { target: 40, max: 60, min: 20 };

interface Piece {
  start: number;
  end: number;
  timing: Timing;
  speaker: string | null;
  text: string;
  /** Whether a passage may end after this piece without cutting a sentence. */
  sentenceEnd: boolean;
}

const TIMING_RANK: Record<Timing, number> = { exact: 0, aligned: 1, estimated: 2 };

/** Turns longer than `max` cut at sentence ends, each piece timed in proportion to its length. */
function pieces(turns: readonly Turn[], max: number): Piece[] {
  const out: Piece[] = [];
  for (const t of turns) {
    const text = t.text.trim();
    if (!text) continue;
    const duration = Math.max(t.end - t.start, 0);
    if (duration <= max || text.length < 400) {
      out.push({ start: t.start, end: t.end, timing: t.timing, speaker: t.speaker, text, sentenceEnd: /[.!?…]["”’)\]]?$/.test(text) });
      continue;
    }
    const sentences = text.match(/[^.!?…]+(?:[.!?…]+["”’)\]]?|$)\s*/g) ?? [text];
    const perChar = duration / text.length;
    let at = t.start;
    let buffer = '';
    let bufferStart = at;
    const chunkChars = Math.max(200, Math.floor((max / 2) / Math.max(perChar, 1e-6)));
    for (const sentence of sentences) {
      buffer += sentence;
      at += sentence.length * perChar;
      if (buffer.length >= chunkChars) {
        out.push({ start: round(bufferStart), end: round(at), timing: t.timing, speaker: t.speaker, text: buffer.trim(), sentenceEnd: true });
        buffer = '';
        bufferStart = at;
      }
    }
    if (buffer.trim()) out.push({ start: round(bufferStart), end: t.end, timing: t.timing, speaker: t.speaker, text: buffer.trim(), sentenceEnd: true });
  }
  return out;
}

/**
 * Groups a transcript into passages aligned to turn and sentence boundaries: a passage grows until it reaches the
 * target length and ends at a sentence end or a change of speaker, or is cut at the maximum.
 */
export function buildPassages(turns: readonly Turn[], chapters: readonly Chapter[] = [], options: PassageOptions = PASSAGE_OPTIONS): Passage[] {
  const all = pieces(turns, options.max);
  const sortedChapters = [...chapters].sort((a, b) => a.start - b.start);
  const passages: Passage[] = [];
  let group: Piece[] = [];

  const flush = () => {
    if (group.length === 0) return;
    const start = group[0]!.start;
    const end = Math.max(...group.map((p) => p.end));
    const speakers: string[] = [];
    const spoken = new Map<string, number>();
    let timing: Timing = 'exact';
    for (const p of group) {
      if (p.speaker !== null) {
        if (!speakers.includes(p.speaker)) speakers.push(p.speaker);
        spoken.set(p.speaker, (spoken.get(p.speaker) ?? 0) + p.text.length);
      }
      if (TIMING_RANK[p.timing] > TIMING_RANK[timing]) timing = p.timing;
    }
    let speaker: string | null = null;
    for (const [name, chars] of spoken) if (speaker === null || chars > spoken.get(speaker)!) speaker = name;
    let chapter: string | null = null;
    for (const c of sortedChapters) if (c.start <= start + 1) chapter = c.title;
    passages.push({ start, end, timing, speakers, speaker, text: group.map((p) => p.text).join(' '), chapter });
    group = [];
  };

  for (let i = 0; i < all.length; i++) {
    const piece = all[i]!;
    if (group.length > 0 && piece.end - group[0]!.start > options.max) flush();
    group.push(piece);
    const length = piece.end - group[0]!.start;
    const next = all[i + 1];
    const speakerChanges = next !== undefined && next.speaker !== piece.speaker;
    if (length >= options.target && (piece.sentenceEnd || speakerChanges)) flush();
    else if (length >= options.min && speakerChanges && next !== undefined && next.end - group[0]!.start > options.max) flush();
  }
  flush();
  return passages;
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
