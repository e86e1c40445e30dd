// Who talks in an episode, as the episode itself says it: the show's name or the spoken intro names the host, the
// title's guest slot or the intro names the guest. Nothing here guesses: a name is taken only from a pattern that
// states it, so an episode that names nobody gets no names (and the speakers step leaves its turns unknown).
import type { Episode } from '../model/episode.js';
import { looksLikeNameWords } from '../formats/names.js';
import { STOPWORDS } from '../text/words.js';

export interface SpeakerNames {
  host: string | null;
  guests: string[];
}

/** A word of a person's name: capitalised letters ("Lex", "O'Neil", "Luís"), no digits. */
const NAME_WORD = /^\p{Lu}[\p{L}'’.-]*$/u;
/** Two or three capitalised words: the shape of a full name in running speech. */
const FULL_NAME = String.raw`\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,2}`;

/**
 * A show named after its host: "Lex Fridman Podcast", "The Tim Ferriss Show". The suffix is what says the words
 * before it are a person and not a topic ("Planet Money" names no host without a spoken "I'm …").
 */
const SHOW_OF_HOST = /^(?:the\s+)?(.+?)\s+(?:podcast|show|hour|experience|program|programme|interviews?|radio)$/iu;

// Spoken self-introductions of a host. No /i flag: it would let \p{Lu} match lower case, and the capitals are what
// make the words a name ("I'm Lex Fridman" names; "I'm really excited" does not).
const SELF_INTRO = new RegExp(String.raw`\b(?:I'm|I’m|I am|[Mm]y name is)\s+(?:your host,?\s+)?(${FULL_NAME})\b`, 'u');
const SHOW_INTRO = new RegExp(
  String.raw`\b(?:[Tt]his is|[Ww]elcome to|[Yy]ou(?:'|’)re listening to)\s+(?:the\s+)?(${FULL_NAME})\s+(?:[Pp]odcast|[Ss]how)\b`,
  'u',
);

const GUEST_INTRO = new RegExp(
  String.raw`\b(?:conversation|interview|chat|discussion|talk)\s+with\s+(?:(?:Dr|Prof|Mr|Mrs|Ms)\.\s+)?(${FULL_NAME})\b|` +
    String.raw`\b[Mm]y guest(?: today)? is\s+(${FULL_NAME})\b|\b[Jj]oining me (?:today )?is\s+(${FULL_NAME})\b`,
  'u',
);

/**
 * The host's and guests' names from the episode's metadata and the first words of its transcript (`intro`). A host
 * who says "I'm Sam Rivers" is believed first; a show named "Sam Rivers Show" or announced as "this is the Sam Rivers
 * podcast" names its host only when nobody introduces themselves (it may be named after a topic, "Green Thumb Show").
 */
export function speakerNames(episode: Pick<Episode, 'show' | 'guests'>, intro: string): SpeakerNames {
  const host = nameIn(SELF_INTRO, intro) ?? hostFromShow(episode.show) ?? nameIn(SHOW_INTRO, intro);
  let guests = episode.guests.filter((g) => g.trim() && !sameName(g, host));
  if (guests.length === 0) {
    const m = GUEST_INTRO.exec(intro);
    const name = m ? cleanName(m[1] ?? m[2] ?? m[3] ?? '') : null;
    if (name && !sameName(name, host)) guests = [name];
  }
  return { host, guests };
}

function hostFromShow(show: string | null): string | null {
  const m = show ? SHOW_OF_HOST.exec(show.trim()) : null;
  return m ? cleanName(m[1]!) : null;
}

function nameIn(pattern: RegExp, intro: string): string | null {
  return cleanName(pattern.exec(intro)?.[1] ?? '');
}

/** The words as a name, or null when they read like ordinary capitalised words ("Also Really", "So Today"). */
function cleanName(text: string): string | null {
  const name = text.trim().replace(/[.,;:]+$/, '');
  if (!looksLikeNameWords(name, 2, 3, NAME_WORD)) return null;
  if (name.split(/\s+/).some((w) => STOPWORDS.has(w.toLowerCase()))) return null;
  return name;
}

function sameName(a: string, b: string | null): boolean {
  return b !== null && a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** The name people call someone by in conversation: the first word of the name ("Elon" for "Elon Musk"). */
export function callName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}
