// The cues of who speaks, as the speaker models take them: evidence per unit (log-odds host over guest) and extra
// switch log-odds per boundary for prose; for speaker turns, the same per turn plus cues counted per turn (questions,
// openers) whose rates the turn model learns per episode. The weights are round numbers set from how interviews
// work and checked on the dev transcripts (bench/eval-enrich/speakers.ts), not fitted to them; the per-episode models
// do the fitting.
import type { Turn } from '../model/episode.js';
import { Boundary, type ModelInput } from './speakers-model.js';
import { TurnBoundary, type CountedCue, type TurnInput } from './speakers-turns.js';
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
 * When the source's turns are speaker turns, cues counted per turn whose rates the turn model learns per episode,
 * from these priors (rate for the host, for the guest, weight in chances). The interviewer asks (a question in
 * about one sentence in seven, against one in fifteen for the guest), ends a turn with a question to hand over the
 * floor, and follows up with "So…", "And…", "But…"; the guest opens with a reply ("Yeah", "Well", "No"). Rates from
 * seed 000 (questions 18 % / 8 % of sentences; turns ending in a question 22 % / 7 %, opening like a reply 19 % /
 * 41 %, with a follow-up word 20 % / 5 %), rounded toward each other, since one episode measured them.
 */
const QUESTIONS_PRIOR = { prior: [0.15, 0.07], weight: 50 } as const;
const ENDS_WITH_QUESTION_PRIOR = { prior: [0.2, 0.08], weight: 20 } as const;
const REPLY_PRIOR = { prior: [0.2, 0.35], weight: 20 } as const;
const FOLLOW_UP_PRIOR = { prior: [0.18, 0.06], weight: 20 } as const;
const FOLLOW_UP_WORDS = ['so', 'and', 'but'];
/**
 * Log-odds a cue adds to a change between two speaker turns: a turn opening like a reply ("Yeah", "Well", "No")
 * answers someone (seed 000: 5 % of such turns continue the same speaker, against 15 % of the others), and a turn
 * ending in a question hands over the floor.
 */
const TURN_REPLY_CHANGE = 1.0;
const TURN_QUESTION_CHANGE = 0.4;
/** Both turns at least this long (words) make a long pair: see TurnBoundary.LongPair. */
const LONG_TURN = 60;

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

const REPLY_WORDS = new Set([
  'yeah', 'yes', 'yep', 'yup', 'no', 'nope', 'nah', 'well', 'right', 'sure', 'absolutely', 'exactly', 'definitely', 'totally',
  'oh', 'okay', 'ok', 'correct', 'true', 'indeed', 'hmm', 'mm', 'mhm', 'wow', 'agreed', 'certainly', 'precisely',
]);
const REPLY_PAIRS = ['of course', "that's right", "that's true", 'good question', 'great question', "it's true", 'i agree'];
const BACKCHANNEL_WORDS = new Set([
  ...REPLY_WORDS, 'uh', 'huh', 'nice', 'cool', 'interesting', 'great', 'good', 'fair', 'enough', 'got', 'it', 'i', 'see',
  'of', 'course', "that's", 'so', 'really', 'amazing', 'wonderful', 'beautiful', 'fascinating', 'funny', 'haha', 'ha',
]);

