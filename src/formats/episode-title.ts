// Reads the facts podcast titles carry: "Guest: Topics | Show #123", "#123 – Guest — Topics", "Show Ep. 12: Title".
import type { EpisodeMeta } from '../model/episode.js';
import { showKey } from '../model/identity.js';
import { looksLikeNameWords } from './names.js';
import { squash } from './text.js';

export { showKey };

export interface TitleParts {
  /** The episode's own title, without the show name, number or page decorations. */
  title: string;
  show?: string;
  number?: number;
  guests?: string[];
}

const NUMBER_IN_SHOW = /^(.*?)[\s,:–—-]*(?:#|№|No\.?\s*|Ep(?:isode)?\.?\s*)(\d{1,5})\b\s*(.*)$/i;
const LEADING_NUMBER = /^(?:#|№|Ep(?:isode)?\.?\s*)?(\d{1,5})\s*(?:[–—:|.-]\s*|\s+(?=[A-Z]))(.+)$/i;
/** "Low Tide #12 – Kelp Forests", "Garden Talk Episode 12: Compost": a show, its episode number, a separator, a title. */
const SHOW_NUMBER_TITLE = /^(\p{Lu}[^:|#]{0,60}?)\s+(?:#|№\s*|No\.\s*|Ep\.?\s*|Episode\s+)(\d{1,5})\s*[:–—|-]\s*(\S.*)$/iu;

/**
 * Splits a raw title into show, number, guests and the episode's own title.
 * `showHint` is a show name the source gives elsewhere (an author field, a page name).
 */
export function parseEpisodeTitle(raw: string, showHint?: string): TitleParts {
  let text = squash(raw)
    .replace(/\\([#*_[\]()])/g, '$1')
    .replace(/^"(.*)"$/, '$1')
    .replace(/^(?:transcript|transcription|highlights|notes)\s+(?:for|of)\s*:?\s+/i, '')
    .replace(/\s*[([](?:highlights|transcript|notes|summary|full episode|audio|video)[)\]]\s*$/i, '')
    .trim();

  const parts: TitleParts = { title: text };
  // "Guest: Topics | Show #N": the part before the colon is where the guest is named, so one word there is a guest.
  let guestSlot = false;

  // "Title | Show #123 - Site": the part after the last pipe that carries a number is the show.
  const pipe = text.split(/\s+\|\s+/);
  if (pipe.length > 1) {
    for (let i = pipe.length - 1; i >= 1; i--) {
      const m = NUMBER_IN_SHOW.exec(pipe[i]!);
      if (m && m[1]!.trim()) {
        parts.show = cleanShow(m[1]!);
        parts.number = Number(m[2]);
        text = pipe.slice(0, i).join(' | ');
        guestSlot = true;
        break;
      }
    }
    if (parts.show === undefined) {
      const last = pipe[pipe.length - 1]!.trim();
      if (showHint && sameShow(last, showHint)) {
        parts.show = cleanShow(last);
        text = pipe.slice(0, -1).join(' | ');
      }
    }
  }

  if (parts.number === undefined) {
    const m = LEADING_NUMBER.exec(text);
    if (m) {
      parts.number = Number(m[1]);
      text = m[2]!;
    } else if (showHint) {
      // "Show Name Ep. 12: Title" / "Show Name #12 - Title"
      const s = NUMBER_IN_SHOW.exec(text);
      if (s && sameShow(s[1]!, showHint) && s[3]) {
        parts.number = Number(s[2]);
        text = s[3].replace(/^[\s:–—|-]+/, '');
      }
    } else {
      // Without a hint the show must read like a name (capitalised words) for the number to be the episode's.
      const s = SHOW_NUMBER_TITLE.exec(text);
      if (s && looksLikeNameWords(s[1]!, 1, 6, TITLE_WORD)) {
        parts.show = cleanShow(s[1]!);
        parts.number = Number(s[2]);
        text = s[3]!;
      }
    }
  }

  if (parts.show === undefined && showHint) parts.show = cleanShow(showHint);
  parts.title = squash(text.replace(/^[\s:–—|-]+|[\s:–—|-]+$/g, '')) || squash(raw);

  const guests = guestsFromTitle(parts.title, guestSlot);
  if (guests.length > 0) parts.guests = guests;
  return parts;
}

function cleanShow(show: string): string {
  return squash(show.replace(/^[\s:–—|-]+|[\s:–—|,-]+$/g, '').replace(/^\[\[(.*)\]\]$/, '$1'));
}

function sameShow(a: string, b: string): boolean {
  const ka = showKey(a);
  const kb = showKey(b);
  return ka.length > 0 && (ka === kb || ka.startsWith(kb) || kb.startsWith(ka));
}

/** A capitalised word of a show's name ("Low", "Tide", "AI"), possibly with a digit or an ampersand. */
const TITLE_WORD = /^(?:[\p{Lu}\d][\p{L}\d'’.&-]*|&)$/u;
/** A word of a person's name: capitalised letters ("Andrej", "O’Neil", "J.", "Luís"), no digits. */
const NAME_WORD = /^\p{Lu}[\p{L}'’.-]*$/u;
/** A one-word name in the guest slot: a capitalised word of letters ("Grimes", "RZA"). */
const MONONYM = /^\p{Lu}[\p{L}'’-]+$/u;

/**
 * The guest names before the first ":" or "—" of a title, when that part reads like names of two to five words
 * ("Andrej Karpathy", "Jim Keller & Lisa Su"), not like a topic ("Part 2", "AI"). In the guest slot of a
 * "Guest: Topics | Show #N" title (`guestSlot`), a single capitalised word before a capitalised topic list is a guest
 * too ("Grimes: Music, AI, …"), and first names share the surname that follows them ("Luís and João Batalha").
 */
export function guestsFromTitle(title: string, guestSlot = false): string[] {
  const m = /^(.{2,80}?)\s*(?::|\s[–—-]\s)\s*(\S)/u.exec(title);
  if (!m) return [];
  const names = m[1]!
    .split(/\s*(?:,|&|\band\b|\bwith\b|\+)\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
  const mononyms = guestSlot && /\p{Lu}/u.test(m[2]!);
  const last = names[names.length - 1]?.split(/\s+/) ?? [];
  if (mononyms && last.length === 2) {
    names.forEach((name, i) => {
      if (i < names.length - 1 && MONONYM.test(name)) names[i] = `${name} ${last[1]}`;
    });
  }
  if (names.length === 0) return [];
  const isName = (name: string): boolean => looksLikeNameWords(name, 2, 5, NAME_WORD) || (mononyms && MONONYM.test(name));
  return names.every(isName) ? names : [];
}

/** The facts a raw title carries (see parseEpisodeTitle) as episode meta: title, show, number, guests. */
export function titleMeta(raw: string, showHint?: string): EpisodeMeta {
  const parts = parseEpisodeTitle(raw, showHint);
  const meta: EpisodeMeta = {};
  if (parts.title) meta.title = parts.title;
  if (parts.show) meta.show = parts.show;
  if (parts.number !== undefined) meta.number = parts.number;
  if (parts.guests && parts.guests.length > 0) meta.guests = parts.guests;
  return meta;
}
