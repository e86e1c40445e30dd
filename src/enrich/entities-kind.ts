// What a name names: person, organization, product, book, film, place or concept. Settled by the small curated lists
// first (a known entity's kind is not in doubt), then the name's own shape ("… University", "Battle of …", a given
// name before a surname), then the words around each mention ("the book X", "founder of X", "X said"). Each cue
// adds weight; a kind needs two points to be given, so one weak cue ("in X") alone leaves the kind open.
import { FIRST_NAMES, KNOWN_PEOPLE } from './data/entities-people.js';
import { CITIES, COUNTRIES, PLACE_FIRST_WORDS, PLACE_LAST_WORDS, REGIONS, US_STATES } from './data/entities-places.js';
import { ALIASES, CONCEPT_FIRST_WORDS, CONCEPT_LAST_WORDS, KNOWN_ORGANIZATIONS, KNOWN_PRODUCTS, KNOWN_WORKS, ORG_FIRST_WORDS, ORG_LAST_WORDS } from './data/entities-things.js';
import type { Occurrence } from './entities-scan.js';
import { compactKey, nameKey } from './entities-similar.js';

export type Kind = 'person' | 'organization' | 'product' | 'book' | 'film' | 'place' | 'concept';

export interface KnownEntity {
  name: string;
  kind: Kind;
}

interface Gazetteer {
  /** nameKey → entity, for known names and their aliases. */
  byKey: Map<string, KnownEntity>;
  /** compactKey → entity ("open ai" and "openai" both find OpenAI). */
  byCompact: Map<string, KnownEntity>;
  /** A surname or rare given name that only one known person has → that person ("Einstein", "Elon"). */
  byPart: Map<string, KnownEntity>;
}

let gazetteer: Gazetteer | undefined;

/** The curated lists as lookup tables, built once. Earlier lists win a key they share (a place over a film). */
function lists(): Gazetteer {
  if (gazetteer) return gazetteer;
  const byKey = new Map<string, KnownEntity>();
  const byCompact = new Map<string, KnownEntity>();
  const add = (name: string, kind: Kind, as = name): void => {
    const entity = { name, kind };
    const key = nameKey(as);
    if (key && !byKey.has(key)) byKey.set(key, entity);
    const compact = compactKey(as);
    if (compact && !byCompact.has(compact)) byCompact.set(compact, entity);
  };
  for (const n of [...COUNTRIES, ...US_STATES, ...CITIES, ...REGIONS]) add(n, 'place');
  for (const n of KNOWN_PEOPLE) add(n, 'person');
  for (const n of KNOWN_ORGANIZATIONS) add(n, 'organization');
  for (const n of KNOWN_PRODUCTS) add(n, 'product');
  for (const w of KNOWN_WORKS) add(w.name, w.kind);
  for (const [alias, canonical] of Object.entries(ALIASES)) {
    const target = byKey.get(nameKey(canonical)) ?? { name: canonical, kind: 'place' as Kind };
    add(target.name, target.kind, alias);
  }
  // Parts of known people's names that point to one of them only. Given names common enough to be anyone's
  // ("John", "Bill") are left out: only surnames and rare given names ("Elon", "Demis") stand for the person.
  const parts = new Map<string, KnownEntity | null>();
  const common = new Set(FIRST_NAMES.map((n) => n.toLowerCase()));
  for (const n of KNOWN_PEOPLE) {
    const words = nameKey(n).split(' ');
    if (words.length < 2) continue;
    const candidates = new Set([words[words.length - 1]!, ...(common.has(words[0]!) ? [] : [words[0]!])]);
    for (const part of candidates) {
      if (part.length < 3) continue;
      parts.set(part, parts.has(part) ? null : { name: n, kind: 'person' });
    }
  }
  const byPart = new Map<string, KnownEntity>();
  for (const [part, entity] of parts) if (entity && !byKey.has(part)) byPart.set(part, entity);
  gazetteer = { byKey, byCompact, byPart };
  return gazetteer;
}

/**
 * The known entity a name is (exactly, by alias, or written with other spacing), if any. An acronym matches only in
 * capitals: "Who" and "Sec" are words, "WHO" and "SEC" are organizations.
 */
export function knownEntity(name: string): KnownEntity | undefined {
  const g = lists();
  const found = g.byKey.get(nameKey(name)) ?? g.byCompact.get(compactKey(name));
  if (found && /\p{Ll}/u.test(name) && !/\p{Ll}/u.test(found.name) && !/\s/u.test(name)) return undefined;
  return found;
}

/** The one known person a lone surname or rare given name stands for ("Einstein" → "Albert Einstein"). */
export function knownPersonByPart(name: string): KnownEntity | undefined {
  const key = nameKey(name);
  return key.includes(' ') ? undefined : lists().byPart.get(key);
}

