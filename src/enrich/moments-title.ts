// Titles for key moments: the one or two phrases that name what a quote is about ("Three Kingdoms war and China",
// "Community Notes and open source"). Like keyphrases() (src/enrich/keyphrases.ts), phrases are runs of content
// words weighed by how much more they belong to the quote than to the rest of the episode; unlike it, a title must
// read as a name: phrases are runs of nouns and adjectives ending on a noun (so never "perhaps", "significant" or
// "voiced"), names as written ("Brave New World") are preferred and keep their case, and a name said once counts.
// Pure (the part-of-speech memo below only saves work).
import { english } from '../formats/text.js';
import { isStopword, stem } from '../text/words.js';

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

/**
 * Each lower-case word's usual part of speech, from the wink-nlp tagger run on the bare, comma-separated word list.
 * Memoized across episodes: tagging is ~20 µs a word, and the vocabulary repeats. The memo cannot make titles depend
 * on which episodes came before: checked on 15,000 corpus words, a content word in such a list gets exactly the tag
 * it gets alone (the tagger's context rules only move function words like "that", which are never tagged here).
 */
const tags = new Map<string, Tag>();
const MAX_TAGS = 200_000;

type PosDoc = { tokens(): { out(what?: unknown): string[] } };
type PosNlp = { readDoc(text: string): PosDoc; its: { pos: unknown } };

function tagWords(words: readonly string[]): void {
  const unknown = [...new Set(words)].filter((w) => !tags.has(w) && /^[a-z]+$/.test(w));
  if (!unknown.length) return;
  let found: string[] = [];
  try {
    const nlp = english() as unknown as PosNlp;
    const doc = nlp.readDoc(unknown.join(', '));
    const texts = doc.tokens().out();
    const pos = doc.tokens().out(nlp.its.pos);
    found = pos.filter((_, i) => texts[i] !== ',');
  } catch {
    found = [];
  }
  // If the tagger split or merged a word, the tags no longer line up: fall back to word shapes for this batch.
  const aligned = found.length === unknown.length;
  unknown.forEach((w, i) => {
    const tag = aligned ? fromPos(found[i]!) : fromShape(w);
    if (tags.size < MAX_TAGS) tags.set(w, tag);
  });
}

function fromPos(pos: string): Tag {
  return pos === 'NOUN' || pos === 'PROPN' ? 'noun' : pos === 'ADJ' || pos === 'NUM' ? 'adj' : 'other';
}

function fromShape(word: string): Tag {
  return /(?:ly|ed)$/.test(word) ? 'other' : /(?:ous|ful|ive|able|ible|less|ish|ical|ic)$/.test(word) ? 'adj' : 'noun';
}

function tagOf(word: string): Tag {
  return tags.get(word) ?? fromShape(word);
}

interface Token {
  word: string;
  lower: string;
  stem: string;
  /** Capitalized inside a sentence: a name as the transcript writes it. */
  named: boolean;
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
        const lower = word.toLowerCase().replace(/['’]\p{L}+$/u, '');
        tokens.push({ word, lower, stem: '', named: !first && /^\p{Lu}/u.test(word) && word !== 'I' });
        first = false;
      }
      chunks.push(tokens);
    }
  }
  // A name is kept whole even when its words are vague on their own ("Brave New World").
  const usable = (t: Token) => t.lower.length >= (t.named ? 2 : 3) && !/^\d+$/.test(t.lower) && !isStopword(t.lower) && (t.named || !VAGUE.has(t.lower));
  tagWords(chunks.flatMap((c) => c.filter((t) => usable(t) && !t.named).map((t) => t.lower)));
  const tf = new Map<string, number>();
  const runs: Token[][] = [];
  for (const chunk of chunks) {
    let run: Token[] = [];
    for (const t of chunk) {
      if (!usable(t) || (!t.named && tagOf(t.lower) === 'other')) {
        if (run.length) runs.push(run);
        run = [];
        continue;
      }
      t.stem = stem(t.lower);
      tf.set(t.stem, (tf.get(t.stem) ?? 0) + 1);
      run.push(t);
    }
    if (run.length) runs.push(run);
  }
  const found = new Map<string, Phrase>();
  for (const run of runs) {
    for (let len = 1; len <= MAX_WORDS; len++) {
      for (let i = 0; i + len <= run.length; i++) {
        const part = run.slice(i, i + len);
        const head = part[len - 1]!;
        if (!head.named && tagOf(head.lower) !== 'noun') continue;
        // A lone common word needs some length to name anything ("res", "con" are cut-off words).
        if (len === 1 && !head.named && head.lower.length < 4) continue;
        const key = part.map((p) => p.stem).join(' ');
        let entry = found.get(key);
        // A possessive names its owner, not the phrase: "Newton's" ends a title as "Newton".
        const surface = part.map((p, k) => (k === len - 1 ? p.word.replace(/['’]s$/i, '') : p.word)).join(' ');
        if (!entry) found.set(key, (entry = { key, surface, count: 0, score: 0, named: part.every((p) => p.named) }));
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

function stemsOf(phrase: string): string[] {
  return phrase
    .toLowerCase()
    .split(' ')
    .map((w) => stem(w.replace(/['’]\p{L}+$/u, '')));
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
