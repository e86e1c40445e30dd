// Lexicap: Whisper transcripts of the Lex Fridman Podcast, one JSON object per episode:
// {"title": "Guest: Topics | Lex Fridman Podcast #215", "id": "<YouTube video id>", "transcript": "WEBVTT\n\n..."}.
// The transcript is WebVTT read by the WebVTT reader's parser in its Whisper mode: Whisper writes cues in speech
// order, and in a few places (3 cues in the 319 episodes) its times jump backwards; those are repaired, not refused.
import type { EpisodeMeta } from '../model/episode.js';
import { InputError } from '../model/errors.js';
import { cleanMarkup } from './cues.js';
import { parseEpisodeTitle } from './episode-title.js';
import type { Reader } from './reader.js';
import { parseJson, squash } from './text.js';
import { hasWebVttSignature, parseWebVtt } from './webvtt.js';

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;

/** How far into the file detection looks for the transcript key; title and id come first and are short. */
const DETECT_PREFIX = 16_384;

export const lexicapReader: Reader = {
  id: 'lexicap',
  label: 'Lexicap JSON (WebVTT inside JSON)',
  detect(text) {
    const head = text.slice(0, DETECT_PREFIX);
    if (!/^\s*\{/.test(head)) return 0;
    return /"transcript"\s*:\s*"WEBVTT(?:[ \t]|\\n|\\r|\\t|")/.test(head) ? 1 : 0;
  },
  read(text) {
    const record = parseRecord(text);
    const transcript = record['transcript'];
    if (typeof transcript !== 'string') {
      throw new InputError(`"transcript" must be a string of WebVTT text, found ${describe(transcript)}`, { field: 'transcript' });
    }
    if (!hasWebVttSignature(transcript)) {
      throw new InputError('"transcript" does not start with the "WEBVTT" header', { field: 'transcript' });
    }
    const meta: EpisodeMeta = { language: 'en' };
    readTitle(record['title'], meta);
    readId(record['id'], meta);

    let doc;
    try {
      doc = parseWebVtt(transcript, { mode: 'whisper' });
    } catch (error) {
      if (error instanceof InputError) {
        // Line numbers count lines of the WebVTT text, not of the JSON file it is embedded in.
        const where = error.line === undefined ? '' : ` (line ${error.line} of the WebVTT text)`;
        throw new InputError(`${error.reason}${where}`, { field: 'transcript' });
      }
      throw error;
    }
    meta.duration = doc.duration;
    return { meta, transcript: { turns: doc.turns } };
  },
};

function parseRecord(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = parseJson(text);
  } catch (error) {
    throw new InputError(`not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InputError(`expected a JSON object with "title", "id" and "transcript", found ${describe(value)}`);
  }
  return value as Record<string, unknown>;
}

function readTitle(title: unknown, meta: EpisodeMeta): void {
  if (title === undefined || title === null) return;
  if (typeof title !== 'string') throw new InputError(`"title" must be a string, found ${describe(title)}`, { field: 'title' });
  const clean = squash(cleanMarkup(title));
  if (clean === '') return;
  const parts = parseEpisodeTitle(clean);
  meta.title = parts.title;
  if (parts.show) meta.show = parts.show;
  if (parts.number !== undefined) meta.number = parts.number;
  if (parts.guests) meta.guests = parts.guests;
}

function readId(id: unknown, meta: EpisodeMeta): void {
  if (id === undefined || id === null) return;
  if (typeof id !== 'string' || !YOUTUBE_ID.test(id)) {
    const shown = typeof id === 'string' ? `"${id.slice(0, 40)}"` : describe(id);
    throw new InputError(`"id" must be an 11-character YouTube video id, not ${shown}`, { field: 'id' });
  }
  meta.youtubeId = id;
  meta.sourceUrls = [`https://youtube.com/watch?v=${id}`];
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'a string';
  return `a ${typeof value}`;
}
