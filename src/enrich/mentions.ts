// Enrichment step "mentions": people, organizations, products, books, films, places and concepts mentioned, with
// every time each is mentioned, their spellings as variants, and speech-to-text mishearings of names the episode's
// metadata spells right as corrections (offered in the transcript view; the text itself is never rewritten).
//
// Method (src/enrich/entities-*.ts): capitalised runs in the transcript, told from sentence-initial capitals by the
// episode's own casing (and wink-nlp's tags for the few words casing cannot settle); noise dropped (address,
// demonyms, fillers, days, generic acronyms, sponsor reads); spellings merged (known aliases, spacing, lone given
// names or surnames into full names, mishearings of the title's, guests' and chapters' names); kinds from curated
// lists, the name's shape and the words around each mention. Canonical names come from the curated lists, so one
// entity has one name across the library ("OpenAI", "Elon Musk").
import type { Correction, Episode, Mention } from '../model/episode.js';
import { looksLikeNameWords } from '../formats/names.js';
import { knownEntity, knownWords } from './entities-kind.js';
import { resolveEntities, type Entity, type Mishearing, type Reference } from './entities-merge.js';
import { scanNames, type Occurrence, type Segment } from './entities-scan.js';
import { nameKey } from './entities-similar.js';
import type { EnrichmentPatch, EnrichStep } from './step.js';

/** Text this long or more with no Latin letter in its first part is in another script: capitals mean nothing there. */
const SCRIPT_SAMPLE = 20_000;

export const mentionsStep: EnrichStep = {
  id: 'mentions',
  version: 1,
  skip(episode) {
    const segments = textSegments(episode);
    if (segments.length === 0) return 'no transcript';
    const script = latinScript(segments);
    if (script === null) return 'no words in the transcript';
    if (!script) return 'the transcript is not in a Latin script';
    return null;
  },
  run(episode) {
    return findMentions(episode);
  },
};

/** The mentions and corrections of an episode (the step's patch). */
export function findMentions(episode: Episode): EnrichmentPatch {
  const segments = textSegments(episode);
  const participants = participantWords(episode);
  const references = referencesOf(episode);
  const known = knownWords();
  const isKnownPhrase = (phrase: string): boolean => knownEntity(phrase) !== undefined;
  const scan = scanNames(segments, participants, { known, isKnownPhrase });
  const inAd = adFilter(episode);
  const counts = (o: Occurrence): boolean => !o.promotional && !inAd(o.time);
  const { entities, mishearings } = resolveEntities(scan.occurrences, { references, show: episode.show, casing: scan.casing, counts });

  // Other transcripts of the episode (a raw speech-to-text copy beside a better one) are read for mishearings only:
  // their names are the same mentions, but their misspellings are worth offering as corrections.
  const heard: Mishearing[] = [...mishearings];
  const bestSource = bestSourceOf(episode);
  for (const t of episode.transcripts) {
    if (t.source === bestSource || t.turns.length === 0) continue;
    const other = scanNames(t.turns, participants, { known, isKnownPhrase, useTagger: false });
    heard.push(...resolveEntities(other.occurrences, { references, show: episode.show, casing: other.casing }).mishearings);
  }
  const corrections = mergeCorrections(heard);
  return { mentions: toMentions(entities, corrections, episode.mentions), corrections };
}

const segmentMemo = new WeakMap<Episode, readonly Segment[]>();

/**
 * The best transcript's turns with words (a turn is a segment as it is), or else the highlights' text with their
 * times (an episode known by highlights only). Memoized per episode: skip() and run() both read it.
 */
function textSegments(episode: Episode): readonly Segment[] {
  let found = segmentMemo.get(episode);
  if (!found) segmentMemo.set(episode, (found = segmentsOf(episode)));
  return found;
}

function segmentsOf(episode: Episode): Segment[] {
  const turns = episode.turns.filter((t) => hasText(t.text));
  if (turns.length > 0) return turns;
  return episode.highlights
    .filter((h) => h.start !== null && h.text.trim().length > 0)
    .map((h) => ({ text: h.text, start: h.start!, end: h.end ?? h.start!, speaker: null }));
}

