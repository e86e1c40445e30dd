// The words of a sentence as the moments and insights steps score them: one pass over its characters gives its
// content stems and counts of the cues that make a passage substantive (numbers, names, markers of explanation and
// story) or not (fillers, pleasantries, sponsor language), and how it starts. Word lists are English, chosen for
// conversation. Pure (the buffers below are reused between sentences, never shared between calls).
import { isStopword, stem } from '../text/words.js';
import type { Sentence } from './moments-text.js';

/** Number words count as specific like digits: "a billion people", "ninety percent". */
const NUMBER_WORDS = new Set(
  'hundred hundreds thousand thousands million millions billion billions trillion percent twenty thirty forty fifty sixty seventy eighty ninety dozen'.split(' '),
);
/**
 * Spoken words that are frequent in any conversation and say nothing about its subject. STOPWORDS (src/text/words.ts)
 * already drops function words; these are the content words of chat, kept out of centrality and specificity.
 */
const CHAT = new Set(
  `know think mean go going get getting got make making made want wanted see look looking feel feeling like really
  actually basically probably obviously literally certainly definitely exactly totally pretty good great right okay
  sure little big lot thing things stuff way time times people person kind sort something someone everything
  anything nothing everybody somebody guess talk talking say saying said tell told bit yeah yes wow uh um hmm
  absolutely interesting true whole able maybe let come came take took put give gave need needs try trying use used
  different same much many first also even still back well just`
    .split(/\s+/)
    .filter(Boolean),
);
const FILLERS = new Set('yeah yes yep um uh uhm hmm mm oh okay ok wow right exactly absolutely sure cool nice haha'.split(' '));

/**
 * Cue phrases, matched on word tokens (one map lookup per word: a regex of dozens of alternatives over every
 * sentence cost more than the rest of the step). "(a|b|)" expands to alternatives, the empty one included.
 */
const CUES: Record<'markers' | 'ad' | 'smallTalk', string[]> = {
  // Explanation, story and insight: what makes a passage worth returning to.
  markers: [
    'because', 'the reason', 'i remember', 'i recall', 'the key (is|thing|idea|insight|question)', 'the trick is', 'the thing is',
    'the point is', 'the problem is', 'the idea is', 'the lesson', 'i learned', 'i realized', 'turns out', 'for example',
    'for instance', 'in other words', 'which means', 'that means', 'the way (i|you|we) think about', 'the most important',
    'fundamental', 'fundamentally', 'essentially', 'the difference between', 'the truth is', 'in fact', 'imagine',
    'when i was', 'years ago', 'one day', 'the first time', 'i believe', 'my (view|belief|hope|guess|sense) is',
    'the answer is', 'the secret', 'the beauty of', 'the biggest', "that's why", 'principle', 'ultimately',
    'the whole point', 'what happened', 'the story',
  ],
  // Sponsor reads.
  ad: [
    'brought to you by', 'sponsored by', 'presented by', '(our|today s|this episode s) (sponsor|sponsors)', 'use (the|) (promo|) code',
    'promo code', 'free trial', 'sign up (at|for)', 'percent off', 'special offer',
  ],
  // Pleasantries and show business: no moment is made of these.
  smallTalk: [
    'thank you (so much|very much|) (for|lex|man|guys)', 'thanks (so much|) for', '(great|good|nice) to (see|meet|have|be)',
    'welcome (back|to)', 'how are you', "it's an (honor|honour)", '(a|my) pleasure', 'for having me',
    '(talking|talk) (to|with) (me|you) today', 'great conversation', 'this was (fun|great|awesome|amazing)', 'subscribe',
    'patreon', 'five stars',
  ],
};

type CueKind = keyof typeof CUES;

/** Expands "(a|b|) c" into "a c", "b c", " c". */
function expand(pattern: string): string[] {
  const open = pattern.indexOf('(');
  if (open === -1) return [pattern];
  const close = pattern.indexOf(')', open);
  const head = pattern.slice(0, open);
  const tail = pattern.slice(close + 1);
  return pattern
    .slice(open + 1, close)
    .split('|')
    .flatMap((alt) => expand(head + alt + tail));
}

