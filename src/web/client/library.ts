// The library page: every episode by show, a filter, and the upload area.
import { get, type EpisodeSummary } from './api.js';
import { h } from './dom.js';
import { day, duration, episodeTitle, plural } from './format.js';
import type { Cleanup } from './router.js';
import { uploadArea } from './upload.js';

function card(e: EpisodeSummary): HTMLElement {
  const meta = [e.number !== null ? `#${e.number}` : '', e.guests.length ? e.guests.join(', ') : '', day(e.published), duration(e.duration)].filter(Boolean).join(' · ');
  return h(
    'li',
    { class: 'episode-card card', dataset: { id: e.id } },
    h('a', { class: 'title', href: `/episodes/${encodeURIComponent(e.id)}` }, episodeTitle(e)),
    meta ? h('div', { class: 'meta' }, meta) : null,
    h(
      'div',
      { class: 'badges' },
      // An episode known only from highlights or a summary page has no transcript yet.
      h('span', { class: 'badge' }, e.turns ? plural(e.turns, 'turn') : 'no transcript'),
      e.chapters ? h('span', { class: 'badge' }, plural(e.chapters, 'chapter')) : null,
      e.highlights ? h('span', { class: 'badge' }, plural(e.highlights, 'highlight')) : null,
      e.sources > 1 ? h('span', { class: 'badge' }, plural(e.sources, 'source')) : null,
    ),
  );
}

function groups(episodes: EpisodeSummary[]): HTMLElement[] {
  const byShow = new Map<string, EpisodeSummary[]>();
  for (const e of episodes) {
    const key = e.show ?? '';
    byShow.set(key, [...(byShow.get(key) ?? []), e]);
  }
  return [...byShow.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)))
    .map(([show, list]) =>
      h(
        'section',
        { class: `show-group size-${Math.min(list.length, 3)}` },
        h('h2', null, show || 'Other episodes', h('span', { class: 'muted small' }, ` · ${list.length}`)),
        h('ul', { class: 'episode-list' }, list.sort((a, b) => (b.number ?? -1) - (a.number ?? -1) || episodeTitle(a).localeCompare(episodeTitle(b))).map(card)),
      ),
    );
}

export async function libraryView(main: HTMLElement): Promise<Cleanup> {
  document.title = 'Library · podsift';
  const count = h('p', { class: 'muted' });
  const filter = h('input', { type: 'search', placeholder: 'Title, show, guest…', autocomplete: 'off' });
  const list = h('div', { class: 'library-list' }, h('p', { class: 'loading' }, 'Loading…'));
  const tools = h('div', { class: 'library-tools' }, h('label', { class: 'field' }, 'Filter episodes', filter));
  let episodes: EpisodeSummary[] = [];
  const show = () => {
    const needle = filter.value.trim().toLowerCase();
    const shown = needle ? episodes.filter((e) => `${e.title ?? ''} ${e.show ?? ''} ${e.guests.join(' ')} ${e.id}`.toLowerCase().includes(needle)) : episodes;
    count.textContent = `${plural(episodes.length, 'episode')}${needle ? `, ${shown.length} shown` : ''}`;
    tools.hidden = episodes.length === 0;
    list.replaceChildren(
      ...(shown.length
        ? groups(shown)
        : episodes.length
          ? [h('p', { class: 'empty' }, 'No episode matches.')]
          : [h('p', { class: 'empty' }, 'The library is empty. Drop transcript files above, or run ', h('code', null, 'podsift add <files>'), ' in a terminal.')]),
    );
  };
  const refresh = async () => {
    try {
      episodes = (await get<{ episodes: EpisodeSummary[] }>('/api/episodes')).episodes;
      show();
    } catch (error) {
      list.replaceChildren(h('p', { class: 'error' }, `Could not load the library: ${error instanceof Error ? error.message : String(error)}`));
    }
  };
  filter.addEventListener('input', show);
  const upload = uploadArea(() => void refresh());
  main.append(
    h('div', { class: 'page-head' }, h('h1', null, 'Library'), count),
    upload.element,
    tools,
    list,
  );
  await refresh();
  return () => upload.destroy();
}
