// Titles for key moments: the one or two phrases that name what a quote is about ("Three Kingdoms war and China",
// "Community Notes and open source"). Like keyphrases() (src/enrich/keyphrases.ts), phrases are runs of content
// words weighed by how much more they belong to the quote than to the rest of the episode; unlike it, a title must
// read as a name: phrases are runs of nouns and adjectives ending on a noun (so never "perhaps", "significant" or
// "voiced"), names as written ("Brave New World") are preferred and keep their case, and a name said once counts.
// Pure (the part-of-speech memo of src/enrich/pos.ts only saves work).
import { isStopword } from '../text/words.js';
import { wordStem } from './analysis.js';
import { partOfSpeech, tagWords as tagPartsOfSpeech } from './pos.js';

/** Words that name nothing, even as the head of a phrase. */
const VAGUE = new Set(
  `people time way thing things lot kind sort idea ideas question questions point sense part fact case world life day
  years year today something everything anything nothing someone everyone guy guys stuff bit reason example course
  place end number actually basically probably obviously literally certainly definitely exactly totally pretty
  gonna talk talking think thinking know knowing mean means say saying said go going get getting make making want
  wanted see look looking feel feeling like really good great right yeah okay sure little big different important
  interesting hard able true whole perhaps maybe kinda sorta lots man dude folks everybody somebody anybody nobody
  yes no thank thanks please wow hey um uh hmm oh ah absolutely essentially fundamentally ultimately especially
  simply certain many much more most less least every other another such own same new old first second last next
  whatever whoever wherever whenever however therefore anyway somehow bunch couple cetera etc gosh heck hell damn
  shit fuck fucking crap`
    .split(/\s+/)
    .filter(Boolean),
);

const MAX_WORDS = 3;

type Tag = 'noun' | 'adj' | 'other';

/** Lower-case words of letters only are asked of the tagger (src/enrich/pos.ts); others are read by their shape. */
const TAGGED = /^[a-z]+$/;

function tagWords(words: readonly string[]): void {
  tagPartsOfSpeech(words.filter((w) => TAGGED.test(w)));
}

function fromShape(word: string): Tag {
  return /(?:ly|ed)$/.test(word) ? 'other' : /(?:ous|ful|ive|able|ible|less|ish|ical|ic)$/.test(word) ? 'adj' : 'noun';
}

function tagOf(word: string): Tag {
  const pos = TAGGED.test(word) ? partOfSpeech(word) : undefined;
  return pos === undefined ? fromShape(word) : pos === 'verb' ? 'other' : pos;
}

interface Token {
  word: string;
  lower: string;
  stem: string;
  /** Capitalized inside a sentence: a name as the transcript writes it. */
  named: boolean;
  /** Long enough, not a number, stopword or (unless named) vague word: may be part of a phrase. */
  usable: boolean;
  /** Its part of speech, for usable words that are not names. */
  tag: Tag;
}

interface Phrase {
  key: string;
  surface: string;
  count: number;
  score: number;
  named: boolean;
}

/**
 * The best phrases of a quote, best first. `idf(stem)` says how rare a stem is in the episode (so the episode's
 * every-minute words do not title every moment).
 */
