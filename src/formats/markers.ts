// Non-speech markers: which bracketed or parenthesised notes in a transcript describe sounds rather than words.
// One rule set for every reader (subtitles, machine transcripts, web pages, prose):
//
// A note is "[...]" (also Markdown-escaped "\[...\]") or "(...)", on one line, at most 80 characters. Square
// brackets are the transcriber's or captioner's; parentheses are as often the speaker's own aside. A note is a marker
//  1. when it names a known kind of non-speech anywhere in it: inaudible ("[inaudible 00:07:22]", "[unintelligible]"),
//     crosstalk, laughter ("(laughs)", "[audience laughing]"), applause, music ("[Music]", "[♫ música ♫]"), a foreign
//     language ("[foreign]", "[speaking Spanish]", "(in French)", "[Spanish]"), or another sound ("[BLANK_AUDIO]",
//     silence, pause, noise, static, beep, cough, sigh, gasp, breathing, "(clears throat)", …);
//  2. in square brackets, when it is written in capitals ("[DOOR SLAMS]", "[NO SOUND]") or reads as a caption's sound
//     description: lower-case words ending in a sound verb ("[door slams]", "[phone ringing]", "[whispering]");
//  3. in parentheses, when it is two or more words in capitals ("(DOOR SLAMS)").
// It never is when it is an editorial note ("[sic]", "[ph]", "[?]"), a clarification starting with an article or a
// possessive ("[the company]", "(his brother)"), or, in parentheses, longer than four words ("(music by a friend of
// mine)"): those are words of the transcript and stay in the text. A text of nothing but music notes ("♪ ♪") is a
// music marker too.
import type { Marker } from '../model/episode.js';
import { squash } from './text.js';

const LANGUAGE =
  '(?:spanish|french|german|italian|portuguese|russian|ukrainian|polish|chinese|mandarin|cantonese|japanese|korean|' +
  'arabic|hebrew|hindi|urdu|persian|farsi|turkish|greek|latin|dutch|swedish|norwegian|danish|finnish|vietnamese|thai|' +
  'tagalog|swahili)';

const KINDS: [RegExp, Marker['kind']][] = [
  [/\b(?:inaudible|unintelligible|indistinct|indiscernible|incomprehensible|unclear|garbled)\b/i, 'inaudible'],
  [/\b(?:cross-?talk|cross talk|overlapping|talking over|all talking)\b/i, 'crosstalk'],
  [/\b(?:laugh|chuckl|giggl)/i, 'laughter'],
  [/\b(?:applau|clapping|cheering)/i, 'applause'],
  [/\bmusic\b|\bm[uú]sica\b|\bmusique\b|[♪♫♬]|\bsinging\b|\bjingle\b/i, 'music'],
  [
    new RegExp(
      `\\b(?:foreign|non-english|other language)\\b|^(?:in|speaking|speaks)\\s+(?:in\\s+)?${LANGUAGE}\\b|^${LANGUAGE}(?:\\s+language)?$`,
      'i',
    ),
    'foreign',
  ],
  [
    /\b(?:silen(?:ce|t)|blank_audio|no (?:audio|speech|sound)|pause|noise|static|beeps?|bleep\w*|cough\w*|sigh\w*|gasp\w*|groan\w*|grunt\w*|scream\w*|sniff\w*|sob(?:s|bing)?|cries|crying|exhale\w*|inhale\w*|breath\w*|clears? (?:\w+ )?throat|sound effects?)\b/i,
    'other',
  ],
];

const EDITORIAL = /^(?:sic!?|ph|sp|\?+|emphasis(?: added| mine)?|cont(?:inued|'d)?)$/i;
const CLARIFICATION = /^(?:the|this|that|these|those|his|her|their|my|our|your|its)\b/i;
/** A caption's sound description: "door slams", "phone ringing", "whispering" (one word only in its -ing form). */
const SOUND_DESCRIPTION = /^(?:\p{Ll}+ing|[\p{L}][\p{Ll}-]*(?: [\p{Ll}-]+){0,2} \p{Ll}{2,}(?:[^s\W]s|ing))$/u;

/** What kind of marker a note is, or null when its words belong to the transcript (see the rules above). */
export function markerKind(label: string, square: boolean): Marker['kind'] | null {
  if (!/[\p{L}♪♫♬]/u.test(label) || EDITORIAL.test(label) || CLARIFICATION.test(label)) return null;
  if (!square && label.split(' ').length > 4) return null;
  for (const [pattern, kind] of KINDS) if (pattern.test(label)) return kind;
  if (!/\p{Ll}/u.test(label) && /\p{Lu}/u.test(label)) return square || label.includes(' ') ? 'other' : null;
  return square && SOUND_DESCRIPTION.test(label) ? 'other' : null;
}

const NOTE = /\\?\[([^[\]\n]{1,80}?)\\?\]|\(([^()\n]{1,80})\)/g;
const MUSIC_ONLY = /^[\s♪♫♬]+$/;
/** Punctuation that belongs to the word before it, so a removed marker does not leave it standing alone. */
const CLOSING = /^[.,;:!?…)\]”’]/;

/**
 * Takes the markers out of clean one-line text. Each marker's offset is where it stood: the length of the text before
 * it, without the space that separated them ("So [inaudible] we won" → "So we won", offset 2). Punctuation that
 * followed a marker joins the word before it ("Hello [laughs]." → "Hello."); punctuation left alone at the start is
 * dropped ("[crosstalk]. But" → "But").
 */
export function extractMarkers(text: string): { text: string; markers: Marker[] } {
  const markers: Marker[] = [];
  if (!text.includes('[') && !text.includes('(')) return musicOnly(text, markers);
  let out = '';
  let last = 0;
  for (const m of text.matchAll(NOTE)) {
    const square = m[1] !== undefined;
    const label = squash(square ? m[1]! : m[2]!);
    const kind = markerKind(label, square);
    if (!kind) continue;
    out = append(out, text.slice(last, m.index), markers.length > 0);
    markers.push({ kind, label, offset: out.length });
    last = m.index + m[0].length;
  }
  return musicOnly(markers.length > 0 ? append(out, text.slice(last), true) : text, markers);
}

/** A text of nothing but music notes ("♪ ♪") is a music marker. */
function musicOnly(text: string, markers: Marker[]): { text: string; markers: Marker[] } {
  if (!MUSIC_ONLY.test(text)) return { text, markers };
  markers.push({ kind: 'music', label: squash(text), offset: 0 });
  return { text: '', markers };
}

function append(out: string, raw: string, afterMarker: boolean): string {
  let piece = raw.trim();
  if (!out && afterMarker) piece = piece.replace(/^[.,;:!?]+(?:\s+|$)/, '');
  if (!piece) return out;
  if (!out) return piece;
  return CLOSING.test(piece) ? out + piece : `${out} ${piece}`;
}