let words: Set<string> | undefined;

/**
 * Single-word known names as they are written ("Tesla", "WHO", "iPhone"): names even at a sentence start. Case
 * matters: "Who" starting a question is not the World Health Organization.
 */
export function knownWords(): ReadonlySet<string> {
  if (!words) {
    words = new Set<string>();
    const all = [...COUNTRIES, ...US_STATES, ...CITIES, ...REGIONS, ...KNOWN_PEOPLE, ...KNOWN_ORGANIZATIONS, ...KNOWN_PRODUCTS, ...Object.keys(ALIASES)];
    for (const n of all) if (!/\s/u.test(n.trim())) words.add(n.trim());
  }
  return words;
}

const lower = (list: readonly string[]): Set<string> => new Set(list.map((w) => w.toLowerCase()));
const ORG_LAST = lower(ORG_LAST_WORDS);
const ORG_FIRST = lower(ORG_FIRST_WORDS);
const PLACE_LAST = lower(PLACE_LAST_WORDS);
const PLACE_FIRST = lower(PLACE_FIRST_WORDS);
const CONCEPT_LAST = lower(CONCEPT_LAST_WORDS);
const CONCEPT_FIRST = lower(CONCEPT_FIRST_WORDS);
const GIVEN = lower(FIRST_NAMES);

type Votes = Record<Kind, number>;

/** Weights from the shape of the name itself. */
function shapeVotes(name: string, votes: Votes): void {
  const words = nameKey(name).split(' ');
  // "World War II", "Diablo 4", "Apollo 11": the kind is in the word before the number.
  if (words.length > 1 && /^(?:\d+|[ivx]+)$/u.test(words[words.length - 1]!)) words.pop();
  const first = words[0]!;
  const last = words[words.length - 1]!;
  const multi = words.length > 1;
  if (multi && ORG_LAST.has(last)) votes.organization += 3;
  if (multi && ORG_FIRST.has(first) && words.includes('of')) votes.organization += 3;
  if (multi && (PLACE_LAST.has(last) || PLACE_FIRST.has(first))) votes.place += 3;
  if (multi && (CONCEPT_LAST.has(last) || (CONCEPT_FIRST.has(first) && words.includes('of')))) votes.concept += 3;
  if (multi && words.length <= 4 && GIVEN.has(first) && !ORG_LAST.has(last) && !PLACE_LAST.has(last) && !CONCEPT_LAST.has(last)) votes.person += 3;
  if (/\p{L}/u.test(name) && /\d/.test(name)) votes.product += 1;
}

const PERSON_AFTER = new Set(['founded', 'cofounded', 'invented', 'said', 'says', 'saying', 'told', 'tells', 'thinks', 'thought', 'wrote', 'writes', 'argues', 'argued', 'believes', 'believed', 'himself', 'herself', 'who', 'once', 'famously']);
const PERSON_POSSESSIONS = new Set(['wife', 'husband', 'son', 'daughter', 'father', 'mother', 'brother', 'sister', 'friend', 'book', 'books', 'work', 'idea', 'ideas', 'theory', 'paper', 'life', 'views', 'view', 'thinking', 'writing', 'writings', 'philosophy', 'family', 'death', 'birth', 'childhood', 'career', 'biography']);
const PERSON_BEFORE = new Set(['friend', 'guy', 'guys', 'mentor', 'colleague', 'advisor', 'interviewed', 'met', 'named', 'wife', 'husband', 'son', 'daughter', 'father', 'mother', 'brother', 'sister', 'uncle', 'aunt', 'grandfather', 'grandmother', 'listener', 'author', 'writer', 'philosopher', 'scientist', 'physicist', 'professor', 'founder']);
const ORG_BEFORE = new Set(['joined', 'founded', 'company', 'companies', 'startup', 'startups', 'organization', 'firm', 'worked', 'working', 'works', 'employees', 'investors', 'acquired']);
const ORG_AFTER = new Set(['company', 'companies', 'employees', 'engineers', 'stock', 'shares', 'inc', 'corporation', 'acquired', 'hired', 'invested', 'headquarters', 'team', 'researchers', 'lab', 'announced', 'released']);
const BOOK_BEFORE = new Set(['book', 'books', 'novel', 'novels', 'read', 'reading', 'reread', 'essay', 'memoir', 'biography', 'trilogy', 'poem']);
const FILM_BEFORE = new Set(['movie', 'movies', 'film', 'films', 'watched', 'watching', 'series', 'show', 'documentary', 'sitcom', 'episode', 'season']);
const PRODUCT_BEFORE = new Set(['game', 'games', 'played', 'playing', 'app', 'apps', 'using', 'used', 'bought', 'install', 'installed', 'download', 'downloaded', 'phone', 'device', 'version', 'model', 'language']);
const PRODUCT_AFTER = new Set(['app', 'apps', 'game', 'model', 'version', 'phone', 'device', 'update', 'feature', 'features', 'code', 'api', 'release']);
const PLACE_BEFORE = new Set(['in', 'from', 'visited', 'visit', 'visiting', 'moved', 'born', 'lived', 'live', 'living', 'grew', 'went', 'traveled', 'travelled', 'city', 'invade', 'invaded', 'invasion', 'across', 'throughout']);
const PLACE_AFTER = new Set(['city', 'border', 'borders', 'coast', 'government', 'population', 'region']);
const CONCEPT_BEFORE = new Set(['theory', 'concept', 'idea', 'notion', 'principle', 'law', 'paradox', 'hypothesis', 'era', 'period']);