export function titlePhrases(quote: string, idf: (stem: string) => number, max = 4): string[] {
  const chunks: Token[][] = [];
  for (const sentence of quote.split(/(?<=[.!?…])\s+/)) {
    let first = true;
    for (const chunk of sentence.split(/[.,;:!?…()[\]"“”—–]+|\s-\s/)) {
      const tokens: Token[] = [];
      for (const word of chunk.match(/[\p{L}\p{N}]+(?:['’]\p{L}+)?/gu) ?? []) {
        const lower = word.includes("'") || word.includes('’') ? word.toLowerCase().replace(/['’]\p{L}+$/u, '') : word.toLowerCase();
        const named = !first && startsUpper(word) && word !== 'I';
        // A name is kept whole even when its words are vague on their own ("Brave New World").
        const usable = lower.length >= (named ? 2 : 3) && !isDigits(lower) && !isStopword(lower) && (named || !VAGUE.has(lower));
        tokens.push({ word, lower, stem: '', named, usable, tag: 'other' });
        first = false;
      }
      chunks.push(tokens);
    }
  }
  tagWords(chunks.flatMap((c) => c.filter((t) => t.usable && !t.named).map((t) => t.lower)));
  const tf = new Map<string, number>();
  const runs: Token[][] = [];
  for (const chunk of chunks) {
    let run: Token[] = [];
    for (const t of chunk) {
      if (t.usable && !t.named) t.tag = tagOf(t.lower);
      if (!t.usable || (!t.named && t.tag === 'other')) {
        if (run.length) runs.push(run);
        run = [];
        continue;
      }
      t.stem = wordStem(t.lower);
      tf.set(t.stem, (tf.get(t.stem) ?? 0) + 1);
      run.push(t);
    }
    if (run.length) runs.push(run);
  }
  const found = new Map<string, Phrase>();
  for (const run of runs) {
    for (let len = 1; len <= MAX_WORDS; len++) {
      for (let i = 0; i + len <= run.length; i++) {
        const head = run[i + len - 1]!;
        if (!head.named && head.tag !== 'noun') continue;
        // A lone common word needs some length to name anything ("res", "con" are cut-off words).
        if (len === 1 && !head.named && head.lower.length < 4) continue;
        let key = run[i]!.stem;
        for (let k = 1; k < len; k++) key += ` ${run[i + k]!.stem}`;
        let entry = found.get(key);
        if (!entry) {
          // A possessive names its owner, not the phrase: "Newton's" ends a title as "Newton".
          let surface = '';
          let named = true;
          for (let k = 0; k < len; k++) {
            const p = run[i + k]!;
            surface += (k > 0 ? ' ' : '') + (k === len - 1 ? p.word.replace(/['’]s$/i, '') : p.word);
            named &&= p.named;
          }
          found.set(key, (entry = { key, surface, count: 0, score: 0, named }));
        }
        entry.count++;
      }
    }
  }
  const phrases = [...found.values()];
  for (const p of phrases) {
    const stems = p.key.split(' ');
    const weight = stems.reduce((sum, s) => sum + Math.log(1 + (tf.get(s) ?? 0)) * idf(s), 0) / Math.sqrt(stems.length);
    p.score = weight * (1 + Math.log(p.count)) * (stems.length > 1 ? 1.3 : 1) * (p.named ? 1.3 : 1);
  }
  phrases.sort((a, b) => b.score - a.score || a.surface.localeCompare(b.surface));
  const out: Phrase[] = [];
  for (const p of phrases) {
    const key = ` ${p.key} `;
    if (out.some((o) => ` ${o.key} `.includes(key) || key.includes(` ${o.key} `))) continue;
    out.push(p);
    if (out.length >= max) break;
  }
  return out.map((p) => p.surface);
}

/** Starts with an upper-case letter (/^\p{Lu}/u), looked up without a regex for ASCII. */
function startsUpper(word: string): boolean {
  const c = word.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : /^\p{Lu}/u.test(word);
}

function isDigits(word: string): boolean {
  if (word.length === 0) return false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function stemsOf(phrase: string): string[] {
  return phrase
    .toLowerCase()
    .split(' ')
    .map((w) => wordStem(w.replace(/['’]\p{L}+$/u, '')));
}

/**
 * A title from the best phrases: one long enough to stand alone, else two joined ("Civil wars and China"). A phrase
 * that led an earlier title of the episode is passed over when another is available, so titles tell moments apart.
 */
export function momentTitle(quote: string, idf: (stem: string) => number, used: Set<string>): string {
  const phrases = titlePhrases(quote, idf);
  const fresh = phrases.filter((p) => !used.has(p.toLowerCase()));
  const pool = fresh.length ? fresh : phrases;
  const first = pool[0];
  if (!first) return '';
  used.add(first.toLowerCase());
  // The second phrase must add a subject, not repeat a word of the first ("Protein Data" after "Data Bank").
  const firstStems = new Set(stemsOf(first));
  const second = pool.slice(1).find((p) => !stemsOf(p).some((s) => firstStems.has(s)));
  const words = first.split(' ').length;
  const title = second && words + second.split(' ').length <= 5 ? `${first} and ${second}` : first;
  return title.charAt(0).toUpperCase() + title.slice(1);
}