/** Cue phrases by first word, then by second word (most start with "the" or "i": one list each would be long). */
interface CueHead {
  /** Kinds of the one-word cues that are this word. */
  single: CueKind[];
  next: Map<string, { rest: string[]; kind: CueKind }[]>;
}
const CUE_INDEX = new Map<string, CueHead>();
for (const kind of Object.keys(CUES) as CueKind[]) {
  for (const pattern of CUES[kind]) {
    for (const phrase of expand(pattern)) {
      const tokens = phrase.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
      if (!tokens.length) continue;
      let head = CUE_INDEX.get(tokens[0]!);
      if (!head) CUE_INDEX.set(tokens[0]!, (head = { single: [], next: new Map() }));
      if (tokens.length === 1) {
        head.single.push(kind);
        continue;
      }
      const list = head.next.get(tokens[1]!) ?? [];
      list.push({ rest: tokens.slice(2), kind });
      head.next.set(tokens[1]!, list);
    }
  }
}

/** Counts of the cue phrases of each kind in the last sentence counted (one object, reused: no allocation). */
const CUE_COUNTS: Record<CueKind, number> = { markers: 0, ad: 0, smallTalk: 0 };

/** Counts the cue phrases of each kind in a sentence's tokens, starting at the given positions. */
function countCues(tokens: readonly string[], n: number, heads: readonly number[], count: number): Record<CueKind, number> {
  CUE_COUNTS.markers = CUE_COUNTS.ad = CUE_COUNTS.smallTalk = 0;
  for (let h = 0; h < count; h++) {
    const p = heads[h]!;
    const head = CUE_INDEX.get(tokens[p]!);
    if (!head) continue;
    for (const kind of head.single) CUE_COUNTS[kind]++;
    if (p + 1 >= n) continue;
    const list = head.next.get(tokens[p + 1]!);
    if (!list) continue;
    for (const { rest, kind } of list) {
      let k = 0;
      while (k < rest.length && p + 2 + k < n && tokens[p + 2 + k] === rest[k]) k++;
      if (k === rest.length) CUE_COUNTS[kind]++;
    }
  }
  return CUE_COUNTS;
}

/** Closing quotes, brackets and spaces that may follow a sentence's final "?". */
const CLOSERS = new Set([...'"\'”’)] '].map((c) => c.charCodeAt(0)));

/** A web address in a read ("go to example.com", "example.com/lex"): dot-com token after "go to" or before "/". */
function isAdAddress(text: string, at: number, end: number, tokens: readonly string[], p: number): boolean {
  if (text.charCodeAt(at - 1) !== 46 /* . */) return false;
  if (text.charCodeAt(end) === 47 /* / */) return true;
  return tokens[p - 3] === 'go' && tokens[p - 2] === 'to';
}
const ADDRESS_ENDINGS = new Set(['com', 'org', 'io', 'net', 'co']);

/** Words that make a sentence lean on the one before ("It…", "That's why…", "And so…"): it opens no moment well. */
const REFERENCE_OPENERS = new Set('it its that this these those they them he she his her which because then also but and so or'.split(' '));
/** Fillers and discourse words a sentence may start with and a summary drops ("Yeah, well, the reason is…"). */
const CONNECTIVE_OPENERS = new Set('yeah yes well like um uh oh okay right now see i mean you know'.split(' '));

/**
 * How a sentence starts, looking past joining words and fillers: "Yeah, that seems…" leans on what came before as
 * much as "That seems…" does.
 */
function openerOf(lead: number, tokens: readonly string[], n: number): Sentence['opener'] {
  if (lead >= 97 && lead <= 122) return 'fragment';
  let p = 0;
  while (p < n) {
    if (CONNECTIVE_OPENERS.has(tokens[p]!)) p++;
    else if (p + 1 < n && CONNECTIVE_OPENERS.has(`${tokens[p]} ${tokens[p + 1]}`)) p += 2;
    else break;
  }
  if (p < n && REFERENCE_OPENERS.has(tokens[p]!)) return 'reference';
  return p > 0 ? 'connective' : 'clean';
}

export interface Vocabulary {
  vocab: Map<string, number>;
  vocabulary: string[];
  tf: number[];
  df: number[];
  generic: number[];
  /** The stems of every sentence, one after the other (each sentence keeps its range). */
  stems: number[];
  /** Every word seen in the episode: its kind and its stem's id (ASCII words in the table, others in the map). */
  table: WordTable;
  words: Map<string, WordEntry>;
  /** The last sentence each stem was counted in (for df), and the current sentence's number. */
  stamp: number[];
  sentence: number;
}

const FILLER = 1;
const STOP = 2;
const NUMBER = 4;
const GENERIC = 8;
const CUE_HEAD = 16;
const ADDRESS = 32;
const FINITE = 64;
const YOU = 128;
const CLAIM = 256;
const PAST = 512;

