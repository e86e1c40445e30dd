import type { Episode } from '../model/episode.js';

function clock(seconds: number, separator: '.' | ','): string {
  const ms = Math.max(0, Math.round(seconds * 1000));
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}${separator}${pad(ms % 1000, 3)}`;
}

function escapeVtt(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The episode's best transcript as WebVTT, speakers as voice spans. */
export function toWebVtt(episode: Episode): string {
  const lines = ['WEBVTT', ''];
  if (episode.turns.some((t) => t.timing === 'estimated')) {
    lines.push('NOTE', 'Some times are estimated from speech rate, not taken from the source.', '');
  }
  for (const turn of episode.turns) {
    if (!turn.text.trim()) continue;
    const end = Math.max(turn.end, turn.start + 0.001);
    lines.push(`${clock(turn.start, '.')} --> ${clock(end, '.')}`);
    const speaker = turn.speaker ? `<v ${escapeVtt(turn.speaker.replace(/[>\n]/g, ' '))}>` : '';
    // "-->" may not appear in a cue payload.
    lines.push(speaker + escapeVtt(turn.text.replace(/-->/g, '->')), '');
  }
  return lines.join('\n');
}

/** The episode's best transcript as SubRip, speakers as "Name: " prefixes. */
export function toSrt(episode: Episode): string {
  const out: string[] = [];
  let index = 1;
  for (const turn of episode.turns) {
    if (!turn.text.trim()) continue;
    const end = Math.max(turn.end, turn.start + 0.001);
    out.push(String(index++), `${clock(turn.start, ',')} --> ${clock(end, ',')}`, `${turn.speaker ? `${turn.speaker}: ` : ''}${turn.text}`, '');
  }
  return out.join('\n');
}
