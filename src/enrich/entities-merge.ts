// From name occurrences to entities: one canonical name per entity, its spellings as variants, and the mishearings
// of names the episode spells right elsewhere (its title, guests, speakers, chapters, summary) as corrections.
import { DEMONYMS, COUNTRIES } from './data/entities-places.js';
import { classify, knownEntity, knownPersonByPart, type Kind } from './entities-kind.js';
import type { CasingTable, Occurrence } from './entities-scan.js';
import { compactKey, nameKey, soundsAlike } from './entities-similar.js';

/** A name the episode's metadata spells, to which a transcript's mishearings are corrected. */
export interface Reference {
  name: string;
  /** Named as a person by the metadata (a guest, a speaker, the host). */
  person: boolean;
}

export interface Entity {
  name: string;
  kind: Kind | null;
  occurrences: Occurrence[];
  /** Other spellings of the name found in the text, as written. */
  variants: Set<string>;
}

export interface Mishearing {
  heard: string;
  meant: string;
  times: number[];
}

export interface ResolveContext {
  references: readonly Reference[];
  /** The show's name: the show is not a mention of itself. */
  show: string | null;
  /**
   * Whether an occurrence counts as a mention (not in a sponsor read or a call to action). Occurrences that do not
   * count still show how a name is spelled and misheard.
   */
  counts?: (o: Occurrence) => boolean;
  casing: CasingTable;
}

const DEMONYM_KEYS = new Set(DEMONYMS.map(nameKey));
const COUNTRY_KEYS = new Map(COUNTRIES.map((c) => [nameKey(c), c]));

/** Written like a person's name: two or three capitalised words of letters ("Marta Quellhorst", not "GPT N"). */
const PERSONAL = /^\p{Lu}\p{Ll}+(?:[-'’]\p{L}+)*(?: \p{Lu}\p{Ll}+(?:[-'’]\p{L}+)*){1,2}$/u;

interface Group {
  name: string;
  /** The name is settled by a curated list or the metadata: never renamed, never taken for a mishearing. */
  fixed: boolean;
  person: boolean;
  occurrences: Occurrence[];
  surfaces: Map<string, number>;
}

/** Whether an occurrence is no name at all: a people's adjective, a number. */
function isNoise(o: Occurrence): boolean {
  const key = nameKey(o.surface);
  if (!key || /^[\d ]+$/u.test(key)) return true;
  if (DEMONYM_KEYS.has(key)) return true;
  // Peoples the list does not name ("Sumerians", "Mesopotamians", "Europeans"): a group of people, not an entity.
  if (/^\p{L}+(?:ian|ean)s$/u.test(key) && !knownEntity(key)) return true;
  return false;
}

/** Whether a name occurrence is the show's own name or someone taking part being addressed: not a mention. */
function isShowOrAddress(o: Occurrence, showKey: string): boolean {
  if (o.addressed) return true;
  const key = nameKey(o.surface);
  if (showKey && (key === showKey || (showKey.includes(key) && key.includes(' ')))) return true;
  // "This is the Lex Fridman podcast": a name followed by the show's last word is the show, however it is heard.
  const showLast = showKey.split(' ').pop();
  if (showLast && o.after[0] === showLast && !showKey.startsWith(`${o.after[0]} `) && key.includes(' ')) return true;
  return false;
}

