import type { EpisodeFragment } from '../model/episode.js';
import { InputError } from '../model/errors.js';
import { decodeBytes, DEFAULT_MAX_BYTES } from '../formats/decode.js';
import { detectReader, readerById } from '../formats/detect.js';
import { JsonSyntaxError } from '../formats/text.js';

export interface ReadOptions {
  /** Reader id that skips detection. */
  format?: string;
  maxBytes?: number;
}

export interface ReadSource {
  format: string;
  encoding: string;
  fragment: EpisodeFragment;
}

/** Bytes of one file to an episode fragment: decode, detect (unless a format is forced), read. Pure. */
export function readSource(bytes: Uint8Array, filename: string, options: ReadOptions = {}): ReadSource {
  const { text, encoding } = decodeBytes(bytes, options.maxBytes ?? DEFAULT_MAX_BYTES);
  const reader = options.format ? readerById(options.format) : detectReader(text, filename);
  try {
    return { format: reader.id, encoding, fragment: reader.read(text, filename) };
  } catch (error) {
    if (error instanceof JsonSyntaxError) throw new InputError(`invalid JSON: ${error.message}`, { format: reader.id });
    // Name the format, so "line 3: bad time" reads "webvtt: line 3: bad time".
    if (error instanceof InputError) throw error.at({ format: reader.id });
    throw error;
  }
}
