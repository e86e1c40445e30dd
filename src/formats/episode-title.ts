// Reads the facts podcast titles carry: "Guest: Topics | Show #123", "#123 – Guest — Topics", "Show Ep. 12: Title".
import { showKey } from '../model/identity.js';
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

  // "Title | Show #123 - Site": the part after the last pipe that carries a number is the show.
  const pipe = text.split(/\s+\|\s+/);
  if (pipe.length > 1) {
    for (let i = pipe.length - 1; i >= 1; i--) {
      const m = NUMBER_IN_SHOW.exec(pipe[i]!);
      if (m && m[1]!.trim()) {
        parts.show = cleanShow(m[1]!);
        parts.number = Number(m[2]);
        text = pipe.slice(0, i).join(' | ');
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
    }
  }

  if (parts.show === undefined && showHint) parts.show = cleanShow(showHint);
  parts.title = squash(text.replace(/^[\s:–—|-]+|[\s:–—|-]+$/g, '')) || squash(raw);

  const guests = guestsFromTitle(parts.title);
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

const NAME_WORD = /^(?:[A-Z][\p{L}'’.-]*|[A-Z]\.|de|da|van|von|der|del|la|le|bin|al|el|di|du|dos|ten|ter)$/u;

/**
 * The guest names before the first ":" or "—" of a title, when that part reads like names
 * ("Andrej Karpathy", "Jim Keller & Lisa Su"), not like a topic ("Part 2", "AI").
 */
export function guestsFromTitle(title: string): string[] {
  const m = /^(.{3,80}?)\s*(?::|\s[–—-]\s)\s*\S/.exec(title);
  if (!m) return [];
  const names = m[1]!
    .split(/\s*(?:,|&|\band\b|\bwith\b|\+)\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length === 0) return [];
  for (const name of names) {
    const words = name.split(/\s+/);
    if (words.length < 2 || words.length > 5) return [];
    if (!words.every((w) => NAME_WORD.test(w))) return [];
    if (!/^[A-Z]/.test(words[0]!) || !/^[A-Z]/.test(words[words.length - 1]!)) return [];
  }
  return names;
}