/** Weights from the words around one mention. */
function contextVotes(o: Occurrence, votes: Votes): void {
  if (o.honorific) votes.person += 3;
  const b1 = o.before[o.before.length - 1];
  const b2 = o.before[o.before.length - 2];
  const a1 = o.after[0];
  if (b1 && PERSON_BEFORE.has(b1)) votes.person += 1.5;
  if (a1 && PERSON_AFTER.has(a1)) votes.person += 1.5;
  if (o.possessive && a1 && PERSON_POSSESSIONS.has(a1)) votes.person += 1.5;
  if (b1 === 'of' && b2 && ['founder', 'cofounder', 'co', 'ceo', 'president', 'head', 'employees', 'chairman'].includes(b2)) votes.organization += 3;
  if (b1 === 'at' && b2 && ['work', 'worked', 'working', 'works', 'job', 'engineer', 'engineers', 'researcher', 'researchers', 'people', 'team', 'folks'].includes(b2)) votes.organization += 2.5;
  if ((b1 && ORG_BEFORE.has(b1)) || (b2 && ORG_BEFORE.has(b2) && (b1 === 'at' || b1 === 'for' || b1 === 'like'))) votes.organization += 1.5;
  if (a1 && ORG_AFTER.has(a1)) votes.organization += 1.5;
  const nearBefore = [b1, b2].filter((w): w is string => Boolean(w));
  if (nearBefore.some((w) => BOOK_BEFORE.has(w))) votes.book += 2;
  if (b1 === 'called' && o.before.some((w) => BOOK_BEFORE.has(w))) votes.book += 1;
  if (nearBefore.some((w) => FILM_BEFORE.has(w))) votes.film += 2;
  if (nearBefore.some((w) => PRODUCT_BEFORE.has(w))) votes.product += 1.5;
  if (a1 && PRODUCT_AFTER.has(a1)) votes.product += 1.5;
  if (b1 && PLACE_BEFORE.has(b1)) votes.place += b1 === 'in' || b1 === 'from' ? 0.75 : 1.5;
  if (b1 === 'to' && b2 && ['go', 'went', 'going', 'moved', 'move', 'travel', 'traveled', 'flew', 'fly', 'trip', 'came', 'come'].includes(b2)) votes.place += 1.5;
  if (a1 && PLACE_AFTER.has(a1)) votes.place += 1;
  if (b1 && CONCEPT_BEFORE.has(b1)) votes.concept += 1.5;
}

/**
 * The kind of an entity from its name and its mentions. `person` is true when the episode's own metadata names it as
 * a person (a guest, a speaker). Returns null when no kind has enough weight.
 */
export function classify(name: string, occurrences: readonly Occurrence[], person: boolean): Kind | null {
  if (person) return 'person';
  const known = knownEntity(name);
  if (known) return known.kind;
  const votes: Votes = { person: 0, organization: 0, product: 0, book: 0, film: 0, place: 0, concept: 0 };
  shapeVotes(name, votes);
  // Context cues are averaged over the mentions and grow only with the log of their number, so a name said fifty
  // times is not decided by how often "in" happens to precede it.
  const contextual: Votes = { person: 0, organization: 0, product: 0, book: 0, film: 0, place: 0, concept: 0 };
  for (const o of occurrences) contextVotes(o, contextual);
  const n = Math.max(1, occurrences.length);
  const scale = (1 + Math.log2(n)) / n;
  let best: Kind | null = null;
  let bestVote = 0;
  for (const kind of Object.keys(votes) as Kind[]) {
    const v = votes[kind] + contextual[kind] * scale;
    if (v > bestVote) {
      best = kind;
      bestVote = v;
    }
  }
  return bestVote >= 2 ? best : null;
}