/** The canonical name an occurrence's text stands for: a known entity's spelling, "Republic of China" as "China". */
function canonical(surface: string): { name: string; fixed: boolean } {
  const known = knownEntity(surface);
  if (known) return { name: known.name, fixed: true };
  const m = /^(?:People['’]s )?(?:Republic|Kingdom|State|Commonwealth) of (.+)$/u.exec(surface);
  const country = m ? COUNTRY_KEYS.get(nameKey(m[1]!)) : undefined;
  if (country) return { name: country, fixed: true };
  return { name: surface, fixed: false };
}

/** The most frequent spelling among a group's surfaces (first seen wins a tie). */
function commonest(surfaces: Map<string, number>): string {
  let best = '';
  let count = -1;
  for (const [s, n] of surfaces) if (n > count) [best, count] = [s, n];
  return best;
}

/** A person's name as said in full: the commonest of the spellings with the most words ("Marcus Hutter", not "Hutter"). */
function fullest(surfaces: Map<string, number>): string {
  let most = 0;
  for (const s of surfaces.keys()) most = Math.max(most, s.split(' ').length);
  return commonest(new Map([...surfaces].filter(([s]) => s.split(' ').length === most)));
}

/**
 * Groups occurrences into entities: known names and aliases first, then spellings that differ only in spacing, then
 * mishearings of the metadata's names, then lone given names or surnames into the one full name that has them.
 */
export function resolveEntities(occurrences: readonly Occurrence[], context: ResolveContext): { entities: Entity[]; mishearings: Mishearing[] } {
  const showKey = context.show ? nameKey(context.show) : '';
  const groups = new Map<string, Group>();
  const referencePerson = new Map<string, boolean>();
  for (const r of context.references) referencePerson.set(nameKey(r.name), (referencePerson.get(nameKey(r.name)) ?? false) || r.person);

  const counted = new Set<Occurrence>();
  // What a spelling is depends on the spelling only: worked out once per spelling (a name is said many times).
  const bySurface = new Map<string, { noise: boolean; name: string; fixed: boolean; key: string }>();
  for (const o of occurrences) {
    let seen = bySurface.get(o.surface);
    if (!seen) {
      const noise = isNoise(o);
      const { name, fixed } = noise ? { name: '', fixed: false } : canonical(o.surface);
      bySurface.set(o.surface, (seen = { noise, name, fixed, key: noise ? '' : nameKey(name) }));
    }
    if (seen.noise) continue;
    if (!isShowOrAddress(o, showKey) && (context.counts?.(o) ?? true)) counted.add(o);
    const { name, fixed, key } = seen;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { name, fixed: fixed || referencePerson.has(key), person: referencePerson.get(key) ?? false, occurrences: [], surfaces: new Map() }));
    g.occurrences.push(o);
    g.surfaces.set(o.surface, (g.surfaces.get(o.surface) ?? 0) + 1);
  }

  const merge = (from: Group, into: Group): void => {
    if (from === into) return;
    into.occurrences.push(...from.occurrences);
    for (const [s, n] of from.surfaces) into.surfaces.set(s, (into.surfaces.get(s) ?? 0) + n);
    into.person ||= from.person;
    groups.delete(nameKey(from.name));
  };
  const groupFor = (name: string, person: boolean): Group => {
    const key = nameKey(name);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { name, fixed: true, person, occurrences: [], surfaces: new Map() }));
    return g;
  };

  // Spacing: "Open AI" and "OpenAI" (a fixed spelling wins, then the commoner one).
  const byCompact = new Map<string, Group>();
  for (const g of [...groups.values()]) {
    const c = compactKey(g.name);
    const other = byCompact.get(c);
    if (!other) {
      byCompact.set(c, g);
      continue;
    }
    const [keep, drop] = other.fixed || (!g.fixed && other.occurrences.length >= g.occurrences.length) ? [other, g] : [g, other];
    merge(drop, keep);
    byCompact.set(c, keep);
  }

  const mishearings = correctMishearings(groups, context, merge, groupFor);

  // A lone given name or surname joins the one full name of a person that has it ("Musk" → "Elon Musk").
  const kinds = new Map<Group, Kind | null>();
  const kindOf = (g: Group): Kind | null => {
    if (!kinds.has(g)) kinds.set(g, classify(g.name, g.occurrences, g.person));
    return kinds.get(g)!;
  };
  const fullNames = new Map<string, Group[]>();
  for (const g of groups.values()) {
    const words = nameKey(g.name).split(' ');
    // A full name of unknown kind can own a lone word too: people, far more than anything else, are referred to by
    // their given name or surname alone, and being so referred to makes it a person.
    const kind = kindOf(g);
    if (words.length < 2 || words.length > (kind === 'person' ? 4 : 3) || (kind !== 'person' && (kind !== null || !PERSONAL.test(g.name)))) continue;
    for (const part of new Set([words[0]!, words[words.length - 1]!])) {
      const list = fullNames.get(part) ?? [];
      list.push(g);
      fullNames.set(part, list);
    }
  }
  for (const g of [...groups.values()]) {
    const key = nameKey(g.name);
    if (key.includes(' ')) continue;
    const owners = fullNames.get(key);
    if (owners?.length === 1) {
      const owner = owners[0]!;
      if (!g.fixed || g.person || kindOf(g) === 'person') {
        merge(g, owner);
        if (kindOf(owner) === null) {
          owner.person = true;
          kinds.delete(owner);
        }
      }
      continue;
    }
    if (owners && owners.length > 1) continue;
    const known = g.fixed ? undefined : knownPersonByPart(g.name);
    if (known) merge(g, groupFor(known.name, true));
  }

  mishearings.push(...rareSpellings(groups, kindOf, merge));

  const entities: Entity[] = [];
  for (const g of groups.values()) {
    if (showKey && nameKey(g.name) === showKey) continue;
    g.occurrences = g.occurrences.filter((o) => counted.has(o));
    if (g.occurrences.length === 0) continue;
    const name = g.fixed ? g.name : kindOf(g) === 'person' ? fullest(g.surfaces) : commonest(g.surfaces);
    const key = nameKey(name);
    // One letter ("X", "N") is too often a variable, a grade or a list item to be taken for a name.
    if (key.replace(/ /g, '').length < 2) continue;
    const variants = new Set<string>();
    const seen = new Set([key]);
    for (const s of g.surfaces.keys()) {
      const k = nameKey(s);
      if (!seen.has(k)) {
        seen.add(k);
        variants.add(s);
      }
    }
    entities.push({ name, kind: name === g.name ? kindOf(g) : classify(name, g.occurrences, g.person), occurrences: g.occurrences.sort((a, b) => a.time - b.time), variants });
  }
  return { entities, mishearings };
}

