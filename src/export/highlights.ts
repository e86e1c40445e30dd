// Highlights grouped by episode: the shape every highlight export (Markdown, Obsidian, Logseq, Readwise, JSON)
// starts from. Imported highlights (Snipd, Readwise…) and the user's own come out the same way. Pure.
import type { Episode } from '../model/episode.js';
import { momentLink } from '../model/links.js';
import type { StoredHighlight } from '../store/library.js';
import { formatClock } from '../formats/text.js';
import { escapeMarkdown } from './markdown.js';

export type EpisodeInfo = Pick<Episode, 'id' | 'show' | 'number' | 'title' | 'guests' | 'published' | 'youtubeId' | 'mediaUrl'>;

export interface HighlightEntry {
  /** The library id of a highlight made in podsift; absent for imported ones. */
  id?: number;
  start: number | null;
  end: number | null;
  title: string | null;
  summary: string | null;
  text: string;
  note: string | null;
  tags: string[];
  /** "user" for highlights made in podsift, else the app they came from ("snipd"). */
  origin: string;
  createdAt: string | null;
}

export interface HighlightGroup {
  episode: EpisodeInfo;
  highlights: HighlightEntry[];
}

export function episodeInfo(e: EpisodeInfo): EpisodeInfo {
  return { id: e.id, show: e.show, number: e.number, title: e.title, guests: e.guests, published: e.published, youtubeId: e.youtubeId, mediaUrl: e.mediaUrl };
}

/** Every highlight of one episode (imported and the user's own, as the library merged them), in time order. */
export function episodeGroup(episode: Episode): HighlightGroup {
  return {
    episode: episodeInfo(episode),
    highlights: episode.highlights.map((h) => ({
      ...(h.id !== undefined ? { id: h.id } : {}),
      start: h.start,
      end: h.end,
      title: h.title ?? null,
      summary: h.summary ?? null,
      text: h.text,
      note: h.note ?? null,
      tags: h.tags ?? [],
      origin: h.origin,
      createdAt: null,
    })),
  };
}

/** The user's highlights grouped by episode (episodes in first-seen order, highlights in time order). */
export function groupStored(stored: StoredHighlight[], episodeOf: (id: string) => EpisodeInfo | null): HighlightGroup[] {
  const groups = new Map<string, HighlightGroup>();
  for (const h of stored) {
    let group = groups.get(h.episodeId);
    if (!group) {
      const episode = episodeOf(h.episodeId);
      if (!episode) continue;
      group = { episode: episodeInfo(episode), highlights: [] };
      groups.set(h.episodeId, group);
    }
    group.highlights.push({
      id: h.id,
      start: h.start,
      end: h.end,
      title: h.title,
      summary: null,
      text: h.text,
      note: h.note,
      tags: h.tags,
      origin: 'user',
      createdAt: h.createdAt,
    });
  }
  for (const group of groups.values()) group.highlights.sort((a, b) => (a.start ?? Infinity) - (b.start ?? Infinity) || (a.id ?? 0) - (b.id ?? 0));
  return [...groups.values()];
}

/** "Show #12: Title", the way an episode is named in exported pages. */
export function episodeLabel(e: EpisodeInfo): string {
  const show = e.show ? `${e.show}${e.number !== null ? ` #${e.number}` : ''}` : e.number !== null ? `#${e.number}` : '';
  const title = e.title ?? e.id;
  return show && !title.includes(show) ? `${show}: ${title}` : title;
}

/**
 * A page or file name from untrusted text: no path separators, no characters Windows, Obsidian or Logseq refuse,
 * no leading dots, not too long.
 */
export function pageName(text: string, max = 100): string {
  const name = text
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/[\\/:*?"<>|#^[\]{}%]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, max)
    .trim();
  return /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(name) || !name ? 'Untitled' : name;
}

/** `[12:34](link)` when the episode can be played at that time, else `12:34`. */
export function timeLink(e: EpisodeInfo, seconds: number): string {
  const link = momentLink(e, seconds);
  return link ? `[${formatClock(seconds)}](${link})` : formatClock(seconds);
}

/** Markdown escaping plus what Obsidian and Logseq also read as markup (`%%` comments, `$` math, `::` properties). */
export function escapeNoteText(text: string): string {
  return escapeMarkdown(text)
    .replace(/%/g, '\\%')
    .replace(/\$/g, '\\$')
    .replace(/\^/g, '\\^')
    .replace(/=/g, '\\=')
    .replace(/:(?=:)/g, ':\\');
}

/** A tag as Obsidian and Logseq accept it: letters, digits, `_`, `-`, `/`; empty when nothing is left. */
export function tagName(tag: string): string {
  return tag
    .normalize('NFC')
    .trim()
    .replace(/\s+/g, '-')
    .replace(/[^\p{L}\p{N}_/-]/gu, '')
    .slice(0, 64);
}

/** All highlights as one Markdown document, a section per episode. */
export function highlightsMarkdown(groups: HighlightGroup[], heading = 'Highlights'): string {
  const out: string[] = [`# ${escapeMarkdown(heading)}`, ''];
  for (const { episode, highlights } of groups) {
    out.push(`## ${escapeMarkdown(episodeLabel(episode))}`, '');
    for (const h of highlights) {
      const when = h.start !== null ? `${timeLink(episode, h.start)} ` : '';
      const title = h.title ? `**${escapeMarkdown(h.title)}** ` : '';
      out.push(`- ${when}${title}${escapeMarkdown(h.text)}`);
      if (h.summary) out.push(`  - Summary: ${escapeMarkdown(h.summary)}`);
      if (h.note) out.push(`  - Note: ${escapeMarkdown(h.note)}`);
      const tags = h.tags.map(tagName).filter(Boolean);
      if (tags.length) out.push(`  - Tags: ${tags.map((t) => `\`${t}\``).join(', ')}`);
    }
    out.push('');
  }
  return out.join('\n');
}

/** All highlights as JSON: one object per episode with its highlights and a play link for each. */
export function highlightsJson(groups: HighlightGroup[]) {
  return groups.map(({ episode, highlights }) => ({
    episode,
    highlights: highlights.map((h) => ({ ...h, link: h.start !== null ? momentLink(episode, h.start) : momentLink(episode, 0) })),
  }));
}