const HOST_ANCHORS =
  /\b(?:(?:the following is|here['’]?s|this is) (?:a|my|our) (?:conversation|interview|chat)|welcome (?:back )?to (?:the|my|our|this)|you['’]re listening to|(?:this (?:show|episode|podcast) is|is) (?:also )?(?:brought to you|sponsored|supported) by|to support this podcast|check out (?:our|the) sponsors|thank(?:s| you)(?: so much)? for (?:coming (?:on|in|down)|joining|talking (?:to|with) me|doing this|taking the time|being (?:here|on)))\b/i;
const GUEST_ANCHORS =
  /\b(?:thank(?:s| you)(?: so much)? for having me|(?:glad|happy|great|good|nice|a pleasure|an honou?r|excited) to be (?:here|on)|thanks for inviting me)\b/i;

/**
 * The cue words of this episode's vocabulary, by id: how a sentence opens is looked up in these flags rather than by
 * making strings of every sentence's first words.
 */
class CueWords {
  private readonly flags: Uint8Array;
  /** Reply pairs ("of course") by the first word's id, to the second word's. */
  private readonly pairs = new Map<number, number[]>();
  private readonly ids: Int32Array;

  constructor(vocabulary: Vocabulary) {
    this.ids = vocabulary.tokens;
    this.flags = new Uint8Array(vocabulary.size);
    const mark = (words: Iterable<string>, flag: number): void => {
      for (const word of words) {
        const id = vocabulary.get(word);
        if (id !== undefined) this.flags[id]! |= flag;
      }
    };
    mark(REPLY_WORDS, REPLY);
    mark(BACKCHANNEL_WORDS, BACKCHANNEL_WORD);
    mark(FOLLOW_UP_WORDS, FOLLOW_UP);
    for (const pair of REPLY_PAIRS) {
      const [first, second] = pair.split(' ').map((w) => vocabulary.get(w));
      if (first === undefined || second === undefined) continue;
      this.pairs.set(first, [...(this.pairs.get(first) ?? []), second]);
    }
  }

  /** Opens like a reply: "Yeah, …", "Well, …", "Of course." */
  opensLikeReply(unit: Unit): boolean {
    if (unit.words === 0) return false;
    const first = this.ids[unit.first]!;
    if (this.flags[first]! & REPLY) return true;
    return unit.words > 1 && (this.pairs.get(first)?.includes(this.ids[unit.first + 1]!) ?? false);
  }

  /** Opens with "So", "And", "But": a follow-up. */
  opensWithFollowUp(unit: Unit): boolean {
    return unit.words > 0 && (this.flags[this.ids[unit.first]!]! & FOLLOW_UP) !== 0;
  }

  /** A lone "Yeah." or "Right, right." */
  isBackchannel(unit: Unit): boolean {
    if (unit.words === 0 || unit.words > 3 || unit.question) return false;
    for (let k = unit.first; k < unit.first + unit.words; k++) if (!(this.flags[this.ids[k]!]! & BACKCHANNEL_WORD)) return false;
    return true;
  }
}

const REPLY = 1;
const BACKCHANNEL_WORD = 2;
const FOLLOW_UP = 4;

/** The model's input for a transcript's units, with the cues these names give. */
export function modelInput(turns: readonly Turn[], units: readonly Unit[], names: SpeakerNames, vocabulary: Vocabulary): ModelInput {
  const vocabularySize = vocabulary.size;
  const cueWords = new CueWords(vocabulary);
  const style = styleWeights(units, vocabulary);
  const n = units.length;
  const boundaries = new Uint8Array(n);
  const evidence = new Float64Array(n);
  const toGuest = new Float64Array(n);
  const toHost = new Float64Array(n);
  const nameIds = nameWeights(names, vocabulary);
  anchorEvidence(turns, units, vocabulary, evidence);

  for (let i = 0; i < n; i++) {
    const unit = units[i]!;
    evidence[i]! += sentenceEvidence(unit) + styleEvidence(unit, style, vocabulary.tokens) + nameEvidence(unit, nameIds, vocabulary.tokens);
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
    if (cueWords.isBackchannel(unit)) both += BACKCHANNEL;
    if (cueWords.isBackchannel(previous)) both += BACKCHANNEL;
    const reply = cueWords.opensLikeReply(unit);
    toGuest[i] = both + (previous.question ? AFTER_QUESTION_TO_GUEST : 0) + (reply ? REPLY_TO_GUEST : 0);
    toHost[i] = both + (previous.question ? AFTER_QUESTION_TO_HOST : 0) + (reply ? REPLY_TO_HOST : 0);
  }
  return { units, tokens: vocabulary.tokens, boundaries, evidence, toGuest, toHost, vocabularySize, turns: turnInput(units, evidence, cueWords) };
}

/** The source's turns as the turn model reads them. */
function turnInput(units: readonly Unit[], unitEvidence: Float64Array, cueWords: CueWords): TurnInput {
  const first: number[] = [];
  for (let i = 0; i < units.length; i++) if (i === 0 || units[i - 1]!.turn !== units[i]!.turn) first.push(i);
  const n = first.length;
  const firstUnit = Int32Array.from([...first, units.length]);
  const evidence = new Float64Array(n);
  const words = new Float64Array(n);
  const kind = new Uint8Array(n);
  const changeCue = new Float64Array(n);
  const counted = (prior: { prior: readonly [number, number]; weight: number }): CountedCue => ({
    hits: new Float64Array(n),
    trials: new Float64Array(n).fill(1),
    ...prior,
  });
  const questions = counted(QUESTIONS_PRIOR);
  const endsWithQuestion = counted(ENDS_WITH_QUESTION_PRIOR);
  const replies = counted(REPLY_PRIOR);
  const followUps = counted(FOLLOW_UP_PRIOR);
  for (let k = 0; k < n; k++) {
    const last = firstUnit[k + 1]! - 1;
    for (let i = firstUnit[k]!; i <= last; i++) {
      evidence[k]! += unitEvidence[i]! - sentenceEvidence(units[i]!);
      words[k]! += units[i]!.words;
      if (i < last && units[i]!.question) questions.hits[k]!++;
    }
    // The last sentence's question is counted as the turn's ending.
    questions.trials[k] = last - firstUnit[k]!;
    const opening = units[firstUnit[k]!]!;
    const reply = cueWords.opensLikeReply(opening);
    if (units[last]!.question) endsWithQuestion.hits[k] = 1;
    if (reply) replies.hits[k] = 1;
    if (cueWords.opensWithFollowUp(opening)) followUps.hits[k] = 1;
    if (k === 0) continue;
    const before = units[firstUnit[k]! - 1]!;
    changeCue[k] = (reply ? TURN_REPLY_CHANGE : 0) + (before.question ? TURN_QUESTION_CHANGE : 0);
    if (!before.complete && !before.interrupted) kind[k] = TurnBoundary.MidSentence;
    else if (!reply && !before.question && Math.min(words[k - 1]!, words[k]!) >= LONG_TURN) kind[k] = TurnBoundary.LongPair;
  }
  return { firstUnit, evidence, words, counts: [questions, endsWithQuestion, replies, followUps], kind, changeCue };
}

/**
 * Words every anchor phrase contains one of: only sentences holding one are searched for the phrases (a regex pass
 * over every sentence of every episode cost more than the rest of the cues together).
 */
const ANCHOR_KEYWORDS = ['conversation', 'interview', 'chat', 'welcome', 'listening', 'brought', 'sponsored', 'supported', 'support', 'sponsors', 'thank', 'thanks', 'having', 'inviting', 'be'];

/**
 * Adds the anchor phrases' evidence to the sentences they occur in (a sentence's pieces are joined first: subtitle
 * cues cut "here's my conversation" from "with Jane Doe"), and the intro's to everything between the intro's first
 * and last host anchors: the host's opening monologue (who the guest is, the sponsor reads, "and now, here's my
 * conversation with…") is the host's throughout, though most of its sentences say nothing about who speaks them.
 */
function anchorEvidence(turns: readonly Turn[], units: readonly Unit[], vocabulary: Vocabulary, evidence: Float64Array): void {
  // A flag per word id: a lookup per word of the transcript.
  const keys = new Uint8Array(vocabulary.size);
  let any = false;
  for (const word of ANCHOR_KEYWORDS) {
    const id = vocabulary.get(word);
    if (id !== undefined) keys[id] = 1;
    any ||= id !== undefined;
  }
  if (!any) return;
  let firstIntro = -1;
  let lastIntro = -1;
  let words = 0;
  for (let start = 0; start < units.length; ) {
    let end = start + 1;
    while (end < units.length && !units[end - 1]!.complete) end++;
    let text = '';
    for (let i = start; i < end && text.length <= MAX_ANCHOR_CHARS; i++) {
      if (hasAny(units[i]!, vocabulary.tokens, keys)) text = sentenceText(turns, units, start, end);
    }
    if (text && text.length <= MAX_ANCHOR_CHARS) {
      if (GUEST_ANCHORS.test(text)) {
        evidence[start]! -= ANCHOR;
        if (firstIntro >= 0 && words <= INTRO_WORDS) words = Infinity;
      } else if (HOST_ANCHORS.test(text)) {
        evidence[start]! += ANCHOR;
        if (words <= INTRO_WORDS) {
          if (firstIntro < 0) firstIntro = start;
          lastIntro = start;
        }
      }
    }
    for (let i = start; i < end; i++) words += units[i]!.words;
    start = end;
  }
  for (let i = firstIntro + 1; i < lastIntro; i++) evidence[i]! += INTRO;
}

/** The text of units [start, end), one sentence cut into pieces. */
function sentenceText(turns: readonly Turn[], units: readonly Unit[], start: number, end: number): string {
  let text = '';
  for (let i = start; i < end; i++) text += `${turns[units[i]!.turn]!.text.slice(units[i]!.from, units[i]!.to)} `;
  return text;
}

/** Sentences longer than this are not searched for anchors (a 200 KB "sentence" is no greeting). */
const MAX_ANCHOR_CHARS = 2000;
/**
 * The intro lies within the first words of an episode: a host's opening with a few sponsor reads runs up to about 7
 * minutes (1,200 words); an anchor later than this is in the conversation, and so is anything after a guest anchor.
 */
const INTRO_WORDS = 1500;
/** Evidence per sentence piece of the intro between its anchors: the host's unless a piece says clearly otherwise. */
const INTRO = 2;

/**
 * Weights of the ids of the speakers' first names (per word id, 0 for other words; null when no name is in the
 * transcript): the guest's is said by the host, the host's by the guest.
 */
function nameWeights(names: SpeakerNames, vocabulary: Vocabulary): Float64Array | null {
  const weights = new Float64Array(vocabulary.size);
  let any = false;
  for (const guest of names.guests) {
    const id = vocabulary.get(callName(guest).toLowerCase());
    if (id !== undefined && callName(guest).length >= 3) {
      weights[id] = NAME;
      any = true;
    }
  }
  const host = names.host ? vocabulary.get(callName(names.host).toLowerCase()) : undefined;
  if (host !== undefined) {
    weights[host] = -NAME;
    any = true;
  }
  return any ? weights : null;
}

/** Whether a unit has any of the flagged words. */
function hasAny(unit: Unit, ids: Int32Array, flags: Uint8Array): boolean {
  for (let k = unit.first; k < unit.first + unit.words; k++) if (flags[ids[k]!]) return true;
  return false;
}

function nameEvidence(unit: Unit, weights: Float64Array | null, ids: Int32Array): number {
  if (!weights) return 0;
  let score = 0;
  for (let k = unit.first; k < unit.first + unit.words; k++) score += weights[ids[k]!]!;
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
  const ids = vocabulary.tokens;
  for (const unit of units) {
    for (let k = unit.first; k < unit.first + unit.words; k++) sum += weights[ids[k]!]!;
    count += unit.words;
  }
  return { weights, mean: count ? sum / count : 0 };
}

function styleEvidence(unit: Unit, style: { weights: Float64Array; mean: number }, ids: Int32Array): number {
  let score = -style.mean * unit.words;
  for (let k = unit.first; k < unit.first + unit.words; k++) score += style.weights[ids[k]!]!;
  return score;
}

/** A question or a statement, as prose evidence (the turn model learns its own rates). */
function sentenceEvidence(unit: Unit): number {
  return unit.question ? QUESTION : STATEMENT;
}
