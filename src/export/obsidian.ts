// Obsidian pages: one page per episode (YAML front matter, then a block per highlight with its time link and a
// block id), ready to drop into a vault. Untrusted text is escaped so it never becomes links, embeds or markup. Pure.
import { momentLink } from '../model/links.js';
import { escapeMarkdown } from './markdown.js';
import { episodeLabel, escapeNoteText, pageName, tagName, timeLink, type HighlightGroup } from './highlights.js';

export interface Page {
  /** File name inside the vault (no folders, `.md`). */
  name: string;
  text: string;
}

/** A YAML scalar: a JSON string is a valid YAML double-quoted string. */
function yaml(value: string): string {
  return JSON.stringify(value);
}

function blockId(h: { id?: number }, index: number): string {
  return h.id !== undefined ? `hl-${h.id}` : `h${index + 1}`;
}

export function obsidianPage(group: HighlightGroup): Page {
  const { episode, highlights } = group;
  const label = episodeLabel(episode);
  const front = ['---', `title: ${yaml(label)}`];
  if (episode.show) front.push(`show: ${yaml(episode.show)}`);
  if (episode.number !== null) front.push(`episode: ${episode.number}`);
  if (episode.guests.length) front.push(`guests: [${episode.guests.map(yaml).join(', ')}]`);
  if (episode.published) front.push(`published: ${yaml(episode.published.slice(0, 10))}`);
  const link = momentLink(episode, 0);
  if (link) front.push(`url: ${yaml(link)}`);
  front.push(`podsift: ${yaml(episode.id)}`, 'tags: [podcast]', '---', '');

  const out = [...front, `# ${escapeNoteText(label)}`, ''];
  if (highlights.length === 0) out.push('_No highlights yet._', '');
  highlights.forEach((h, i) => {
    const when = h.start !== null ? `${timeLink(episode, h.start)} ` : '';
    const title = h.title ? `**${escapeNoteText(h.title)}** ` : '';
    out.push(`- ${when}${title}${escapeNoteText(h.text)} ^${blockId(h, i)}`);
    if (h.summary) out.push(`\t- Summary: ${escapeNoteText(h.summary)}`);
    if (h.note) out.push(`\t- Note: ${escapeNoteText(h.note)}`);
    const tags = h.tags.map(tagName).filter(Boolean);
    if (tags.length) out.push(`\t- Tags: ${tags.map((t) => `#${t}`).join(' ')}`);
    if (h.origin !== 'user') out.push(`\t- From: ${escapeMarkdown(h.origin)}`);
  });
  out.push('');
  return { name: `${pageName(label)}.md`, text: out.join('\n') };
}

/** One page per episode, names made unique ("Title.md", "Title (2).md"). */
export function obsidianPages(groups: HighlightGroup[]): Page[] {
  return uniqueNames(groups.map(obsidianPage));
}

export function uniqueNames(pages: Page[]): Page[] {
  const seen = new Map<string, number>();
  return pages.map((page) => {
    const key = page.name.toLowerCase();
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n === 1 ? page : { ...page, name: page.name.replace(/(\.md)$/, ` (${n})$1`) };
  });
}