/** Past-tense markers of narration ("we gave", "I remember releasing it that summer"): stories, not points. */
const PAST_WORDS = new Set('was were had did went came got gave took said told'.split(' '));

/** Verbs of a general statement ("X is Y", "X will", "X means"): what a main point tends to be said with. */
const CLAIM_WORDS = new Set('is are will can means must should requires matters'.split(' '));

/** Auxiliaries, copulas and subject pronouns: a sentence with none is most likely a fragment ("Million dollars or so"). */
const FINITE_WORDS = new Set('is are was were am be will would can could should must might may do does did have has had re ve ll i we they he she it there'.split(' '));

interface WordEntry {
  word: string;
  flags: number;
  /** Id of the word's stem in the episode's vocabulary (-1 for stopwords). */
  id: number;
}

/** What a word is, whatever the episode: its flags and stem (null for stopwords). */
interface Lexeme {
  flags: number;
  stem: string | null;
}

/** Lexemes of the words met so far, across episodes: the vocabulary of a show repeats from one episode to the next. */
const lexicon = new Map<string, Lexeme>();
const MAX_LEXICON = 300_000;

function lexeme(word: string): Lexeme {
  const known = lexicon.get(word);
  if (known) return known;
  let flags = 0;
  if (FILLERS.has(word)) flags |= FILLER;
  if (CUE_INDEX.has(word)) flags |= CUE_HEAD;
  if (ADDRESS_ENDINGS.has(word)) flags |= ADDRESS;
  if (FINITE_WORDS.has(word) || (word.length > 4 && word.endsWith('ed'))) flags |= FINITE;
  if (word === 'you' || word === 'your') flags |= YOU;
  if (CLAIM_WORDS.has(word)) flags |= CLAIM;
  if (PAST_WORDS.has(word) || (word.length > 4 && word.endsWith('ed'))) flags |= PAST;
  let lex: Lexeme;
  if (isStopword(word)) lex = { flags: flags | STOP, stem: null };
  else {
    if (NUMBER_WORDS.has(word)) flags |= NUMBER;
    if (CHAT.has(word) || word.length < 2) flags |= GENERIC;
    lex = { flags, stem: stem(word) };
  }
  if (lexicon.size < MAX_LEXICON) lexicon.set(word, lex);
  return lex;
}

function wordEntry(word: string, v: Vocabulary): WordEntry {
  const { flags, stem: s } = lexeme(word);
  if (s === null) return { word, flags, id: -1 };
  let id = v.vocab.get(s);
  if (id === undefined) {
    id = v.vocabulary.length;
    v.vocab.set(s, id);
    v.vocabulary.push(s);
    v.tf.push(0);
    v.df.push(0);
    v.generic.push(flags & GENERIC ? 1 : 0);
    v.stamp.push(-1);
  }
  return { word, flags, id };
}

/**
 * The episode's ASCII words by hash (open addressing), looked up by their place in the text: building a lower-case
 * string per word and hashing it again in a Map was most of the cost of reading a transcript.
 */
class WordTable {
  private slots: (WordEntry | undefined)[] = new Array<WordEntry | undefined>(4096).fill(undefined);
  private hashes = new Int32Array(4096);
  private count = 0;

  find(text: string, from: number, to: number, hash: number): WordEntry | undefined {
    const mask = this.slots.length - 1;
    const length = to - from;
    for (let k = hash & mask; ; k = (k + 1) & mask) {
      const e = this.slots[k];
      if (e === undefined) return undefined;
      if (this.hashes[k] === hash && e.word.length === length && sameText(e.word, text, from)) return e;
    }
  }

  add(entry: WordEntry, hash: number): void {
    if (2 * (this.count + 1) > this.slots.length) this.grow();
    this.place(entry, hash);
    this.count++;
  }

  private place(entry: WordEntry, hash: number): void {
    const mask = this.slots.length - 1;
    let k = hash & mask;
    while (this.slots[k] !== undefined) k = (k + 1) & mask;
    this.slots[k] = entry;
    this.hashes[k] = hash;
  }

  private grow(): void {
    const old = this.slots;
    const oldHashes = this.hashes;
    this.slots = new Array<WordEntry | undefined>(old.length * 2).fill(undefined);
    this.hashes = new Int32Array(old.length * 2);
    old.forEach((e, k) => {
      if (e !== undefined) this.place(e, oldHashes[k]!);
    });
  }
}

