// Readwise's CSV import (Highlight, Title, Author, URL, Note, Location, Date), one row per highlight. Cells that a
// spreadsheet would run as a formula are defused with a leading apostrophe. Pure.
import { momentLink } from '../model/links.js';
import { episodeLabel, tagName, type HighlightGroup } from './highlights.js';

export const READWISE_COLUMNS = ['Highlight', 'Title', 'Author', 'URL', 'Note', 'Location', 'Date'] as const;

/** One CSV cell: quoted, quotes doubled, formula triggers (= + - @ tab CR) defused. */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

function readwiseDate(iso: string | null): string {
  if (!iso) return '';
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]}` : '';
}

export function readwiseCsv(groups: HighlightGroup[]): string {
  const rows = [READWISE_COLUMNS.map(csvCell).join(',')];
  for (const { episode, highlights } of groups) {
    for (const h of highlights) {
      const text = h.title ? `${h.title}: ${h.text}` : h.text;
      // Readwise reads ".tag" words at the start of a note as tags.
      const tags = h.tags.map(tagName).filter(Boolean).map((t) => `.${t}`);
      const note = [tags.join(' '), h.note ?? '', h.summary ?? ''].filter(Boolean).join(' ');
      const url = momentLink(episode, h.start ?? 0) ?? '';
      const location = h.start !== null ? Math.floor(h.start) : '';
      rows.push([text, episodeLabel(episode), episode.show ?? episode.guests.join(', '), url, note, location, readwiseDate(h.createdAt)].map(csvCell).join(','));
    }
  }
  return `${rows.join('\r\n')}\r\n`;
}
