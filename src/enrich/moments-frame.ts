// Where a key moment or insight may come from: after the intro (cold open, guest introduction, sponsor reads, the
// hand-over to the conversation), before the outro (thanks for listening, closing words), outside ad reads. Pure.
import type { AdSpan } from '../model/episode.js';
import type { Sentence, TextStream } from './moments-text.js';

export interface Frame {
  /** Nothing before this time is eligible. */
  introEnd: number;
  /** Nothing after this time is eligible. */
  outroStart: number;
  /** Sponsor reads, from the ads step and from sponsor language in the sentences themselves. */
  ads: { start: number; end: number }[];
}

/**
 * The intro is looked for in the first quarter hour (at most 40% of the episode): shows hand over to the
 * conversation after a cold open, an introduction and sponsor reads, which in the Lexicap corpus end by 2-10 min.
 */
const INTRO_ZONE = 15 * 60;
/**
 * Without a hand-over phrase, the intro is the chain of show-business sentences from the start with gaps under this
 * (an introduction or an ad read runs a minute or two between cue phrases).
 */
const INTRO_CHAIN_GAP = 150;
/** Warm-up ("are you nervous?") follows the hand-over: the first 2 minutes (5% of short episodes) are never used. */
const MIN_START = 120;
const OUTRO_ZONE = 15 * 60;
/** Seconds around a sentence with sponsor language that count as the same read (a read is 30-90 s). */
const AD_CUE_REACH = 20;

const INTRO =
  /\b(?:the following is (?:a|my) conversation|this is the [\w' ]{0,40}podcast|welcome (?:to|back to) (?:the|this|another|episode)|my guest (?:today )?is|today'?s guest|(?:on|to) (?:this|the) podcast|support (?:it|this|the) (?:podcast|show)|connect with me|(?:follow|find) (?:me|us) on|spelled [a-z] [a-z]|review it|rate it|subscribe)\b/i;
const HANDOFF =
  /\b(?:here'?s my conversation|here is my conversation|and now,? (?:dear friends,? )?here(?:'s| is)|here'?s (?:the|our) conversation|without further ado|let'?s (?:get|dive|jump) (?:started|into it|right in)|on with the show|enjoy (?:the|this|our) (?:conversation|episode|show))\b/i;
const OUTRO =
  /\b(?:thanks? (?:you )?for listening|thank you for listening|see you next time|until next time|that'?s (?:all|it) for (?:today|this episode|this week)|let me leave you with)\b/i;

export function episodeFrame(stream: TextStream, ads: readonly AdSpan[]): Frame {
  const { sentences, duration } = stream;
  const says = (s: Sentence, cue: RegExp) => cue.test(stream.text.slice(s.from, s.to));
  const introZone = Math.min(INTRO_ZONE, 0.4 * duration);
  let introEnd = 0;
  for (const s of sentences) {
    if (s.start > introZone) break;
    if (says(s, HANDOFF)) introEnd = s.end;
  }
  if (introEnd === 0) {
    let last = 0;
    for (const s of sentences) {
      if (s.start > Math.min(introZone, 0.25 * duration) || s.start - last > INTRO_CHAIN_GAP) break;
      if (s.ad || says(s, INTRO)) last = introEnd = s.end;
    }
  }
  const spans = ads.filter((a) => Number.isFinite(a.start) && Number.isFinite(a.end) && a.end > a.start).map((a) => ({ start: a.start, end: a.end }));
  // An ad read that starts inside the intro is part of it, however long it runs.
  for (const a of spans) if (a.start <= Math.max(introEnd, Math.min(introZone, 180)) + 30) introEnd = Math.max(introEnd, a.end);
  introEnd = Math.max(introEnd, Math.min(MIN_START, 0.05 * duration));

  const outroZone = duration - Math.min(OUTRO_ZONE, 0.25 * duration);
  let outroStart = duration;
  for (let i = sentences.length - 1; i >= 0 && sentences[i]!.start >= outroZone; i--) if (says(sentences[i]!, OUTRO)) outroStart = sentences[i]!.start;
  // Sponsor language marks a read whose other sentences ("it lets you send money to friends") carry no cue.
  for (const s of sentences) if (s.ad) spans.push({ start: s.start - AD_CUE_REACH, end: s.end + AD_CUE_REACH });
  return { introEnd, outroStart: Math.max(outroStart, introEnd), ads: spans };
}

/** Whether [start, end] lies inside the frame and clear of every ad read. */
export function inFrame(frame: Frame, start: number, end: number): boolean {
  if (start < frame.introEnd || end > frame.outroStart) return false;
  return !frame.ads.some((a) => a.start < end && a.end > start);
}

/** Per sentence: may it be part of a moment or insight? Linear in sentences plus ads (spans are sorted first). */
export function eligibleSentences(stream: TextStream, frame: Frame): Uint8Array {
  const ok = new Uint8Array(stream.sentences.length);
  const ads = [...frame.ads].sort((a, b) => a.start - b.start);
  let k = 0;
  stream.sentences.forEach((s, i) => {
    if (s.start < frame.introEnd || s.end > frame.outroStart || s.ad) return;
    while (k < ads.length && ads[k]!.end <= s.start) k++;
    // Spans are sorted by start, not end: look ahead past short ones that ended already.
    for (let a = k; a < ads.length && ads[a]!.start < s.end; a++) if (ads[a]!.end > s.start) return;
    ok[i] = 1;
  });
  return ok;
}
