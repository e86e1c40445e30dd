// How a transcript is stored (by any backend: SQLite keeps it as a blob, PostgreSQL would as bytea): column
// arrays instead of one object per turn, so 800 thousand turns do not repeat their field names (a quarter of the
// bytes), then deflated at level 1, since transcripts are a third of a library and compress 2.7:1. Fewer bytes to
// write makes `add` faster: compression runs on the worker thread that reads the file (src/ingest/prepare-file.ts),
// writing on the main one. Reading a 5-hour transcript back costs a few milliseconds more.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Timing, Turn } from '../model/episode.js';

/** Bumped when the stored shape changes. */
export const TRANSCRIPT_CODEC_VERSION = 2;

interface Columns {
  v: number;
  speaker: (string | null)[] | string | null;
  start: number[];
  end: number[];
  timing: Timing[] | Timing;
  text: string[];
  /** Turn index → the rarely present fields. */
  extra?: Record<number, Pick<Turn, 'translations' | 'markers' | 'attributed'>>;
}

/** A column whose values are all the same is stored once. */
function collapse<T>(values: T[]): T[] | T {
  return values.length > 0 && values.every((v) => v === values[0]) ? values[0]! : values;
}

/** The stored form of a transcript: the columns as JSON, deflated. */
export function encodeTurns(turns: readonly Turn[]): Buffer {
  return deflateRawSync(columnsJson(turns), { level: 1 });
}

/** The columns as JSON (the stored form before compression; tests read it). */
export function columnsJson(turns: readonly Turn[]): string {
  const extra: NonNullable<Columns['extra']> = {};
  turns.forEach((t, i) => {
    if (t.translations?.length || t.markers?.length || t.attributed) {
      extra[i] = {
        ...(t.translations?.length ? { translations: t.translations } : {}),
        ...(t.markers?.length ? { markers: t.markers } : {}),
        ...(t.attributed ? { attributed: true } : {}),
      };
    }
  });
  const columns: Columns = {
    v: TRANSCRIPT_CODEC_VERSION,
    speaker: collapse(turns.map((t) => t.speaker)),
    start: turns.map((t) => t.start),
    end: turns.map((t) => t.end),
    timing: collapse(turns.map((t) => t.timing)),
    text: turns.map((t) => t.text),
    ...(Object.keys(extra).length ? { extra } : {}),
  };
  return JSON.stringify(columns);
}

/** Turns from their stored form: deflated columns, or text from libraries written before compression. */
export function decodeTurns(stored: string | Uint8Array): Turn[] {
  const json = typeof stored === 'string' ? stored : inflateRawSync(stored).toString('utf8');
  const c = JSON.parse(json) as Columns | Turn[];
  // Libraries written before the columns stored one object per turn; they read as they are.
  if (Array.isArray(c)) return c;
  const turns: Turn[] = new Array(c.text.length);
  for (let i = 0; i < c.text.length; i++) {
    const turn: Turn = {
      speaker: Array.isArray(c.speaker) ? c.speaker[i]! : c.speaker,
      start: c.start[i]!,
      end: c.end[i]!,
      timing: Array.isArray(c.timing) ? c.timing[i]! : c.timing,
      text: c.text[i]!,
    };
    const more = c.extra?.[i];
    if (more) Object.assign(turn, more);
    turns[i] = turn;
  }
  return turns;
}
