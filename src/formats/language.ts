// Which language a piece of transcript text is in, for the readers that meet mixed-language documents (a talk
// transcript with a machine translation under some paragraphs). Scripts decide first because they are certain and
// cheap; franc-min's trigram statistics decide between languages that share the Latin (or Cyrillic, Arabic,
// Devanagari) script, and only when the text is long enough for them to be reliable.
import { francAll } from 'franc-min';

export type Script =
  | 'Latin'
  | 'Han'
  | 'Kana'
  | 'Hangul'
  | 'Cyrillic'
  | 'Arabic'
  | 'Hebrew'
  | 'Greek'
  | 'Devanagari'
  | 'Bengali'
  | 'Thai'
  | 'Georgian'
  | 'Armenian'
  | 'Tamil'
  | 'Telugu';

/** The script of one code point, or null for digits, punctuation, symbols and scripts no reader needs. */
export function scriptOf(code: number): Script | null {
  if (code < 0x80) return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) ? 'Latin' : null;
  if (code >= 0xc0 && code <= 0x24f) return code === 0xd7 || code === 0xf7 ? null : 'Latin';
  if (code >= 0x1e00 && code <= 0x1eff) return 'Latin';
  if (code >= 0x370 && code <= 0x3ff) return 'Greek';
  if (code >= 0x1f00 && code <= 0x1fff) return 'Greek';
  if (code >= 0x400 && code <= 0x52f) return 'Cyrillic';
  if (code >= 0x530 && code <= 0x58f) return 'Armenian';
  if (code >= 0x590 && code <= 0x5ff) return 'Hebrew';
  if ((code >= 0x600 && code <= 0x6ff) || (code >= 0x750 && code <= 0x77f) || (code >= 0x8a0 && code <= 0x8ff)) {
    return 'Arabic';
  }
  if ((code >= 0xfb50 && code <= 0xfdff) || (code >= 0xfe70 && code <= 0xfeff)) return 'Arabic';
  if (code >= 0x900 && code <= 0x97f) return 'Devanagari';
  if (code >= 0x980 && code <= 0x9ff) return 'Bengali';
  if (code >= 0xb80 && code <= 0xbff) return 'Tamil';
  if (code >= 0xc00 && code <= 0xc7f) return 'Telugu';
  if (code >= 0xe00 && code <= 0xe7f) return 'Thai';
  if (code >= 0x10a0 && code <= 0x10ff) return 'Georgian';
  if ((code >= 0x1100 && code <= 0x11ff) || (code >= 0x3130 && code <= 0x318f) || (code >= 0xac00 && code <= 0xd7af)) {
    return 'Hangul';
  }
  if ((code >= 0x3040 && code <= 0x30ff) || (code >= 0x31f0 && code <= 0x31ff)) return 'Kana';
  if ((code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff)) {
    return 'Han';
  }
  if (code >= 0x20000 && code <= 0x3134f) return 'Han';
  return null;
}

/**
 * One CJK character carries about as much as a short word, while a Latin letter is a fraction of one; weighing
 * them alike would let a few English product names outvote a Chinese sentence.
 */
function weightOf(script: Script): number {
  return script === 'Han' || script === 'Kana' || script === 'Hangul' ? 3 : 1;
}

/** Letters per script, weighted, over at most `limit` characters (a prefix is enough to know a script). */
export function scriptCounts(text: string, limit = 4000): Map<Script, number> {
  const counts = new Map<Script, number>();
  const end = Math.min(text.length, limit);
  for (let i = 0; i < end; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      code = text.codePointAt(i)!;
      i++;
    }
    const script = scriptOf(code);
    if (script) counts.set(script, (counts.get(script) ?? 0) + weightOf(script));
  }
  return counts;
}

/** The script most of the text's letters are written in; Kana beside Han means Japanese, so it wins there. */
export function dominantScript(text: string, limit = 4000): Script | null {
  const counts = scriptCounts(text, limit);
  let best: Script | null = null;
  let bestCount = 0;
  for (const [script, count] of counts) {
    if (count > bestCount) {
      best = script;
      bestCount = count;
    }
  }
  if (best === 'Han' && (counts.get('Kana') ?? 0) * 10 >= bestCount) return 'Kana';
  return best;
}

