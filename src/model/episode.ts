// The one episode model every part of podsift shares. Readers produce EpisodeFragments (what one source file says
// about an episode); the library merges the fragments of all sources of an episode into an Episode.
// Times are seconds as numbers everywhere; formatting happens at the edges.

/** How a time is known: from the source itself, mapped from another timed source, or guessed from speech rate. */
export type Timing = 'exact' | 'aligned' | 'estimated';

/** A parallel text in another language, attached to the turn or paragraph it translates. */
export interface Translation {
  /** BCP 47-ish language code, e.g. "zh", "es". */
  lang: string;
  text: string;
}

/**
 * Something the transcriber wrote instead of words ("[inaudible 00:07:22]", "[crosstalk]", "[laughter]").
 * Kept beside the text, not inside it, so search and enrichment never see it as speech.
 */
export interface Marker {
  kind: 'inaudible' | 'crosstalk' | 'foreign' | 'laughter' | 'music' | 'applause' | 'other';
  /** The marker as written, without brackets or escapes, e.g. "inaudible 00:07:22". */
  label: string;
  /** Character offset in the turn's text where the marker stood. */
  offset: number;
}

export interface Turn {
  /** Speaker name as the source gives it; null when unknown. */
  speaker: string | null;
  start: number;
  end: number;
  timing: Timing;
  text: string;
  translations?: Translation[];
  markers?: Marker[];
  /** True when the speaker was attributed by enrichment rather than given by the source. */
  attributed?: boolean;
}

export interface Chapter {
  title: string;
  start: number;
  origin: 'given' | 'derived';
}

export interface Speaker {
  name: string;
  role?: 'host' | 'guest' | 'other';
}

/** One line of a highlight's transcript excerpt, with the speaker label the exporting app used. */
export interface ExcerptLine {
  speaker: string | null;
  text: string;
}

export interface Highlight {
  start: number | null;
  end: number | null;
  title?: string;
  summary?: string;
  /** The highlighted transcript text (excerpt lines joined). */
  text: string;
  note?: string;
  /** Where the highlight came from: an app name ("snipd"), "user" for ones made in podsift. */
  origin: string;
  excerpt?: ExcerptLine[];
  url?: string;
  tags?: string[];
  /** Set on highlights made in podsift (origin "user"): their id in the library. */
  id?: number;
}

export interface Insight {
  text: string;
  start?: number;
}

export interface Section {
  title: string;
  text: string;
}

export interface Mention {
  /** Null when the source kept only the description (seed 004 lost the names). */
  name: string | null;
  kind?: string;
  description?: string;
  times?: number[];
  /** Other spellings found for the same entity (including speech-to-text mishearings). */
  variants?: string[];
}

/** A self-contained, substantive moment worth returning to (Snipd-style "key moment"). */
export interface Moment {
  title: string;
  /** One or two sentences saying what is said. */
  summary: string;
  /** The verbatim words, from the transcript. */
  quote: string;
  start: number;
  end: number;
  speaker?: string | null;
}

/** A sponsor read or ad break, left out of moments, insights and (by default) search. */
export interface AdSpan {
  start: number;
  end: number;
  sponsor?: string;
}

/** A likely speech-to-text mishearing and its spelling elsewhere in the episode ("Saramba" → "Zaremba"). */
export interface Correction {
  heard: string;
  meant: string;
  /** Where the misheard form occurs. */
  times: number[];
}

export interface Question {
  question: string | null;
  answer: string;
}

export interface SummaryMaterial {
  /** The summary's one-line description of the whole episode. */
  overview?: string;
  insights: Insight[];
  sections: Section[];
  mentions: Mention[];
  questions: Question[];
}

/** Facts about the episode itself. Every field is optional in a fragment: a source says what it knows. */
export interface EpisodeMeta {
  show?: string;
  number?: number;
  title?: string;
  guests?: string[];
  /** ISO 8601 date or date-time. */
  published?: string;
  sourceUrls?: string[];
  mediaUrl?: string;
  youtubeId?: string;
  /** Seconds. */
  duration?: number;
  /** Main language of the transcript, e.g. "en". */
  language?: string;
  description?: string;
}

export interface Transcript {
  turns: Turn[];
}

/** What one source file says about one episode. Pure data; produced by a reader with no I/O. */
export interface EpisodeFragment {
  meta: EpisodeMeta;
  speakers?: Speaker[];
  transcript?: Transcript;
  chapters?: Chapter[];
  highlights?: Highlight[];
  summary?: SummaryMaterial;
}

export interface SourceRef {
  path: string;
  format: string;
}

/** An episode as the library holds it: the merge of every source's fragment. */
export interface Episode {
  id: string;
  show: string | null;
  number: number | null;
  title: string | null;
  guests: string[];
  published: string | null;
  youtubeId: string | null;
  mediaUrl: string | null;
  duration: number | null;
  language: string | null;
  sourceUrls: string[];
  description: string | null;
  sources: SourceRef[];
  speakers: Speaker[];
  chapters: Chapter[];
  /** The episode's best transcript: timed over untimed, labelled over unlabelled. */
  turns: Turn[];
  /** Every transcript the episode has, by source path. */
  transcripts: { source: string; turns: Turn[] }[];
  highlights: Highlight[];
  insights: Insight[];
  sections: Section[];
  mentions: Mention[];
  questions: Question[];
  overview: string | null;
  /** Added by enrichment (src/enrich). */
  moments: Moment[];
  ads: AdSpan[];
  corrections: Correction[];
  /** What each enrichment step did to this episode: done, or skipped with the reason. */
  enrichment: EnrichmentStatus[];
}

export interface EnrichmentStatus {
  step: string;
  status: 'done' | 'skipped';
  reason?: string;
}

export function emptySummary(): SummaryMaterial {
  return { insights: [], sections: [], mentions: [], questions: [] };
}
