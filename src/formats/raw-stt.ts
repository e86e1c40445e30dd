// Raw speech-to-text: the whole episode as one (or a few) huge blocks of words, with no speakers, no timestamps and
// no paragraphs ("The following is a conversation with … To support this podcast …" in one 145 KB line). Some
// engines punctuate, some emit a bare lowercase word stream; both are cut into paragraphs a reader can follow.
import type { EpisodeFragment } from '../model/episode.js';
import { InputError } from '../model/errors.js';
import type { Reader } from './reader.js';
import { plainText } from './text.js';
import { recoverParagraphs } from './paragraphs.js';
import { documentLanguage } from './language.js';
import { hasForeignSignature } from './detection.js';
import { estimateTurns, withMarkers } from './turns.js';

/** Detection reads this much: enough to see whether lines break at all. */
const DETECT_PREFIX = 65_536;
/** A line this long is no hard-wrapped paragraph or subtitle line: it is a dump of the whole recognition. */
const BLOCK_CHARS = 1500;

/**
 * Whether the text is a few huge blocks: at most 3 non-empty lines with one of them holding most of the text,
 * or lines averaging over 2,000 characters (an engine that breaks the stream every few minutes).
 */
function blockShape(prefix: string): { blocky: boolean; short: boolean } {
  let lines = 0;
  let chars = 0;
  let longest = 0;
  for (const raw of prefix.split('\n')) {
    const length = raw.trim().length;
    if (length === 0) continue;
    lines++;
    chars += length;
    if (length > longest) longest = length;
  }
  if (lines === 0) return { blocky: false, short: false };
  const few = lines <= 3 && longest >= BLOCK_CHARS && longest >= chars * 0.6;
  const huge = chars / lines > 2000;
  return { blocky: few || huge, short: lines <= 3 && chars < BLOCK_CHARS };
}

/** "The following is a conversation with Jane Doe, …": the guest named in a podcast's spoken intro. */
// No /i flag: it would let \p{Lu} match lowercase letters, and the name's capitals are what make it a name.
const INTRO =
  /^\s*(?:[Tt]he following is|[Tt]his is|[Tt]oday(?:,| on the show,)? (?:I have|we have|is))\s+(?:a|an|my|our)\s+(?:conversation|interview|chat|discussion|talk)\s+with\s+((?:(?:Dr|Prof|Mr|Mrs|Ms)\.\s+)?\p{Lu}[\p{L}'’-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|van|von|der|da|al|bin|di|du)){0,3})/u;

function introGuest(text: string): string | undefined {
  const m = INTRO.exec(text.slice(0, 400));
  if (!m) return undefined;
  const name = m[1]!.replace(/[.,]$/, '').trim();
  // One capitalised word after "with" is as often a company or a topic as a person.
  return name.split(/\s+/).length >= 2 ? name : undefined;
}

function read(text: string): EpisodeFragment {
  const prose = plainText(text);
  if (!/\p{L}/u.test(prose)) throw new InputError('no words in the text (only digits, punctuation or blanks)');
  const paragraphs = recoverParagraphs(prose);
  // Estimated times at 2.9 words/s, the speaking rate measured over the Lexicap corpus (7.38 M words in 703 hours,
  // pauses included): good to within a minute or two over an hour, enough to jump near a moment.
  const turns = estimateTurns(paragraphs.map((p) => ({ text: p }))).map(withMarkers);
  if (turns.length === 0) throw new InputError('no transcript text after removing markup');

  const fragment: EpisodeFragment = { meta: {}, transcript: { turns } };
  const language = documentLanguage(prose);
  if (language?.sure) fragment.meta.language = language.lang;
  const guest = introGuest(prose);
  if (guest) fragment.meta.guests = [guest];
  return fragment;
}

export const rawSttReader: Reader = {
  id: 'raw-stt',
  label: 'Raw speech-to-text (one block, no speakers or times)',
  detect(text) {
    const prefix = text.length > DETECT_PREFIX ? text.slice(0, DETECT_PREFIX) : text;
    if (!/\p{L}/u.test(prefix) || hasForeignSignature(prefix)) return 0;
    const { blocky, short } = blockShape(prefix);
    // A short paragraph or two is prose without structure too, but say so softly: a talk or plain text may fit.
    if (short) return 0.3;
    if (!blocky) return 0;
    return 0.6;
  },
  read(text) {
    return read(text);
  },
};