/** ISO 639-1 codes of the franc-min languages a podcast transcript plausibly comes in. */
const ISO1: Record<string, string> = {
  eng: 'en', spa: 'es', por: 'pt', fra: 'fr', deu: 'de', ita: 'it', nld: 'nl', pol: 'pl', tur: 'tr', ron: 'ro',
  swe: 'sv', ces: 'cs', hun: 'hu', ind: 'id', vie: 'vi', hrv: 'hr', tgl: 'tl', swh: 'sw', zlm: 'ms',
  rus: 'ru', ukr: 'uk', bel: 'be', bul: 'bg', srp: 'sr', kaz: 'kk',
  arb: 'ar', urd: 'ur', pes: 'fa',
  hin: 'hi', mar: 'mr', npi: 'ne',
};

/** franc candidates per script; restricting the field keeps English from being mistaken for a small language. */
const CANDIDATES: Partial<Record<Script, string[]>> = {
  Latin: ['eng', 'spa', 'por', 'fra', 'deu', 'ita', 'nld', 'pol', 'tur', 'ron', 'swe', 'ces', 'hun', 'ind', 'vie', 'hrv', 'tgl', 'swh', 'zlm'],
  Cyrillic: ['rus', 'ukr', 'bel', 'bul', 'srp', 'kaz'],
  Arabic: ['arb', 'urd', 'pes'],
  Devanagari: ['hin', 'mar', 'npi'],
};

/** The language a script alone implies (the most used one when several share it). */
const SCRIPT_LANGUAGE: Record<Script, string> = {
  Latin: 'en', Han: 'zh', Kana: 'ja', Hangul: 'ko', Cyrillic: 'ru', Arabic: 'ar', Hebrew: 'he', Greek: 'el',
  Devanagari: 'hi', Bengali: 'bn', Thai: 'th', Georgian: 'ka', Armenian: 'hy', Tamil: 'ta', Telugu: 'te',
};

/**
 * franc's scores are relative to the winner and squeeze towards 1 as text grows (its distance scale grows with
 * the length), so thresholds only mean something at a fixed length: texts are judged on windows of about 240
 * characters (up to three, spread over the text, scores averaged). Measured on the seeds' English
 * speech-to-text: on windows of 100-240 characters franc never put English below 0.8 of the winner, and a
 * runner-up under 0.95 of the winner never came with a wrong winner.
 */
export const MIN_STATISTICAL_LENGTH = 100;
const WINDOW = 240;
const SURE_MARGIN = 0.95;
const OTHER_LANGUAGE_SCORE = 0.8;

/** Up to three windows of about WINDOW characters, cut at spaces: the start, the middle and the end. */
function windows(text: string): string[] {
  const clean = text.trim();
  if (clean.length <= WINDOW * 1.5) return [clean.slice(0, WINDOW * 1.5)];
  const starts = clean.length < WINDOW * 4 ? [0, clean.length - WINDOW] : [0, Math.floor(clean.length / 2 - WINDOW / 2), clean.length - WINDOW];
  return starts.map((start) => {
    const from = start === 0 ? 0 : clean.indexOf(' ', start) + 1 || start;
    return clean.slice(from, from + WINDOW);
  });
}

export interface LanguageGuess {
  script: Script;
  /** ISO 639-1 code; for a shared script without enough text, the script's most used language. */
  lang: string;
  /** True when the script settles it or the statistics were clear. */
  sure: boolean;
  /** franc scores (ISO 639-1 → 0..1, winner 1) when statistics were consulted. */
  scores?: Map<string, number>;
}

/** Guesses the language of one paragraph; null when it has no letters. */
export function guessLanguage(text: string): LanguageGuess | null {
  const script = dominantScript(text);
  if (!script) return null;
  const candidates = CANDIDATES[script];
  const fallback = SCRIPT_LANGUAGE[script];
  if (!candidates) return { script, lang: fallback, sure: true };
  if (text.trim().length < MIN_STATISTICAL_LENGTH) return { script, lang: fallback, sure: false };
  const parts = windows(text);
  const totals = new Map<string, number>();
  for (const part of parts) {
    const seen = new Set<string>();
    for (const [code, score] of francAll(part, { only: candidates, minLength: 10 })) {
      const iso = ISO1[code];
      if (iso === undefined || seen.has(iso)) continue;
      seen.add(iso);
      totals.set(iso, (totals.get(iso) ?? 0) + score);
    }
  }
  const ranked = [...totals.entries()].map(([iso, total]) => [iso, total / parts.length] as const);
  ranked.sort((x, y) => y[1] - x[1]);
  const top = ranked[0];
  if (!top || top[1] <= 0) return { script, lang: fallback, sure: false };
  // Rescaled so the winner is 1 again, as with a single window.
  const scores = new Map(ranked.map(([iso, score]) => [iso, score / top[1]]));
  const runnerUp = ranked[1] ? ranked[1][1] / top[1] : 0;
  return { script, lang: top[0], sure: runnerUp < SURE_MARGIN, scores };
}