/** Whether a text has anything but whitespace (as trim() sees it), without making the trimmed copy. */
function hasText(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isSpace(text.charCodeAt(i))) return true;
  return false;
}

/** JavaScript's whitespace, as \s and trim() see it. */
function isSpace(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

function bestSourceOf(episode: Episode): string | undefined {
  return episode.transcripts.find((t) => t.turns === episode.turns)?.source ??
    episode.transcripts.find((t) => t.turns.length === episode.turns.length && t.turns[0] === episode.turns[0])?.source;
}

/** Whether the text is mostly in Latin letters; null when it has no letters at all. */
function latinScript(segments: readonly Segment[]): boolean | null {
  let sample = '';
  for (const s of segments) {
    sample += s.text;
    if (sample.length > SCRIPT_SAMPLE) break;
  }
  // Counted by code point, as /\p{L}/gu and /\p{Script=Latin}/gu match them, without an array of every letter.
  let letters = 0;
  let latin = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    let kind: number;
    if (c < 128) kind = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? LETTER | LATIN : NONE;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < sample.length && (sample.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      kind = letterKind(sample.slice(i, i + 2));
      i++;
    } else {
      kind = scripts[c]!;
      if (kind === 0) scripts[c] = kind = letterKind(sample[i]!);
    }
    if (kind & LETTER) letters++;
    if (kind & LATIN) latin++;
  }
  return letters === 0 ? null : latin / letters > 0.5;
}

/** Kinds of characters: 0 is "not yet seen" in the table below. */
const NONE = 1;
const LETTER = 2;
const LATIN = 4;
/** Per BMP code unit: its kind once seen. */
const scripts = new Uint8Array(0x10000);

function letterKind(char: string): number {
  return NONE | (/\p{L}/u.test(char) ? LETTER : 0) | (/\p{Script=Latin}/u.test(char) ? LATIN : 0);
}

/** The host's name from a show named after them ("Lex Fridman Podcast" → "Lex Fridman"), if it reads as a name. */
function hostFromShow(show: string | null): string | null {
  if (!show) return null;
  const name = show.replace(/^the\s+/i, '').replace(/\s+(?:podcast|show|radio|hour|live|talks?)$/i, '').trim();
  return name !== show.trim() && looksLikeNameWords(name, 2, 3) ? name : null;
}

/** Speaker labels that are not names ("Speaker 1", "Host", "Interviewer"). */
function isPlaceholder(name: string): boolean {
  return /^(?:speaker|person|voice|guest|host|interviewer|interviewee|unknown|narrator)\b/i.test(name) || /\d/.test(name);
}

function participantNames(episode: Episode): string[] {
  const names = [...episode.guests, ...episode.speakers.map((s) => s.name)];
  const host = hostFromShow(episode.show);
  if (host) names.push(host);
  return names.filter((n) => n && !isPlaceholder(n));
}

/** Lower-cased words of the people taking part, to tell a name used in address ("Lex, …") from a mention. */
function participantWords(episode: Episode): Set<string> {
  const out = new Set<string>();
  for (const n of participantNames(episode)) for (const w of n.toLowerCase().split(/\s+/)) if (w.length > 1) out.add(w);
  return out;
}

/**
 * Names the episode spells outside the transcript: its people, the phrases of its title and given chapter titles
 * ("Elon Musk: War, AI, Aliens…" → "Elon Musk", "War", …), and the names in its summary's mention list.
 */
