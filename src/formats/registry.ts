// Every format podsift reads. Adding a format is one file in this folder plus one line here.
import type { Reader } from './reader.js';
import { transcriptPageReader } from './transcript-page.js';
import { snipdReader } from './snipd.js';
import { keyMomentsReader } from './key-moments.js';
import { webvttReader } from './webvtt.js';
import { srtReader } from './srt.js';
import { lexicapReader } from './lexicap.js';
import { whisperJsonReader } from './whisper-json.js';
import { podcasting20Reader } from './podcasting20.js';
import { podcastHtmlReader } from './podcast-html.js';
import { rawSttReader } from './raw-stt.js';
import { talkReader } from './talk.js';
import { plainTextReader } from './plain-text.js';

export const readers: readonly Reader[] = [
  transcriptPageReader,
  snipdReader,
  keyMomentsReader,
  webvttReader,
  srtReader,
  lexicapReader,
  whisperJsonReader,
  podcasting20Reader,
  podcastHtmlReader,
  rawSttReader,
  talkReader,
  plainTextReader,
];