/**
 * Whether a paragraph is in another language than the document's main one. A different script always is; within
 * one script, only a long paragraph on which the main language scores clearly worse than the winner.
 */
export function isOtherLanguage(guess: LanguageGuess, main: LanguageGuess): boolean {
  if (guess.script !== main.script) {
    // Han is shared by Chinese and Japanese text; Kana marks the Japanese side.
    return !(sameFamily(guess.script, main.script) && guess.lang === main.lang);
  }
  if (guess.lang === main.lang || !guess.scores) return false;
  const mainScore = guess.scores.get(main.lang) ?? 0;
  return mainScore < OTHER_LANGUAGE_SCORE;
}

function sameFamily(a: Script, b: Script): boolean {
  const cjk = (s: Script) => s === 'Han' || s === 'Kana';
  return cjk(a) && cjk(b);
}

/**
 * The document's main language from its paragraphs' guesses: the language most paragraphs are in, and on a tie the
 * one with more text (an original usually runs longer than a CJK translation, and comes first when equal). When no
 * paragraph was long enough to be sure, the text as a whole decides.
 */
export function mainLanguage(items: { text: string; guess: LanguageGuess | null }[]): LanguageGuess | null {
  type Vote = { guess: LanguageGuess; count: number; length: number; first: number };
  const votes = new Map<string, Vote>();
  items.forEach(({ text, guess }, index) => {
    if (!guess || !guess.sure) return;
    const key = `${guess.script}/${guess.lang}`;
    const vote = votes.get(key);
    if (vote) {
      vote.count++;
      vote.length += text.length;
    } else {
      votes.set(key, { guess, count: 1, length: text.length, first: index });
    }
  });
  let best: Vote | undefined;
  for (const vote of votes.values()) {
    const better =
      !best ||
      vote.count > best.count ||
      (vote.count === best.count && (vote.length > best.length || (vote.length === best.length && vote.first < best.first)));
    if (better) best = vote;
  }
  if (best) return best.guess;
  let sample = '';
  for (const item of items) {
    if (sample.length >= WINDOW * 8) break;
    sample += `${item.text} `;
  }
  return guessLanguage(sample);
}

/** Language of a whole document from a sample of its text (for readers without paragraphs to vote). */
export function documentLanguage(text: string): LanguageGuess | null {
  return guessLanguage(text.length > 6000 ? text.slice(0, 6000) : text);
}

/**
 * Splits a line holding an original and its translation in another script ("What now? 现在怎么办?") at the
 * script change. Returns the line whole unless both sides are substantial and each side is nearly all one script;
 * a stray foreign name inside a sentence stays where it is.
 */
