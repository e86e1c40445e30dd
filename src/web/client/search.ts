// The search page: results as you type (debounced; an older answer never replaces a newer one), filters, matched
// words marked, and for each result its episode, speaker, time and a link that plays that moment.
import { get, qs, type EpisodeSummary, type SearchAnswer, type SearchHit } from './api.js';
import { debounce, h, isNarrow, marked } from './dom.js';
import { clock, episodeTitle, plural, showLine } from './format.js';
import { setQuery, type Cleanup } from './router.js';

const PAGE = 20;
const FILTERS = ['show', 'episode', 'speaker', 'after', 'before'] as const;

function hitView(hit: SearchHit): HTMLElement {
  const open = `/episodes/${encodeURIComponent(hit.episode)}${qs({ t: Math.floor(hit.start) })}`;
  const when = `${hit.timing === 'estimated' ? '~' : ''}${clock(hit.start)}`;
  return h(
    'li',
    { class: 'hit card' },
    h('div', { class: 'hit-head' }, h('a', { href: open, class: 'hit-title' }, episodeTitle({ id: hit.episode, show: hit.show, number: hit.number, title: hit.title })), h('span', { class: 'muted small' }, showLine({ id: hit.episode, show: hit.show, number: hit.number, title: hit.title }))),
    h('div', { class: 'hit-meta' }, [hit.speaker ? h('span', { class: 'speaker' }, hit.speaker) : null, h('span', { class: 'time' }, when), hit.chapter ? h('span', { class: 'chapter' }, hit.chapter) : null].filter(Boolean).flatMap((el, i) => (i ? [' · ', el] : [el]))),
    h('p', { class: 'snippet' }, ...marked(hit.snippet)),
    h(
      'div',
      { class: 'hit-actions' },
      h('a', { class: 'btn small', href: open }, 'Open transcript here'),
      hit.link ? h('a', { class: 'btn small play-link', href: hit.link, target: '_blank', rel: 'noopener noreferrer' }, `▶ Play at ${when}`) : null,
    ),
  );
}

