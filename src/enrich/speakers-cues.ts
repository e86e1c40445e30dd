// The fixed cues of who speaks, as the speaker model takes them: evidence per unit (log-odds host over guest) and
// extra switch log-odds per boundary. The weights are round numbers set from how interviews work and checked on the
// dev transcripts (bench/eval-enrich/speakers.ts), not fitted to them; the per-episode word model does the fitting.
import type { Turn } from '../model/episode.js';
import { Boundary, type ModelInput } from './speakers-model.js';
import type { Unit, Vocabulary } from './speakers-units.js';
import { callName, type SpeakerNames } from './speakers-names.js';

/**
 * Log-likelihood ratios, so that a cue's absence counts too. A question is about twice as likely from the host as
 * from the guest (seed 000: 18 % of the host's sentences, 8 % of the guest's: +0.8 for a question, −0.1 for a
 * statement).
 */
const QUESTION = 0.8;
const STATEMENT = -0.1;
/**
 * Words that mark the interviewer or the interviewee whatever the topic, per occurrence: the host addresses the
 * guest ("you", "your") and asks ("how", "what", "about"); the guest explains ("because", "actually") and speaks
 * for a team or a field ("we", "our", "they"). Half of the log ratios measured on seed 000, where those words
 * showed them; centred per episode (see styleWeights) so that only a word's excess counts.
 */
const STYLE_WORDS: ReadonlyMap<string, number> = new Map([
  ['you', 0.3], ["you're", 0.4], ['your', 0.2], ['yourself', 0.3], ['about', 0.4], ['how', 0.3], ['what', 0.2], ['why', 0.2],
  ['we', -0.5], ['our', -0.4], ['us', -0.3], ["we're", -0.5], ['they', -0.5], ["they're", -0.5], ['because', -0.4],
  ['actually', -0.3], ['basically', -0.4], ['would', -0.3], ['very', -0.4],
]);
/** Saying the other's first name ("Elon, …" / "Well, Lex, …"): weak, since names are also said in passing. */
const NAME = 1.0;
/** Phrases only one side says (the intro, sponsor reads, "thanks for having me"): near-certain. */
const ANCHOR = 5;

/**
 * When the source's turns are speaker turns: a turn opening like a reply is more often the guest's (seed 000: 41 %
 * of the guest's turns, 19 % of the host's), one opening with "So", "And", "But" more often the host's follow-up
 * (20 % against 5 %), one ending in a question the host's (22 % against 7 %), and the guest talks longer (median 34
 * words against 18): about −0.6 per e-fold of length above 25 words. Damped toward zero from the
 * measured ratios, since one episode measured them.
 */
const TURN_REPLY = [-0.6, 0.25] as const;
const TURN_FOLLOW_UP = [0.9, -0.15] as const;
const TURN_QUESTION = [0.6, -0.15] as const;
const TURN_LENGTH = -0.6;
const TURN_LENGTH_PIVOT = 25;
const FOLLOW_UP_WORDS = new Set(['so', 'and', 'but']);

/**
 * Log-potentials of a change at a boundary. After a question the other side answers: mostly the guest answering the
 * host (a guest's question is often rhetorical, so it says less the other way).
 */
const AFTER_QUESTION_TO_GUEST = 1.5;
const AFTER_QUESTION_TO_HOST = 0.3;
/** A sentence opening like a reply ("Yeah, …", "Well, …", "Exactly.") starts a new turn, more often the guest's. */
const REPLY_TO_GUEST = 1.0;
const REPLY_TO_HOST = 0.3;
/** A lone "Yeah." or "Right." between two long stretches is the listener's, and the speaker resumes after it. */
const BACKCHANNEL = 1.0;
/** A sentence broken off ("Unless we destroy-") is usually cut off by the other speaker. */
const CUT_OFF = 1.5;

