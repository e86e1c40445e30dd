// The highlights page: every highlight the user saved, filtered by text, tag or episode; edit, delete, export.
import { get, qs, send, type UserHighlight } from './api.js';
import { debounce, h } from './dom.js';
import { clock, day, episodeTitle, plural, showLine } from './format.js';
import { highlightDialog } from './highlight-dialog.js';
import { setQuery, type Cleanup } from './router.js';

const EXPORTS: [string, string][] = [
  ['markdown', 'Markdown'],
  ['obsidian', 'Obsidian (ZIP)'],
  ['logseq', 'Logseq (ZIP)'],
  ['readwise', 'Readwise CSV'],
  ['json', 'JSON'],
];

export async function highlightsView(main: HTMLElement, _params: Record<string, string>, url: URL): Promise<Cleanup> {
  document.title = 'Highlights · podsift';
  const text = h('input', { type: 'search', name: 'q', placeholder: 'Words in the text or note', autocomplete: 'off', value: url.searchParams.get('q') ?? '' });
  const tag = h('select', { name: 'tag' }, h('option', { value: '' }, 'All tags'));
  const episode = h('select', { name: 'episode' }, h('option', { value: '' }, 'All episodes'));
  const status = h('p', { class: 'muted', role: 'status' });
  const list = h('ol', { class: 'hl-list', 'aria-label': 'Highlights' });
  const exports = h('div', { class: 'exports', 'aria-label': 'Export' });
  let filled = false;

  const filters = () => ({ q: text.value.trim(), tag: tag.value, episode: episode.value });

  const card = (hl: UserHighlight): HTMLElement => {
    const open = `/episodes/${encodeURIComponent(hl.episodeId)}${hl.start !== null ? qs({ t: Math.floor(hl.start) }) : ''}`;
    return h(
      'li',
      { class: 'hl-card card', dataset: { id: String(hl.id) } },
      h('div', { class: 'hit-head' }, h('a', { href: open }, episodeTitle(hl.episode)), h('span', { class: 'muted small' }, [showLine(hl.episode), hl.start !== null ? clock(hl.start) : '', day(hl.createdAt)].filter(Boolean).join(' · '))),
      hl.title ? h('div', { class: 'item-title' }, hl.title) : null,
      h('blockquote', { class: 'quote' }, hl.text),
      hl.note ? h('p', { class: 'item-text note' }, hl.note) : null,
      hl.tags.length ? h('div', { class: 'tags' }, hl.tags.map((t) => h('span', { class: 'tag' }, t))) : null,
      h(
        'div',
        { class: 'row-actions' },
        hl.link ? h('a', { class: 'btn small', href: hl.link, target: '_blank', rel: 'noopener noreferrer' }, `▶ Play${hl.start !== null ? ` at ${clock(hl.start)}` : ''}`) : null,
        h('button', { type: 'button', class: 'btn small', onclick: () => void edit(hl) }, 'Edit'),
        h('button', { type: 'button', class: 'btn small danger', onclick: () => void remove(hl) }, 'Delete'),
      ),
    );
  };

  const load = async () => {
    const f = filters();
    const next = new URL(location.href);
    next.search = qs(f);
    setQuery(next);
    exports.replaceChildren(h('span', { class: 'muted small' }, 'Export:'), ...EXPORTS.map(([format, label]) => h('a', { class: 'btn small', href: `/api/highlights/export/${format}${qs(f)}`, download: true, dataset: { format } }, label)));
    try {
      const answer = await get<{ total: number; tags: string[]; highlights: UserHighlight[] }>(`/api/highlights${qs(f)}`);
      if (!filled) {
        filled = true;
        for (const t of answer.tags) tag.append(h('option', { value: t }, t));
        tag.value = url.searchParams.get('tag') ?? '';
        const all = answer.highlights.length && !f.q && !f.tag && !f.episode ? answer.highlights : (await get<{ highlights: UserHighlight[] }>('/api/highlights')).highlights;
        const episodes = new Map(all.map((hl) => [hl.episodeId, hl.episode]));
        for (const [id, e] of episodes) episode.append(h('option', { value: id }, episodeTitle(e)));
        episode.value = url.searchParams.get('episode') ?? '';
        if (tag.value !== f.tag || episode.value !== f.episode) return load();
      }
      status.textContent = answer.total ? plural(answer.total, 'highlight') : f.q || f.tag || f.episode ? 'No highlight matches.' : '';
      // Nothing to export: no buttons that would download empty files.
      exports.hidden = !answer.total;
      list.replaceChildren(...answer.highlights.map(card));
      if (!answer.total && !(f.q || f.tag || f.episode)) list.replaceChildren(h('li', { class: 'empty' }, 'No highlights yet. Open an episode, select words in its transcript and save them.'));
    } catch (error) {
      status.textContent = `Could not load highlights: ${error instanceof Error ? error.message : String(error)}`;
    }
  };

  const edit = async (hl: UserHighlight) => {
    const values = await highlightDialog(hl, 'Edit highlight');
    if (!values) return;
    try {
      await send('PATCH', `/api/highlights/${hl.id}`, values);
    } catch (error) {
      alert(`Could not save: ${error instanceof Error ? error.message : String(error)}`);
    }
    await load();
  };
  const remove = async (hl: UserHighlight) => {
    if (!confirm('Delete this highlight?')) return;
    try {
      await send('DELETE', `/api/highlights/${hl.id}`);
    } catch (error) {
      alert(`Could not delete: ${error instanceof Error ? error.message : String(error)}`);
    }
    await load();
  };

  const typed = debounce(() => void load(), 200);
  text.addEventListener('input', typed);
  tag.addEventListener('change', () => void load());
  episode.addEventListener('change', () => void load());
  main.append(
    h('div', { class: 'page-head' }, h('h1', null, 'Highlights'), status),
    h('form', { class: 'hl-filters', onsubmit: (e: Event) => e.preventDefault(), 'aria-label': 'Filters' }, h('label', { class: 'field' }, 'Text', text), h('label', { class: 'field' }, 'Tag', tag), h('label', { class: 'field' }, 'Episode', episode)),
    exports,
    list,
  );
  await load();
  return () => typed.cancel();
}
