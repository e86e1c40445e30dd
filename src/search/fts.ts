// Turning a parsed query into an FTS5 MATCH expression. Pure. Every word is quoted, so no user text is ever read
// as FTS5 syntax.
import { isStopword } from '../text/words.js';
import type { ParsedQuery } from './query.js';

/** The words a query is about: its content words, or all its words when it has only stopwords ("to be or not"). */
export function queryWords(query: ParsedQuery): string[] {
  const content = query.terms.filter((t) => !isStopword(t));
  return [...new Set(content.length > 0 ? content : query.terms)];
}

export function ftsMatch(query: ParsedQuery, extraWords: readonly string[] = []): string | null {
  const parts: string[] = [];
  for (const word of new Set([...queryWords(query), ...extraWords])) parts.push(`"${word}"`);
  for (const phrase of query.phrases) parts.push(`"${phrase.join(' ')}"`);
  for (const prefix of query.prefixes) parts.push(`"${prefix}" *`);
  if (parts.length === 0) return null;
  let match = parts.join(' OR ');
  if (query.excluded.length > 0) match = `(${match}) NOT (${query.excluded.map((w) => `"${w}"`).join(' OR ')})`;
  return match;
}