const REPLY_WORDS = new Set([
  'yeah', 'yes', 'yep', 'yup', 'no', 'nope', 'nah', 'well', 'right', 'sure', 'absolutely', 'exactly', 'definitely', 'totally',
  'oh', 'okay', 'ok', 'correct', 'true', 'indeed', 'hmm', 'mm', 'mhm', 'wow', 'agreed', 'certainly', 'precisely',
]);
const REPLY_PAIRS = new Set(['of course', "that's right", "that's true", 'good question', 'great question', "it's true", 'i agree']);
const REPLY_PAIR_FIRST = new Set([...REPLY_PAIRS].map((pair) => pair.split(' ')[0]!));
const BACKCHANNEL_WORDS = new Set([
  ...REPLY_WORDS, 'uh', 'huh', 'nice', 'cool', 'interesting', 'great', 'good', 'fair', 'enough', 'got', 'it', 'i', 'see',
  'of', 'course', "that's", 'so', 'really', 'amazing', 'wonderful', 'beautiful', 'fascinating', 'funny', 'haha', 'ha',
]);

const HOST_ANCHORS =
  /\b(?:(?:the following is|here['’]?s|this is) (?:a|my|our) (?:conversation|interview|chat)|welcome (?:back )?to (?:the|my|our|this)|you['’]re listening to|(?:this (?:show|episode|podcast) is|is) (?:also )?(?:brought to you|sponsored|supported) by|to support this podcast|check out (?:our|the) sponsors|thank(?:s| you)(?: so much)? for (?:coming (?:on|in|down)|joining|talking (?:to|with) me|doing this|taking the time|being (?:here|on)))\b/i;
const GUEST_ANCHORS =
  /\b(?:thank(?:s| you)(?: so much)? for having me|(?:glad|happy|great|good|nice|a pleasure|an honou?r|excited) to be (?:here|on)|thanks for inviting me)\b/i;

/** The model's input for a transcript's units, with the cues these names give. */
export function modelInput(turns: readonly Turn[], units: readonly Unit[], names: SpeakerNames, vocabulary: Vocabulary): ModelInput {
  const vocabularySize = vocabulary.size;
  const style = styleWeights(units, vocabulary);
  const n = units.length;
  const boundaries = new Uint8Array(n);
  const evidence = new Float64Array(n);
  const turnEvidence = new Float64Array(n);
  const toGuest = new Float64Array(n);
  const toHost = new Float64Array(n);
  const nameIds = nameWeights(names, vocabulary);
  anchorEvidence(turns, units, vocabulary, evidence);

  for (let i = 0; i < n; i++) {
    const unit = units[i]!;
    evidence[i]! += (unit.question ? QUESTION : STATEMENT) + styleEvidence(unit, style) + nameEvidence(unit, nameIds);
    if (i === 0 || units[i - 1]!.turn !== unit.turn) turnEvidence[i] = turnOpening(units, i);
    if (i === 0) continue;
    const previous = units[i - 1]!;
    boundaries[i] =
      previous.turn === unit.turn
        ? previous.complete
          ? Boundary.Sentence
          : Boundary.MidSentence
        : previous.complete
          ? Boundary.TurnAfterSentence
          : Boundary.TurnMidSentence;
    let both = 0;
    if (isBackchannel(unit)) both += BACKCHANNEL;
    if (isBackchannel(previous)) both += BACKCHANNEL;
    if (previous.interrupted) both += CUT_OFF;
    const reply = opensLikeReply(unit);
    toGuest[i] = both + (previous.question ? AFTER_QUESTION_TO_GUEST : 0) + (reply ? REPLY_TO_GUEST : 0);
    toHost[i] = both + (previous.question ? AFTER_QUESTION_TO_HOST : 0) + (reply ? REPLY_TO_HOST : 0);
  }
  return { units, boundaries, evidence, turnEvidence, toGuest, toHost, vocabularySize };
}

/** The turn-level evidence of the turn whose first unit is units[first]. */
function turnOpening(units: readonly Unit[], first: number): number {
  const unit = units[first]!;
  let last = first;
  let words = 0;
  while (last < units.length && units[last]!.turn === unit.turn) words += units[last++]!.words;
  const lead = unit.lead[0] ?? '';
  const reply = opensLikeReply(unit);
  let score = reply ? TURN_REPLY[0] : TURN_REPLY[1];
  score += FOLLOW_UP_WORDS.has(lead) ? TURN_FOLLOW_UP[0] : TURN_FOLLOW_UP[1];
  score += units[last - 1]!.question ? TURN_QUESTION[0] : TURN_QUESTION[1];
  score += Math.max(-1.5, Math.min(1.5, TURN_LENGTH * Math.log(Math.max(1, words) / TURN_LENGTH_PIVOT)));
  return score;
}

/**
 * Words every anchor phrase contains one of: only sentences holding one are searched for the phrases (a regex pass
 * over every sentence of every episode cost more than the rest of the cues together).
 */
const ANCHOR_KEYWORDS = ['conversation', 'interview', 'chat', 'welcome', 'listening', 'brought', 'sponsored', 'supported', 'support', 'sponsors', 'thank', 'thanks', 'having', 'inviting', 'be'];

/** Adds the anchor phrases' evidence to the units they occur in. */
function anchorEvidence(turns: readonly Turn[], units: readonly Unit[], vocabulary: Vocabulary, evidence: Float64Array): void {
  const keys = new Set<number>();
  for (const word of ANCHOR_KEYWORDS) {
    const id = vocabulary.get(word);
    if (id !== undefined) keys.add(id);
  }
  if (keys.size === 0) return;
  units.forEach((unit, i) => {
    if (!unit.tokens.some((t) => keys.has(t))) return;
    const text = turns[unit.turn]!.text.slice(unit.from, unit.to);
    if (text.length > 2000) return;
    if (HOST_ANCHORS.test(text)) evidence[i]! += ANCHOR;
    if (GUEST_ANCHORS.test(text)) evidence[i]! -= ANCHOR;
  });
}

/** Weights of the ids of the speakers' first names: the guest's is said by the host, the host's by the guest. */
function nameWeights(names: SpeakerNames, vocabulary: Vocabulary): Map<number, number> {
  const weights = new Map<number, number>();
  for (const guest of names.guests) {
    const id = vocabulary.get(callName(guest).toLowerCase());
    if (id !== undefined && callName(guest).length >= 3) weights.set(id, NAME);
  }
  const host = names.host ? vocabulary.get(callName(names.host).toLowerCase()) : undefined;
  if (host !== undefined) weights.set(host, -NAME);
  return weights;
}

function nameEvidence(unit: Unit, weights: Map<number, number>): number {
  if (weights.size === 0) return 0;
  let score = 0;
  for (const t of unit.tokens) score += weights.get(t) ?? 0;
  return Math.max(-NAME, Math.min(NAME, score));
}

/** Style weight per word id, and the mean weight per word of this episode (subtracted so the cue is centred). */
function styleWeights(units: readonly Unit[], vocabulary: Vocabulary): { weights: Float64Array; mean: number } {
  const weights = new Float64Array(vocabulary.size);
  for (const [word, weight] of STYLE_WORDS) {
    const id = vocabulary.get(word);
    if (id !== undefined) weights[id] = weight;
  }
  let sum = 0;
  let count = 0;
  for (const unit of units) {
    for (const t of unit.tokens) sum += weights[t]!;
    count += unit.tokens.length;
  }
  return { weights, mean: count ? sum / count : 0 };
}

function styleEvidence(unit: Unit, style: { weights: Float64Array; mean: number }): number {
  let score = -style.mean * unit.tokens.length;
  for (const t of unit.tokens) score += style.weights[t]!;
  return score;
}

function opensLikeReply(unit: Unit): boolean {
  const first = unit.lead[0] ?? '';
  if (REPLY_WORDS.has(first)) return true;
  return REPLY_PAIR_FIRST.has(first) && unit.lead.length > 1 && REPLY_PAIRS.has(`${first} ${unit.lead[1]}`);
}

function isBackchannel(unit: Unit): boolean {
  if (unit.words === 0 || unit.words > 3 || unit.question) return false;
  return unit.lead.every((w) => BACKCHANNEL_WORDS.has(w));
}

