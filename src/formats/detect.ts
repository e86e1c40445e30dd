import { InputError } from '../model/errors.js';
import { looksLikeJson, looksLikeMarkup } from './detection.js';
import type { Reader } from './reader.js';
import { readers } from './registry.js';

/** Below this confidence no reader claims the file. */
const MIN_CONFIDENCE = 0.1;

export function readerById(id: string): Reader {
  const reader = readers.find((r) => r.id === id);
  if (!reader) {
    throw new InputError(`unknown format "${id}" (known: ${readers.map((r) => r.id).join(', ')})`, { field: '--format' });
  }
  return reader;
}

/** Asks every registered reader how sure it is and takes the most confident one. */
export function detectReader(text: string, filename: string): Reader {
  let best: Reader | undefined;
  let bestScore = MIN_CONFIDENCE;
  for (const reader of readers) {
    const score = reader.detect(text, filename);
    if (score > bestScore) {
      best = reader;
      bestScore = score;
    }
  }
  if (!best) throw new InputError(`${unclaimed(text)} (use --format to choose one)`);
  return best;
}

/** What to tell the user about a file no reader claims: JSON and markup documents are recognisable as such. */
function unclaimed(text: string): string {
  if (looksLikeJson(text)) {
    return 'a JSON document, but not in a transcript shape podsift knows (Whisper, Podcasting 2.0, Lexicap)';
  }
  if (looksLikeMarkup(text)) {
    return 'an HTML or XML document, but not in a transcript shape podsift knows (Podcasting 2.0 HTML)';
  }
  return 'matches no known transcript format';
}