export function searchView(main: HTMLElement, _params: Record<string, string>, url: URL): Cleanup {
  const input = document.getElementById('q') as HTMLInputElement;
  const state = new URLSearchParams(url.search);
  if (document.activeElement !== input) input.value = state.get('q') ?? '';
  document.title = 'Search · podsift';

  const show = h('select', { name: 'show' }, h('option', { value: '' }, 'All shows'));
  const fields = {
    show,
    episode: h('input', { name: 'episode', type: 'text', placeholder: 'id, #12 or title', autocomplete: 'off' }),
    speaker: h('input', { name: 'speaker', type: 'text', placeholder: 'name', autocomplete: 'off' }),
    after: h('input', { name: 'after', type: 'date' }),
    before: h('input', { name: 'before', type: 'date' }),
  };
  const ads = h('input', { type: 'checkbox', name: 'ads' });
  for (const name of FILTERS) if (name !== 'show') fields[name].value = state.get(name) ?? '';
  ads.checked = state.get('ads') === '1';
  // The show asked for in the address is an option at once, so the first search already uses it.
  const asked = state.get('show');
  if (asked) show.append(h('option', { value: asked }, asked));
  show.value = asked ?? '';
  const listed = get<{ episodes: EpisodeSummary[] }>('/api/episodes');
  const libraryEmpty = listed.then(({ episodes }) => episodes.length === 0).catch(() => false);
  void listed.then(({ episodes }) => {
    const shows = [...new Set(episodes.map((e) => e.show).filter((s): s is string => Boolean(s) && s !== asked))];
    for (const s of shows.sort((a, b) => a.localeCompare(b))) show.append(h('option', { value: s }, s));
  });

  const status = h('p', { class: 'search-status', role: 'status', 'aria-live': 'polite' });
  const results = h('ol', { class: 'results', 'aria-label': 'Results' });
  const more = h('button', { type: 'button', class: 'btn more', hidden: true }, 'More results');
  const nothing = h('div', { class: 'search-empty card', hidden: true });
  const tips = h(
    'div',
    { class: 'tips card' },
    h('h2', null, 'Search every transcript'),
    h('p', null, 'Type a few words you remember. Results come as you type.'),
    h(
      'ul',
      null,
      h('li', null, h('code', null, '"exact phrase"'), ' finds words together'),
      h('li', null, h('code', null, '-word'), ' leaves out passages with a word, ', h('code', null, 'neuro*'), ' matches word beginnings'),
      h('li', null, h('code', null, 'speaker:"Maya Okafor"'), ', ', h('code', null, 'show:"Field Notes"'), ', ', h('code', null, 'episode:#12'), ', ', h('code', null, 'after:2024'), ' filter inside the query'),
    ),
  );

  let controller: AbortController | null = null;
  let offset = 0;
  let seq = 0;

  const params = () => {
    const p: Record<string, string> = { q: input.value.trim() };
    for (const name of FILTERS) p[name] = fields[name].value.trim();
    if (ads.checked) p.ads = '1';
    return p;
  };

  const run = async (append: boolean) => {
    const p = params();
    const next = new URL(location.href);
    next.search = qs(p);
    setQuery(next);
    const hasQuery = p.q || FILTERS.some((f) => p[f]);
    if (!hasQuery) {
      controller?.abort();
      results.replaceChildren();
      status.textContent = '';
      more.hidden = true;
      tips.hidden = false;
      nothing.hidden = true;
      return;
    }
    tips.hidden = true;
    nothing.hidden = true;
    if (!append) offset = 0;
    controller?.abort();
    controller = new AbortController();
    const mine = ++seq;
    status.textContent = 'Searching…';
    try {
      const answer = await get<SearchAnswer>(`/api/search${qs({ ...p, limit: PAGE, offset })}`, controller.signal);
      if (mine !== seq) return;
      const items = answer.hits.map(hitView);
      if (append) results.append(...items);
      else results.replaceChildren(...items);
      const shown = offset + answer.hits.length;
      const warn = answer.warnings.length ? ` (${answer.warnings.join('; ')})` : '';
      status.textContent = shown === 0 ? `No passages found${warn}.` : `${plural(shown, 'passage')}${answer.more ? ' so far' : ''}${warn}`;
      if (shown === 0) {
        const empty = await libraryEmpty;
        if (mine === seq) showNothing(p, empty);
      }
      more.hidden = !answer.more;
      offset = shown;
    } catch (error) {
      if ((error as Error).name === 'AbortError' || mine !== seq) return;
      status.textContent = `Search failed: ${(error as Error).message}`;
    }
  };

  /** What to try when nothing matched. */
  const showNothing = (p: Record<string, string>, libraryEmpty: boolean) => {
    const filtered = FILTERS.some((f) => p[f]) || ads.checked;
    nothing.hidden = false;
    if (libraryEmpty) {
      nothing.replaceChildren(h('p', null, 'The library is empty: add transcripts on the ', h('a', { href: '/' }, 'library page'), ' first.'));
      return;
    }
    nothing.replaceChildren(
      h('p', null, 'Nothing in the library matches ', h('strong', null, p.q ? `“${p.q}”` : 'these filters'), '.'),
      h(
        'ul',
        null,
        p.q ? h('li', null, 'Try fewer words, or other words for the same thing.') : null,
        filtered ? h('li', null, 'Loosen or ', h('button', { type: 'button', class: 'btn small', onclick: clearFilters }, 'clear the filters'), '.') : null,
        h('li', null, 'Transcripts not in the library yet can be added on the ', h('a', { href: '/' }, 'library page'), '.'),
      ),
    );
  };
  const clearFilters = () => {
    for (const name of FILTERS) fields[name].value = '';
    ads.checked = false;
    void run(false);
  };

  const typed = debounce(() => void run(false), 200);
  const onSubmit = (e: Event) => {
    e.preventDefault();
    typed.cancel();
    void run(false);
  };
  const form = input.form!;
  input.addEventListener('input', typed);
  form.addEventListener('submit', onSubmit);
  more.addEventListener('click', () => void run(true));
  for (const name of FILTERS) fields[name].addEventListener(name === 'show' || name === 'after' || name === 'before' ? 'change' : 'input', typed);
  ads.addEventListener('change', typed);

  const filterForm = h(
    'form',
    { class: 'search-filters', 'aria-label': 'Filters', onsubmit: onSubmit },
    h('label', { class: 'field' }, 'Show', fields.show),
    h('label', { class: 'field' }, 'Episode', fields.episode),
    h('label', { class: 'field' }, 'Speaker', fields.speaker),
    h('label', { class: 'field' }, 'After', fields.after),
    h('label', { class: 'field' }, 'Before', fields.before),
    h('label', { class: 'check' }, ads, 'Include sponsor reads'),
  );
  // On a phone the six filters would fill the screen before the first result: they fold away unless one is set.
  const filtersSet = FILTERS.some((name) => state.get(name)) || ads.checked;
  main.append(
    h('h1', { class: 'visually-hidden' }, 'Search'),
    isNarrow() ? h('details', { class: 'filters-box', open: filtersSet }, h('summary', null, 'Filters'), filterForm) : filterForm,
    status,
    tips,
    nothing,
    results,
    more,
  );
  void run(false);
  if (document.activeElement !== input) input.focus();
  return () => {
    typed.cancel();
    controller?.abort();
    input.removeEventListener('input', typed);
    form.removeEventListener('submit', onSubmit);
  };
}
