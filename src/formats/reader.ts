import type { EpisodeFragment } from '../model/episode.js';

/**
 * One input format. A reader is pure: text in, data out. It never touches the disk, the database or the clock.
 * `read` throws InputError (naming the line or field and the reason) for input it cannot make sense of.
 */
export interface Reader {
  /** Stable id, used by --format and reported per file (e.g. "webvtt"). */
  id: string;
  /** Human name, e.g. "WebVTT". */
  label: string;
  /** How sure the reader is that `text` is its format: 0 (not at all) to 1 (certain). Looks at little text. */
  detect(text: string, filename: string): number;
  read(text: string, filename: string): EpisodeFragment;
}
