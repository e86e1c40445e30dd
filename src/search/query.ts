// Reading what a person typed into the search box. Total: every string parses, nothing here throws.
export interface ParsedQuery {
  /** Free words, lower-cased, in order (stopwords kept: the ranker decides). */
  terms: string[];
  /** Quoted phrases, each as its words. */
  phrases: string[][];
  /** Words typed with a trailing `*`. */
  prefixes: string[];
  /** Words after a `-`: results must not contain them. */
  excluded: string[];
  /** Free words typed with a capital letter (lower-cased), a hint that they are names. */
  capitalized: string[];
  filters: SearchFilters;
  /** Problems worth telling the user about (an unknown filter, a bad date); the query still runs. */
  warnings: string[];
}

export interface SearchFilters {
  show?: string;
  episode?: string;
  speaker?: string;
  /** ISO dates (YYYY-MM-DD), inclusive. */
  after?: string;
  before?: string;
}

const FILTERS = new Set(['show', 'episode', 'speaker', 'after', 'before']);
/** Longer queries are cut here: nobody types more, and it bounds the work a query can ask for. */
export const MAX_QUERY_CHARS = 1000;
const MAX_WORDS = 64;

const WORD = /[\p{L}\p{N}]+/gu;

function wordsOf(text: string): string[] {
  return (text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').match(WORD) ?? []).slice(0, MAX_WORDS);
}

function isoDate(value: string): string | null {
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(value.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : 1;
  const day = m[3] ? Number(m[3]) : 1;
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Parses a query: free words, "quoted phrases", prefix*, -excluded, and filters `show:`, `episode:`, `speaker:`,
 * `after:`, `before:` (values may be quoted: `speaker:"Lex Fridman"`). Unbalanced quotes close at the end; FTS5
 * operators (NEAR, AND, OR, NOT, parentheses, ^, :) are read as plain words or ignored, never passed through.
 */
export function parseQuery(input: string): ParsedQuery {
  const query: ParsedQuery = { terms: [], phrases: [], prefixes: [], excluded: [], capitalized: [], filters: {}, warnings: [] };
  let text = String(input ?? '');
  if (text.length > MAX_QUERY_CHARS) {
    text = text.slice(0, MAX_QUERY_CHARS);
    query.warnings.push(`query cut to its first ${MAX_QUERY_CHARS} characters`);
  }
  // Tokens: filter:value, filter:"quoted value", "phrase", -word, word*, other runs of non-space.
  const tokens = text.match(/[A-Za-z]+:"[^"]*"?|"[^"]*"?|\S+/g) ?? [];
  for (const token of tokens) {
    const filter = /^([A-Za-z]+):(.*)$/.exec(token);
    if (filter && FILTERS.has(filter[1]!.toLowerCase())) {
      const name = filter[1]!.toLowerCase() as keyof SearchFilters;
      const value = filter[2]!.replace(/^"|"$/g, '').trim();
      if (!value) {
        query.warnings.push(`${name}: needs a value`);
        continue;
      }
      if (name === 'after' || name === 'before') {
        const date = isoDate(value);
        if (date) query.filters[name] = date;
        else query.warnings.push(`${name}:${value} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)`);
      } else {
        query.filters[name] = value;
      }
      continue;
    }
    if (token.startsWith('"')) {
      const phrase = wordsOf(token);
      if (phrase.length === 1) query.terms.push(phrase[0]!);
      else if (phrase.length > 1) query.phrases.push(phrase);
      continue;
    }
    if (token.startsWith('-') && token.length > 1) {
      query.excluded.push(...wordsOf(token));
      continue;
    }
    const parts = wordsOf(token);
    if (parts.length === 0) continue;
    if (/^[\p{Lu}]/u.test(token.replace(/^[^\p{L}\p{N}]+/u, ''))) query.capitalized.push(parts[0]!);
    if (/[\p{L}\p{N}]\*$/u.test(token) && parts[parts.length - 1]!.length >= 2) {
      query.terms.push(...parts.slice(0, -1));
      query.prefixes.push(parts[parts.length - 1]!);
    } else {
      query.terms.push(...parts);
    }
  }
  const cap = <T>(list: T[]) => list.slice(0, MAX_WORDS);
  query.terms = cap(query.terms);
  query.phrases = cap(query.phrases);
  query.prefixes = cap(query.prefixes);
  query.excluded = cap(query.excluded);
  query.capitalized = cap(query.capitalized);
  return query;
}

/** Whether the query asks for anything to match (filters alone list recent passages of the filtered episodes). */
export function hasText(query: ParsedQuery): boolean {
  return query.terms.length + query.phrases.length + query.prefixes.length > 0;
}
