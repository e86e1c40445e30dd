// An entity page: every episode that mentions a person, book or company, when, and the key moments around it.
import { ApiError, get, qs } from './api.js';
import { h } from './dom.js';
import { clock, episodeTitle, plural, showLine, type EpisodeName } from './format.js';

interface EntityAnswer {
  name: string;
  kind: string | null;
  episodes: { episode: EpisodeName; names: string[]; kind: string | null; times: { start: number; link: string | null }[] }[];
  moments: { episode: EpisodeName; title: string; summary: string; quote: string; start: number; end: number }[];
}

export async function entityView(main: HTMLElement, params: Record<string, string>): Promise<void> {
  const name = params.name ?? '';
  document.title = `${name} · podsift`;
  main.append(h('h1', null, name), h('p', { class: 'loading' }, 'Loading…'));
  let answer: EntityAnswer;
  try {
    answer = await get<EntityAnswer>(`/api/entities/${encodeURIComponent(name)}`);
  } catch (error) {
    main.replaceChildren(h('h1', null, name), h('p', { class: 'empty' }, error instanceof ApiError && error.status === 404 ? 'No episode in the library mentions this yet.' : `Could not load: ${(error as Error).message}`));
    return;
  }
  const at = (id: string, t: number) => `/episodes/${encodeURIComponent(id)}${qs({ t: Math.floor(t) })}`;
  main.replaceChildren(
    h('div', { class: 'page-head' }, h('h1', null, answer.name), h('p', { class: 'muted' }, [answer.kind, `mentioned in ${plural(answer.episodes.length, 'episode')}`].filter(Boolean).join(' · '))),
    h('h2', { class: 'visually-hidden' }, 'Episodes'),
    h(
      'ol',
      { class: 'entity-episodes' },
      answer.episodes.map((e) =>
        h(
          'li',
          { class: 'card' },
          h('div', { class: 'hit-head' }, h('a', { href: `/episodes/${encodeURIComponent(e.episode.id)}` }, episodeTitle(e.episode)), h('span', { class: 'muted small' }, showLine(e.episode))),
          e.names.some((n) => n !== answer.name) ? h('div', { class: 'muted small' }, `as ${e.names.join(', ')}`) : null,
          h('div', { class: 'times' }, e.times.slice(0, 30).map((t) => h('a', { class: 'btn small', href: at(e.episode.id, t.start) }, clock(t.start)))),
        ),
      ),
    ),
    h('h2', { class: 'section-title' }, 'Key moments'),
    answer.moments.length
      ? h(
          'ul',
          { class: 'entity-episodes' },
          answer.moments.map((m) => h('li', { class: 'card' }, h('a', { class: 'item-title', href: at(m.episode.id, m.start) }, m.title), h('div', { class: 'muted small' }, `${episodeTitle(m.episode)} · ${clock(m.start)}`), h('p', { class: 'item-text' }, m.summary))),
        )
      : h('p', { class: 'empty' }, 'No key moments about it yet.'),
  );
}
