// Lexicap: Whisper transcripts of the Lex Fridman Podcast, one JSON object per episode:
// {"title": "Guest: Topics | Lex Fridman Podcast #215", "id": "<YouTube video id>", "transcript": "WEBVTT\n\n..."}.
// The transcript is WebVTT read by the WebVTT reader's parser in its Whisper mode: Whisper writes cues in speech
// order, and in a few places (3 cues in the 319 episodes) its times jump backwards; those are repaired, not refused.
import { z } from 'zod';
import type { EpisodeMeta } from '../model/episode.js';
import { InputError } from '../model/errors.js';
import { titleMeta } from './episode-title.js';
import { parseJsonInput, validated } from './json-input.js';
import type { Reader } from './reader.js';
import { plainText } from './text.js';
import { hasWebVttSignature, parseWebVtt } from './webvtt.js';

const recordSchema = z.object({
  title: z.string().nullish(),
  id: z
    .string()
    .regex(/^[A-Za-z0-9_-]{11}$/, 'must be an 11-character YouTube video id')
    .nullish(),
  transcript: z.string().refine(hasWebVttSignature, 'must be WebVTT text, starting with "WEBVTT"'),
});

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
    const record = validated(recordSchema, parseJsonInput(text));
    const title = record.title ? plainText(record.title) : '';
    const meta: EpisodeMeta = { ...(title ? titleMeta(title) : {}), language: 'en' };
    if (record.id) {
      meta.youtubeId = record.id;
      meta.sourceUrls = [`https://youtube.com/watch?v=${record.id}`];
    }
    let doc;
    try {
      doc = parseWebVtt(record.transcript, { mode: 'whisper' });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      // Line numbers count lines of the WebVTT text, not of the JSON file it is embedded in.
      const where = error.line === undefined ? '' : ` (line ${error.line} of the WebVTT text)`;
      throw new InputError(`${error.reason}${where}`, { field: 'transcript' });
    }
    meta.duration = doc.duration;
    return { meta, transcript: { turns: doc.turns } };
  },
};
