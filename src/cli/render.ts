// Human-readable terminal output. JSON output lives in src/export/json.ts; this is only for people.
import type { Episode } from '../model/episode.js';
import { momentLink } from '../model/links.js';
import type { EpisodeSummary } from '../store/library.js';
import type { FileResult } from '../ingest/add-files.js';
import { formatClock } from '../formats/text.js';
import { styler } from './style.js';

const s = styler(process.stdout);

/** Strips terminal control characters from untrusted text so a transcript cannot drive the terminal. */
export function safe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u001b]/g, '');
}

export function episodeLabel(e: { show: string | null; number: number | null; title: string | null; id: string }): string {
  const num = e.number !== null ? `#${e.number} ` : '';
  return safe(`${num}${e.title ?? e.id}`);
}

export function renderList(episodes: EpisodeSummary[]): string {
  if (episodes.length === 0) return 'The library is empty. Add transcripts with: podsift add <files|dirs>';
  const lines = episodes.map((e) => {
    const counts = [`${e.turns} turns`, e.chapters ? `${e.chapters} chapters` : '', e.highlights ? `${e.highlights} highlights` : '', `${e.sources} source${e.sources === 1 ? '' : 's'}`]
      .filter(Boolean)
      .join(', ');
    return `${s.bold(safe(e.id))}  ${episodeLabel(e)}  ${s.dim(`(${counts})`)}`;
  });
  lines.push(s.dim(`${episodes.length} episode${episodes.length === 1 ? '' : 's'}`));
  return lines.join('\n');
}

export function renderFileResult(r: FileResult): string {
  if (!r.ok) return `${s.red('✗')} ${safe(r.path)}: ${safe(r.error ?? 'failed')}`;
  if (r.status === 'unchanged') return `${s.dim('=')} ${safe(r.path)} ${s.dim(`unchanged → ${r.episode}`)}`;
  if (r.status === 'duplicate') return `${s.dim('=')} ${safe(r.path)} ${s.dim(`same content as ${safe(r.duplicateOf ?? '?')} → ${r.episode}`)}`;
  const mark = r.status === 'replaced' ? s.yellow('↻') : s.green('✓');
  const counts = `${r.turns} turns, ${r.chapters} chapters, ${r.highlights} highlights`;
  return `${mark} ${safe(r.path)}  ${s.cyan(r.format ?? '?')} → ${s.bold(r.episode ?? '?')}  ${s.dim(`(${counts})`)}`;
}

export interface ShowParts {
  transcript: boolean;
  /** Show only these parts (after the header). */
  only?: ('chapters' | 'moments' | 'insights' | 'mentions')[];
}