export function splitAtScriptChange(text: string): string[] {
  const letters: { at: number; script: Script }[] = [];
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    const at = i;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      code = text.codePointAt(i)!;
      i++;
    }
    const script = scriptOf(code);
    if (script) letters.push({ at, script: script === 'Kana' ? 'Han' : script });
  }
  const counts = new Map<Script, number>();
  for (const l of letters) counts.set(l.script, (counts.get(l.script) ?? 0) + 1);
  const [a, b] = [...counts.entries()].sort((x, y) => y[1] - x[1]);
  if (!a || !b) return [text];
  const [first, second] = [a[0], b[0]];
  // Weighted like scriptCounts: 8 CJK characters are a clause; 30 Latin letters are one too.
  const enough = (script: Script, n: number) => n * weightOf(script) >= 24;
  if (!enough(first, a[1]) || !enough(second, b[1])) return [text];

  // Best boundary: the run start that leaves the most letters on "their" side, for either order of the scripts.
  let bestAt = -1;
  let bestPlaced = -1;
  for (const [left, right] of [[first, second], [second, first]] as const) {
    const rightTotal = counts.get(right)!;
    let leftBefore = 0;
    let rightBefore = 0;
    for (let k = 0; k <= letters.length; k++) {
      const letter = letters[k];
      const isRunStart = k === 0 || k === letters.length || letter!.script !== letters[k - 1]!.script;
      if (isRunStart && k > 0 && k < letters.length && letter!.script === right) {
        const placed = leftBefore + (rightTotal - rightBefore);
        if (placed > bestPlaced) {
          bestPlaced = placed;
          bestAt = letter!.at;
        }
      }
      if (letter) {
        if (letter.script === left) leftBefore++;
        else if (letter.script === right) rightBefore++;
      }
    }
  }
  const considered = a[1] + b[1];
  if (bestAt <= 0 || bestPlaced < considered * 0.9) return [text];
  const head = text.slice(0, bestAt).trim();
  const tail = text.slice(bestAt).trim();
  if (!head || !tail) return [text];
  // Both halves must be substantial on their own, or this was a quoted word, not a translation.
  const headScript = dominantScript(head);
  const tailScript = dominantScript(tail);
  if (!headScript || !tailScript || headScript === tailScript) return [text];
  const weighted = (s: string) => [...scriptCounts(s).values()].reduce((x, y) => x + y, 0);
  if (weighted(head) < 24 || weighted(tail) < 24) return [text];
  return [head, tail];
}

// ---------------------------------------------------------------------------------------------------------------
// Language names and tags as files write them

/** Whisper's language names (tokenizer.py LANGUAGES and aliases) to codes; the OpenAI API reports "english". */
const LANGUAGE_CODES: Record<string, string> = Object.fromEntries(
  `english:en chinese:zh german:de spanish:es russian:ru korean:ko french:fr japanese:ja portuguese:pt turkish:tr
  polish:pl catalan:ca dutch:nl arabic:ar swedish:sv italian:it indonesian:id hindi:hi finnish:fi vietnamese:vi
  hebrew:he ukrainian:uk greek:el malay:ms czech:cs romanian:ro danish:da hungarian:hu tamil:ta norwegian:no
  thai:th urdu:ur croatian:hr bulgarian:bg lithuanian:lt latin:la maori:mi malayalam:ml welsh:cy slovak:sk
  telugu:te persian:fa latvian:lv bengali:bn serbian:sr azerbaijani:az slovenian:sl kannada:kn estonian:et
  macedonian:mk breton:br basque:eu icelandic:is armenian:hy nepali:ne mongolian:mn bosnian:bs kazakh:kk
  albanian:sq swahili:sw galician:gl marathi:mr punjabi:pa sinhala:si khmer:km shona:sn yoruba:yo somali:so
  afrikaans:af occitan:oc georgian:ka belarusian:be tajik:tg sindhi:sd gujarati:gu amharic:am yiddish:yi lao:lo
  uzbek:uz faroese:fo haitian_creole:ht pashto:ps turkmen:tk nynorsk:nn maltese:mt sanskrit:sa luxembourgish:lb
  myanmar:my tibetan:bo tagalog:tl malagasy:mg assamese:as tatar:tt hawaiian:haw lingala:ln hausa:ha bashkir:ba
  javanese:jv sundanese:su cantonese:yue burmese:my valencian:ca flemish:nl haitian:ht letzeburgesch:lb pushto:ps
  panjabi:pa moldavian:ro moldovan:ro sinhalese:si castilian:es mandarin:zh`
    .split(/\s+/)
    .map((pair) => pair.split(':') as [string, string])
    .map(([name, code]) => [name.replace('_', ' '), code]),
);

/** "english" → "en", "en" → "en", "pt-BR" → "pt"; "auto" and unknown words give nothing. */
export function normalizeLanguage(raw: string | null | undefined): string | undefined {
  const l = (raw ?? '').trim().toLowerCase();
  if (!l || l === 'auto') return undefined;
  const named = LANGUAGE_CODES[l];
  if (named) return named;
  const m = /^([a-z]{2,3})(?:[-_][a-z0-9]{1,8})*$/.exec(l);
  if (!m) return undefined;
  return m[1] === 'jw' ? 'jv' : m[1]; // Whisper's code for Javanese predates ISO's "jv"
}