/** Whether text[from, from + word.length) is `word` (lower-case ASCII) in any case. */
function sameText(word: string, text: string, from: number): boolean {
  for (let j = 0; j < word.length; j++) {
    let c = text.charCodeAt(from + j);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== word.charCodeAt(j)) return false;
  }
  return true;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  // Surrogate pairs: a letter outside the BMP is tested as the pair; its low half follows as part of the word.
  if (c >= 0xdc00 && c <= 0xdfff) return i > 0 && isWordChar(text, i - 1);
  return LETTER_OR_DIGIT.test(c >= 0xd800 && c <= 0xdbff ? text.slice(i, i + 2) : text[i]!);
}

// Buffers reused for every sentence (sentences are read one at a time, never concurrently): its words, and where
// cue phrases may start.
const buffer: string[] = [];
const cueAt: number[] = [];

/**
 * The features of the sentence text[from, to), with its stems added to the vocabulary. Times, speaker and turn end
 * are left for the caller to set.
 */
export function describe(text: string, from: number, to: number, v: Vocabulary): Sentence {
  const stemFrom = v.stems.length;
  let words = 0;
  let content = 0;
  let specific = 0;
  let fillers = 0;
  let address = false;
  let finite = false;
  let you = 0;
  let claim = false;
  let past = false;
  let cues = 0;
  // Tokens as in src/text/words.ts (runs of letters and digits, lower-cased, diacritics folded), scanned by hand:
  // the Unicode regex is only consulted for non-ASCII characters.
  let i = from;
  while (i < to) {
    while (i < to && !isWordChar(text, i)) i++;
    if (i >= to) break;
    const at = i;
    let ascii = true;
    let hash = 0x811c9dc5;
    while (i < to && isWordChar(text, i)) {
      const c = text.charCodeAt(i);
      if (c >= 128) ascii = false;
      // FNV-1a over the lower-cased letters, so a word seen before is found without building its string.
      hash = Math.imul(hash ^ (c >= 65 && c <= 90 ? c + 32 : c), 16777619);
      i++;
    }
    let entry: WordEntry | undefined;
    if (ascii) {
      entry = v.table.find(text, at, i, hash);
      if (entry === undefined) v.table.add((entry = wordEntry(text.slice(at, i).toLowerCase(), v)), hash);
    } else {
      const word = text.slice(at, i).toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
      entry = v.words.get(word);
      if (entry === undefined) v.words.set(word, (entry = wordEntry(word, v)));
    }
    buffer[words] = entry.word;
    const word = entry.word;
    const flags = entry.flags;
    if (flags & ADDRESS && isAdAddress(text, at, i, buffer, words)) address = true;
    if (flags & CUE_HEAD) cueAt[cues++] = words;
    if (flags & FINITE) finite = true;
    if (flags & YOU) you++;
    if (flags & CLAIM) claim = true;
    if (flags & PAST) past = true;
    words++;
    if (flags & FILLER) fillers++;
    if (flags & STOP) continue;
    const code = text.charCodeAt(at);
    if (flags & NUMBER || (code >= 48 && code <= 57)) specific++;
    else if (words > 1 && code >= 65 && code <= 90 && i - at > 1) specific++;
    else if (word.length >= 9) specific++;
    if (!(flags & GENERIC)) content++;
    const id = entry.id;
    v.tf[id]!++;
    if (v.stamp[id] !== v.sentence) {
      v.stamp[id] = v.sentence;
      v.df[id]!++;
    }
    v.stems.push(id);
  }
  v.sentence++;
  const opener = openerOf(text.charCodeAt(from), buffer, words);
  const found = countCues(buffer, words, cueAt, cues);
  let last = to;
  while (last > from && CLOSERS.has(text.charCodeAt(last - 1))) last--;
  return {
    from,
    to,
    start: 0,
    end: 0,
    speaker: null,
    endsTurn: false,
    stemFrom,
    stemTo: v.stems.length,
    words,
    content,
    specific,
    markers: found.markers,
    fillers,
    question: text.charCodeAt(last - 1) === 63 /* ? */,
    finite,
    you,
    claim,
    past,
    opener,
    ad: found.ad > 0 || address,
    smallTalk: found.smallTalk > 0,
  };
}

export function newVocabulary(): Vocabulary {
  return { vocab: new Map(), vocabulary: [], tf: [], df: [], generic: [], stems: [], table: new WordTable(), words: new Map(), stamp: [], sentence: 0 };
}