function referencesOf(episode: Episode): Reference[] {
  const out: Reference[] = participantNames(episode).map((name) => ({ name, person: true }));
  const phrases = [episode.title ?? '', ...episode.chapters.filter((c) => c.origin === 'given').map((c) => c.title)];
  for (const text of phrases) {
    for (const piece of text.split(/[:|,;—–()[\]"“”]|\s-\s|\s#\d+|\band\b|&/u)) {
      const phrase = piece.trim().replace(/^the\s+/i, '');
      if (phrase && looksLikeNameWords(phrase, 1, 4) && /\p{L}{2}/u.test(phrase)) out.push({ name: phrase, person: false });
    }
  }
  for (const m of episode.mentions) if (m.name) out.push({ name: m.name, person: m.kind === 'person' });
  if (episode.show) out.push({ name: episode.show, person: false });
  // Longer names first: "Wojciech Zaremba" is a better target for "Saramba" than a title word.
  return out.sort((a, b) => b.name.split(' ').length - a.name.split(' ').length);
}

/** Whether a time falls in a sponsor read (the ads step runs first): a sponsor's name there is not a mention. */
function adFilter(episode: Episode): (time: number) => boolean {
  const spans = episode.ads.filter((a) => Number.isFinite(a.start) && Number.isFinite(a.end)).sort((a, b) => a.start - b.start);
  if (spans.length === 0) return () => false;
  return (time) => {
    let lo = 0;
    let hi = spans.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = spans[mid]!;
      if (time < s.start) hi = mid - 1;
      else if (time > s.end) lo = mid + 1;
      else return true;
    }
    return false;
  };
}

function mergeCorrections(list: readonly Mishearing[]): Correction[] {
  const byPair = new Map<string, Correction>();
  for (const m of list) {
    const id = `${nameKey(m.heard)}\u0000${m.meant}`;
    const c = byPair.get(id);
    if (c) c.times.push(...m.times);
    else byPair.set(id, { heard: m.heard, meant: m.meant, times: [...m.times] });
  }
  return [...byPair.values()].map((c) => ({ ...c, times: seconds(c.times) }));
}

/** Whole seconds, once each, in order: where the player should jump. */
function seconds(times: readonly number[]): number[] {
  return [...new Set(times.map((t) => Math.max(0, Math.floor(t))))].sort((a, b) => a - b);
}

/**
 * The step's mention list: the source's own mentions first (a summary's "Mentioned in this episode", kept as given and
 * given times and spellings where the transcript mentions them), then the rest in order of first mention.
 */
function toMentions(entities: readonly Entity[], corrections: readonly Correction[], given: readonly Mention[]): Mention[] {
  // Each misheard spelling is a variant of one entity: the one named by the corrected word, or else the most
  // mentioned one whose name has it ("Saramba" → "Wojciech Zaremba", not also "Wojtek Zaremba").
  const heardBy = new Map<Entity, string[]>();
  for (const c of corrections) {
    const meant = nameKey(c.meant);
    const owner =
      entities.find((e) => nameKey(e.name) === meant) ??
      [...entities].filter((e) => nameKey(e.name).split(' ').includes(meant)).sort((a, b) => b.occurrences.length - a.occurrences.length)[0];
    if (owner && nameKey(c.heard) !== nameKey(owner.name)) heardBy.set(owner, [...(heardBy.get(owner) ?? []), c.heard]);
  }
  const mentions = entities
    .map((e): Mention => {
      const variants = new Set([...e.variants, ...(heardBy.get(e) ?? [])]);
      const m: Mention = { name: e.name, times: seconds(e.occurrences.map((o) => o.time)) };
      if (e.kind) m.kind = e.kind;
      if (variants.size > 0) m.variants = [...variants];
      return m;
    })
    .sort((a, b) => (a.times![0] ?? 0) - (b.times![0] ?? 0));
  const byKey = new Map<string, Mention>();
  for (const m of mentions) for (const k of [m.name!, ...(m.variants ?? [])].map(nameKey)) if (!byKey.has(k)) byKey.set(k, m);
  const used = new Set<Mention>();
  const out: Mention[] = [];
  for (const g of given) {
    const found = g.name ? byKey.get(nameKey(g.name)) : undefined;
    if (!found || used.has(found)) {
      out.push(g);
      continue;
    }
    used.add(found);
    const variants = [...new Set([...(g.variants ?? []), ...(found.variants ?? []), ...(nameKey(found.name!) !== nameKey(g.name!) ? [found.name!] : [])])];
    out.push({ ...g, kind: g.kind ?? found.kind, times: found.times, ...(variants.length ? { variants } : {}) });
  }
  for (const m of mentions) if (!used.has(m)) out.push(m);
  return out;
}
