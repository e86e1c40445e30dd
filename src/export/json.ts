// The episode JSON contract (README "JSON shapes"): other tools and the web app rely on it. Extend, never rename.
import type { Episode, Turn } from '../model/episode.js';
import { momentLink } from '../model/links.js';

function turnJson(t: Turn) {
  return {
    speaker: t.speaker,
    start: t.start,
    end: t.end,
    timing: t.timing,
    text: t.text,
    translations: (t.translations ?? []).map((tr) => ({ lang: tr.lang, text: tr.text })),
    ...(t.markers?.length ? { markers: t.markers } : {}),
    ...(t.attributed ? { attributed: true } : {}),
  };
}

export function episodeJson(e: Episode) {
  return {
    id: e.id,
    show: e.show,
    number: e.number,
    title: e.title,
    guests: e.guests,
    published: e.published,
    youtubeId: e.youtubeId,
    mediaUrl: e.mediaUrl,
    duration: e.duration,
    language: e.language,
    sources: e.sources.map((s) => ({ path: s.path, format: s.format })),
    chapters: e.chapters.map((c) => ({ title: c.title, start: c.start, origin: c.origin })),
    turns: e.turns.map(turnJson),
    highlights: e.highlights.map((h) => ({
      start: h.start,
      end: h.end,
      title: h.title ?? null,
      summary: h.summary ?? null,
      text: h.text,
      note: h.note ?? null,
      origin: h.origin,
      ...(h.excerpt ? { excerpt: h.excerpt } : {}),
      ...(h.url ? { url: h.url } : {}),
      ...(h.tags?.length ? { tags: h.tags } : {}),
    })),
    insights: e.insights.map((i) => (i.start === undefined ? { text: i.text } : { text: i.text, start: i.start })),
    sections: e.sections.map((s) => ({ title: s.title, text: s.text })),
    mentions: e.mentions.map((m) => ({
      name: m.name,
      ...(m.kind ? { kind: m.kind } : {}),
      ...(m.description ? { description: m.description } : {}),
      ...(m.times ? { times: m.times } : {}),
    })),
    transcripts: e.transcripts.map((t) => ({ source: t.source, turns: t.turns.map(turnJson) })),
    // Extensions beyond the first contract.
    sourceUrls: e.sourceUrls,
    description: e.description,
    speakers: e.speakers,
    overview: e.overview,
    questions: e.questions,
    moments: e.moments.map((m) => ({ title: m.title, summary: m.summary, quote: m.quote, start: m.start, end: m.end, link: momentLink(e, m.start), ...(m.speaker !== undefined ? { speaker: m.speaker } : {}) })),
    ads: e.ads.map((a) => ({ start: a.start, end: a.end, ...(a.sponsor ? { sponsor: a.sponsor } : {}) })),
    corrections: e.corrections,
    enrichment: e.enrichment,
  };
}

export type EpisodeJson = ReturnType<typeof episodeJson>;
