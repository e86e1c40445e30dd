// Keyphrases: the few words that say what a stretch of conversation is about, for chapter and moment titles. Pure.
import { isStopword, stem, words } from '../text/words.js';

export interface Keyphrase {
  /** As spoken (most frequent surface form), e.g. "neural networks". */
  phrase: string;
  score: number;
}

/** How common each stem is across the segments of an episode (or any collection). */
export interface TermStats {
  /** Stem → number of segments containing it. */
  df: Map<string, number>;
  segments: number;
}

export function termStats(segments: readonly string[]): TermStats {
  const df = new Map<string, number>();
  for (const segment of segments) {
    for (const s of new Set(words(segment).filter((w) => !isStopword(w)).map(stem))) df.set(s, (df.get(s) ?? 0) + 1);
  }
  return { df, segments: segments.length };
}

/** Words too vague to title anything, even when frequent in a passage. */
const VAGUE = new Set(
  'people time way thing things lot kind sort idea ideas question questions point sense part fact case world life day years year today something everything anything nothing someone everyone guy guys stuff bit reason example course place end number actually basically probably obviously literally certainly definitely exactly totally pretty gonna talk talking think thinking know knowing mean means say saying said go going get getting make making want wanted see look looking feel feeling like really good great right yeah okay sure little big different important interesting hard able true whole'.split(
    ' ',
  ),
);

const MAX_WORDS = 3;

/**
 * Ranks candidate phrases (runs of one to three content words between stopwords and punctuation) by how much more
 * they belong to `text` than to the background: tf × idf summed over their words, favouring repeated phrases.
 */
export function keyphrases(text: string, options: { background?: TermStats; max?: number } = {}): Keyphrase[] {
  const max = options.max ?? 5;
  const bg = options.background;
  const idf = (s: string) => (bg ? Math.log((bg.segments + 1) / ((bg.df.get(s) ?? 0) + 1)) + 1 : 1);
  const chunks = text.split(/[.,;:!?…()\[\]"“”—–]+|\s-\s/);
  const tf = new Map<string, number>();
  const candidates: { key: string; surface: string; stems: string[] }[] = [];
  for (const chunk of chunks) {
    let run: { word: string; stem: string }[] = [];
    const flush = () => {
      for (let len = 1; len <= MAX_WORDS; len++) {
        for (let i = 0; i + len <= run.length; i++) {
          const part = run.slice(i, i + len);
          if (VAGUE.has(part[0]!.word) || VAGUE.has(part[len - 1]!.word)) continue;
          candidates.push({ key: part.map((p) => p.stem).join(' '), surface: part.map((p) => p.word).join(' '), stems: part.map((p) => p.stem) });
        }
      }
      run = [];
    };
    for (const w of words(chunk)) {
      if (isStopword(w) || /^\d+$/.test(w) || w.length < 3) {
        flush();
        continue;
      }
      const s = stem(w);
      tf.set(s, (tf.get(s) ?? 0) + 1);
      run.push({ word: w, stem: s });
    }
    flush();
  }
  const byKey = new Map<string, { count: number; surfaces: Map<string, number>; stems: string[] }>();
  for (const c of candidates) {
    let entry = byKey.get(c.key);
    if (!entry) byKey.set(c.key, (entry = { count: 0, surfaces: new Map(), stems: c.stems }));
    entry.count++;
    entry.surfaces.set(c.surface, (entry.surfaces.get(c.surface) ?? 0) + 1);
  }
  const scored: Keyphrase[] = [];
  for (const entry of byKey.values()) {
    if (entry.stems.length > 1 && entry.count < 2) continue;
    const weight = entry.stems.reduce((sum, s) => sum + Math.log(1 + (tf.get(s) ?? 0)) * idf(s), 0) / Math.sqrt(entry.stems.length);
    const score = weight * (1 + Math.log(entry.count)) * (entry.stems.length > 1 ? 1.3 : 1);
    const surface = [...entry.surfaces].sort((a, b) => b[1] - a[1])[0]![0];
    scored.push({ phrase: surface, score });
  }
  scored.sort((a, b) => b.score - a.score);
  // Drop phrases contained in a better one ("networks" after "neural networks").
  const out: Keyphrase[] = [];
  for (const k of scored) {
    if (out.some((o) => ` ${o.phrase} `.includes(` ${k.phrase} `) || ` ${k.phrase} `.includes(` ${o.phrase} `))) continue;
    out.push(k);
    if (out.length >= max) break;
  }
  return out;
}

/** A short title from the top keyphrases: "Neural networks, Tesla and data engines". */
export function titleFrom(phrases: readonly Keyphrase[], count = 2): string {
  const picked = phrases.slice(0, count).map((k) => k.phrase);
  if (picked.length === 0) return '';
  const text = picked.length === 1 ? picked[0]! : `${picked.slice(0, -1).join(', ')} and ${picked[picked.length - 1]}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
