import type { Episode } from '../model/episode.js';
import { momentLink } from '../model/links.js';
import { formatClock } from '../formats/text.js';

/** Escapes text so Markdown renders it literally: transcript text is untrusted and must never become markup. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()<>#+|~!]/g, '\\$&')
    .replace(/^(\s*)([-=]{3,}|\d+\.)(?=\s|$)/gm, '$1\\$2')
    .replace(/\n/g, ' ');
}

function timeLink(episode: Episode, seconds: number): string {
  const link = momentLink(episode, seconds);
  return link ? `[${formatClock(seconds)}](${link})` : formatClock(seconds);
}

/** A readable Markdown document of everything the library knows about the episode. */
export function toMarkdown(episode: Episode): string {
  const out: string[] = [];
  const title = episode.title ?? episode.id;
  out.push(`# ${escapeMarkdown(title)}`, '');
  const facts: string[] = [];
  if (episode.show) facts.push(`${escapeMarkdown(episode.show)}${episode.number !== null ? ` #${episode.number}` : ''}`);
  if (episode.guests.length) facts.push(`with ${episode.guests.map(escapeMarkdown).join(', ')}`);
  if (episode.published) facts.push(episode.published.slice(0, 10));
  if (episode.duration) facts.push(formatClock(episode.duration));
  const watch = momentLink(episode, 0);
  if (watch) facts.push(`[play](${watch})`);
  if (facts.length) out.push(facts.join(' · '), '');
  if (episode.overview) out.push(escapeMarkdown(episode.overview), '');

  if (episode.chapters.length) {
    out.push('## Chapters', '');
    for (const c of episode.chapters) out.push(`- ${timeLink(episode, c.start)} ${escapeMarkdown(c.title)}`);
    out.push('');
  }
  if (episode.insights.length) {
    out.push('## Key insights', '');
    for (const i of episode.insights) out.push(`- ${escapeMarkdown(i.text)}${i.start !== undefined ? ` (${timeLink(episode, i.start)})` : ''}`);
    out.push('');
  }
  if (episode.sections.length) {
    out.push('## Summary', '');
    for (const s of episode.sections) out.push(`### ${escapeMarkdown(s.title)}`, '', escapeMarkdown(s.text), '');
  }
  if (episode.highlights.length) {
    out.push('## Highlights', '');
    for (const h of episode.highlights) {
      const when = h.start !== null ? `${timeLink(episode, h.start)} ` : '';
      out.push(`### ${when}${escapeMarkdown(h.title ?? 'Highlight')}`, '');
      if (h.summary) out.push(escapeMarkdown(h.summary), '');
      out.push(`> ${escapeMarkdown(h.text)}`, '');
      if (h.note) out.push(`Note: ${escapeMarkdown(h.note)}`, '');
    }
  }
  if (episode.mentions.length) {
    out.push('## Mentioned in this episode', '');
    for (const m of episode.mentions) {
      const name = m.name ? `**${escapeMarkdown(m.name)}**` : '';
      const desc = m.description ? escapeMarkdown(m.description) : '';
      out.push(`- ${[name, desc].filter(Boolean).join(': ')}`);
    }
    out.push('');
  }
  if (episode.turns.length) {
    out.push('## Transcript', '');
    const chapters = [...episode.chapters].sort((a, b) => a.start - b.start);
    let next = 0;
    for (const turn of episode.turns) {
      while (next < chapters.length && chapters[next]!.start <= turn.start) {
        out.push(`### ${escapeMarkdown(chapters[next]!.title)}`, '');
        next++;
      }
      const who = turn.speaker ? `**${escapeMarkdown(turn.speaker)}** ` : '';
      const approx = turn.timing === 'estimated' ? '~' : '';
      out.push(`${who}${approx}${timeLink(episode, turn.start)} ${escapeMarkdown(turn.text)}`, '');
      for (const tr of turn.translations ?? []) out.push(`> (${escapeMarkdown(tr.lang)}) ${escapeMarkdown(tr.text)}`, '');
    }
  }
  return out.join('\n');
}