export function renderEpisode(e: Episode, parts: ShowParts = { transcript: true }): string {
  if (parts.only) return renderParts(e, parts.only);
  const out: string[] = [];
  out.push(s.bold(episodeLabel(e)));
  const facts = [
    e.show ? safe(e.show) : '',
    e.guests.length ? `with ${safe(e.guests.join(', '))}` : '',
    e.published ? e.published.slice(0, 10) : '',
    e.duration ? formatClock(e.duration) : '',
    e.language ?? '',
  ].filter(Boolean);
  out.push(s.dim(`${e.id}${facts.length ? ' · ' + facts.join(' · ') : ''}`));
  const link = momentLink(e, 0);
  if (link) out.push(s.dim(link));
  if (e.overview) out.push('', safe(e.overview));

  out.push('', s.bold('Sources'));
  for (const src of e.sources) out.push(`  ${s.cyan(src.format)}  ${safe(src.path)}`);

  if (e.chapters.length) {
    out.push('', s.bold('Chapters'));
    for (const c of e.chapters) out.push(`  ${formatClock(c.start).padStart(8)}  ${safe(c.title)}${c.origin === 'derived' ? s.dim(' (derived)') : ''}`);
  }
  if (e.insights.length) {
    out.push('', s.bold('Key insights'));
    for (const i of e.insights) out.push(`  • ${safe(i.text)}${i.start !== undefined ? s.dim(` (${formatClock(i.start)})`) : ''}`);
  }
  if (e.sections.length) {
    out.push('', s.bold('Summary'));
    for (const sec of e.sections) out.push(`  ${s.bold(safe(sec.title))}`, `  ${safe(sec.text)}`);
  }
  if (e.questions.length) {
    out.push('', s.bold('Questions'));
    for (const q of e.questions) out.push(`  ${q.question ? s.bold(safe(q.question)) + ' ' : ''}${safe(q.answer)}`);
  }
  if (e.mentions.length) {
    out.push('', s.bold(`Mentioned (${e.mentions.length})`));
    for (const m of e.mentions) out.push(`  • ${m.name ? s.bold(safe(m.name)) + (m.description ? ': ' : '') : ''}${safe(m.description ?? '')}`);
  }
  if (e.highlights.length) {
    out.push('', s.bold(`Highlights (${e.highlights.length})`));
    for (const h of e.highlights) {
      const when = h.start !== null ? formatClock(h.start) : '--:--';
      out.push(`  ${s.cyan(when.padStart(8))}  ${s.bold(safe(h.title ?? 'Highlight'))} ${s.dim(`[${safe(h.origin)}]`)}`);
      if (h.summary) out.push(`            ${safe(h.summary)}`);
      if (h.note) out.push(`            ${s.yellow('Note:')} ${safe(h.note)}`);
    }
  }
  if (parts.transcript && e.turns.length) {
    const estimated = e.turns.some((t) => t.timing === 'estimated');
    out.push('', s.bold(`Transcript (${e.turns.length} turns${estimated ? ', ~ = estimated time' : ''})`));
    const chapters = [...e.chapters].sort((a, b) => a.start - b.start);
    let next = 0;
    for (const t of e.turns) {
      while (next < chapters.length && chapters[next]!.start <= t.start) out.push('', s.bold(`  ── ${safe(chapters[next++]!.title)}`));
      const time = `${t.timing === 'estimated' ? '~' : ' '}${formatClock(t.start)}`.padStart(9);
      const who = t.speaker ? s.bold(safe(t.speaker)) + ': ' : '';
      out.push(`${s.cyan(time)}  ${who}${safe(t.text)}`);
      for (const tr of t.translations ?? []) out.push(`${' '.repeat(11)}${s.dim(`[${tr.lang}] ${safe(tr.text)}`)}`);
    }
  }
  return out.join('\n');
}

function renderParts(e: Episode, only: NonNullable<ShowParts['only']>): string {
  const out: string[] = [s.bold(episodeLabel(e))];
  const none = (what: string) => out.push(s.dim(`  no ${what} (podsift enrich derives them)`));
  for (const part of only) {
    if (part === 'chapters') {
      out.push('', s.bold('Chapters'));
      if (!e.chapters.length) none('chapters');
      for (const c of e.chapters) out.push(`  ${formatClock(c.start).padStart(8)}  ${safe(c.title)}${c.origin === 'derived' ? s.dim(' (derived)') : ''}`);
    } else if (part === 'moments') {
      out.push('', s.bold('Key moments'));
      if (!e.moments.length) none('key moments');
      for (const m of e.moments) {
        out.push(`  ${s.cyan(formatClock(m.start).padStart(8))}  ${s.bold(safe(m.title))}`, `            ${safe(m.summary)}`, s.dim(`            “${safe(m.quote)}”`));
        const link = momentLink(e, m.start);
        if (link) out.push(s.dim(`            ${link}`));
      }
    } else if (part === 'insights') {
      out.push('', s.bold('Key insights'));
      if (!e.insights.length) none('insights');
      for (const i of e.insights) out.push(`  • ${safe(i.text)}${i.start !== undefined ? s.dim(` (${formatClock(i.start)})`) : ''}`);
    } else {
      out.push('', s.bold('Mentioned in this episode'));
      if (!e.mentions.length) none('mentions');
      for (const m of e.mentions) {
        const times = m.times?.length ? s.dim(`  ${m.times.map((t) => formatClock(t)).join(', ')}`) : '';
        out.push(`  • ${m.name ? s.bold(safe(m.name)) : ''}${m.kind ? s.dim(` (${m.kind})`) : ''}${m.description ? `${m.name ? ': ' : ''}${safe(m.description)}` : ''}${times}`);
      }
    }
  }
  return out.join('\n');
}
