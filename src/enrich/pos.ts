// Each lower-case word's usual part of speech, for the titles of chapters (keyphrases.ts) and key moments
// (moments-title.ts): both keep phrases that read as names (nouns, adjectives before them), and a word's tag out of
// context is what that needs. One memo for both, so a word is tagged once per process whichever step meets it.
//
// Words go to the wink-nlp tagger as a comma-separated list. Checked on 2,700 words of a corpus episode: a word in
// such a list gets the tag it gets alone (5 differ, all function words like "that" and "to", never asked about here),
// whatever the order of the list. A list of one word a line, as chapters used before, is read as one run-on sentence:
// 60 % of the words got another tag than alone and nearly all changed with the order of the list, so a chapter's
// title depended on which words happened to be tagged with its own.
import { english } from '../formats/text.js';
import { detached } from './analysis.js';

export type PartOfSpeech = 'noun' | 'adj' | 'verb' | 'other';

/** The tag of each word asked about; null when the tagger did not give it back as one token (no tag known). */
const tags = new Map<string, PartOfSpeech | null>();
/** Bounded; emptied when full (it only saves work: tags do not depend on what was tagged before). */
const MAX_TAGS = 200_000;

type PosDoc = { tokens(): { out(what?: unknown): string[] } };
type PosNlp = { readDoc(text: string): PosDoc; its: { pos: unknown } };

/** Tags the words not tagged yet (about 20 µs a word, in one call to the tagger). */
export function tagWords(words: Iterable<string>): void {
  const unknown: string[] = [];
  const asked = new Set<string>();
  for (const w of words) {
    if (!w || tags.has(w) || asked.has(w)) continue;
    asked.add(w);
    unknown.push(w);
  }
  if (unknown.length === 0) return;
  if (tags.size + unknown.length > MAX_TAGS) tags.clear();
  let values: string[] = [];
  let pos: string[] = [];
  try {
    const nlp = english() as unknown as PosNlp;
    const doc = nlp.readDoc(unknown.join(', '));
    values = doc.tokens().out();
    pos = doc.tokens().out(nlp.its.pos);
  } catch {
    // Tagger failure: the words stay untagged and callers fall back on what they do without a tag.
  }
  // Each word is the next token equal to it; a word the tagger split ("cannot") has no token of its own.
  let i = 0;
  for (const w of unknown) {
    let found = -1;
    for (let k = i; k < values.length && k < i + 32; k++) {
      if (values[k] === w) {
        found = k;
        break;
      }
    }
    if (found >= 0) i = found + 1;
    tags.set(detached(w), found >= 0 ? fromPos(pos[found]!) : null);
  }
}

/** A word's tag, if the tagger gave one (call tagWords first). */
export function partOfSpeech(word: string): PartOfSpeech | undefined {
  return tags.get(word) ?? undefined;
}

function fromPos(pos: string): PartOfSpeech {
  return pos === 'NOUN' || pos === 'PROPN' ? 'noun' : pos === 'ADJ' || pos === 'NUM' ? 'adj' : pos === 'VERB' || pos === 'AUX' ? 'verb' : 'other';
}
