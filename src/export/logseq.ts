// Logseq pages: one page per episode (page properties, then a block per highlight with its time link, notes and
// tags as child blocks), for a graph's `pages/` folder. Untrusted text never becomes a property, page ref or macro. Pure.
import { momentLink } from '../model/links.js';
import { episodeLabel, escapeNoteText, pageName, tagName, timeLink, type HighlightGroup } from './highlights.js';
import { uniqueNames, type Page } from './obsidian.js';

/** A property value on one line, with nothing Logseq would read as a reference or another property. */
function property(value: string): string {
  return escapeNoteText(value.replace(/[\r\n]+/g, ' ')).replace(/,/g, '\\,');
}

export function logseqPage(group: HighlightGroup): Page {
  const { episode, highlights } = group;
  const label = episodeLabel(episode);
  const out = [`title:: ${property(label)}`, 'type:: podcast-episode'];
  if (episode.show) out.push(`show:: ${property(episode.show)}`);
  if (episode.number !== null) out.push(`episode:: ${episode.number}`);
  if (episode.guests.length) out.push(`guests:: ${episode.guests.map(property).join(', ')}`);
  if (episode.published) out.push(`published:: ${episode.published.slice(0, 10).replace(/[^0-9-]/g, '')}`);
  const link = momentLink(episode, 0);
  if (link) out.push(`url:: ${link}`);
  out.push(`podsift-id:: ${episode.id}`, '');

  if (highlights.length === 0) out.push('- No highlights yet.');
  for (const h of highlights) {
    const when = h.start !== null ? `${timeLink(episode, h.start)} ` : '';
    const title = h.title ? `**${escapeNoteText(h.title)}** ` : '';
    out.push(`- ${when}${title}${escapeNoteText(h.text)}`);
    if (h.summary) out.push(`\t- Summary: ${escapeNoteText(h.summary)}`);
    if (h.note) out.push(`\t- Note: ${escapeNoteText(h.note)}`);
    const tags = h.tags.map(tagName).filter(Boolean);
    if (tags.length) out.push(`\t- Tags: ${tags.map((t) => `#[[${t}]]`).join(' ')}`);
    if (h.origin !== 'user') out.push(`\t- From: ${escapeNoteText(h.origin)}`);
  }
  out.push('');
  return { name: `${pageName(label)}.md`, text: out.join('\n') };
}

export function logseqPages(groups: HighlightGroup[]): Page[] {
  return uniqueNames(groups.map(logseqPage));
}