/**
 * Names in the text that sound like a name the metadata spells but are written otherwise are mishearings of it:
 * "Wojciech Saramba" of the guest "Wojciech Zaremba", "Lex Friedman" of the host. A name is compared whole and word by
 * word (a lone "Saramba" is the guest's surname misheard). Known entities and common words are never corrected.
 */
function correctMishearings(
  groups: Map<string, Group>,
  context: ResolveContext,
  merge: (from: Group, into: Group) => void,
  groupFor: (name: string, person: boolean) => Group,
): Mishearing[] {
  const references = context.references.filter((r) => nameKey(r.name)).map((r) => ({ ...r, words: r.name.split(' ') }));
  const out = new Map<string, Mishearing>();
  for (const g of [...groups.values()]) {
    if (g.fixed) continue;
    const words = g.name.split(' ');
    const key = nameKey(g.name);
    if (!key.includes(' ')) {
      const c = context.casing.get(key);
      if (c && c.lower > c.capMid) continue;
    }
    for (const r of references) {
      const rWords = r.words;
      let heard: string[] = [];
      let meant: string[] = [];
      if (words.length === rWords.length && words.length > 1) {
        const pairs = words.map((w, i) => [w, rWords[i]!] as const);
        const same = pairs.filter(([a, b]) => nameKey(a) === nameKey(b)).length;
        if (same > 0 && pairs.every(([a, b]) => nameKey(a) === nameKey(b) || soundsAlike(a, b))) {
          const differing = pairs.filter(([a, b]) => nameKey(a) !== nameKey(b));
          heard = differing.map(([a]) => a);
          meant = differing.map(([, b]) => b);
        }
      } else if (words.length === 1 && rWords.length > 1) {
        const part = [rWords[0]!, rWords[rWords.length - 1]!].find((w) => soundsAlike(g.name, w));
        if (part) [heard, meant] = [[g.name], [part]];
      }
      if (heard.length === 0 && soundsAlike(g.name, r.name)) [heard, meant] = [[g.name], [r.name]];
      if (heard.length === 0) continue;
      const h = heard.join(' ');
      const m = meant.join(' ');
      const id = `${h}\u0000${m}`;
      const entry = out.get(id) ?? { heard: h, meant: m, times: [] };
      entry.times.push(...g.occurrences.map((o) => o.time));
      out.set(id, entry);
      merge(g, groupFor(r.name, r.person));
      break;
    }
  }
  return [...out.values()];
}

/** How much more often a spelling must occur than a sound-alike one for the rarer to be taken as misheard. */
const MAJORITY = 3;

/**
 * A name said once or twice that sounds like a word of a person's name said far more often is that name misheard
 * ("Illya" beside fifteen "Ilya"): the episode itself spells it right elsewhere. Only lone words, only into people's
 * names, and only against a clear majority, so two real people ("Carl", "Karl") are rarely folded together.
 */
function rareSpellings(groups: Map<string, Group>, kindOf: (g: Group) => Kind | null, merge: (from: Group, into: Group) => void): Mishearing[] {
  const out: Mishearing[] = [];
  const targets = [...groups.values()].filter((g) => g.occurrences.length >= MAJORITY && (g.person || kindOf(g) === 'person'));
  for (const g of [...groups.values()]) {
    if (g.fixed || g.occurrences.length > 2 || nameKey(g.name).includes(' ')) continue;
    for (const t of targets) {
      if (t === g || t.occurrences.length < MAJORITY * g.occurrences.length) continue;
      const word = t.name.split(' ').find((w) => soundsAlike(g.name, w));
      if (!word) continue;
      out.push({ heard: g.name, meant: word, times: g.occurrences.map((o) => o.time) });
      merge(g, t);
      break;
    }
  }
  return out;
}
