// The episode page: chapters beside the transcript, the player above it, and what is known about the episode
// (key moments, insights, mentions, highlights, summary) beside that.
import { ApiError, get, send, qs, type PagedEpisode, type UserHighlight } from './api.js';
import { h, isNarrow, type Child } from './dom.js';
import { clock, day, duration, episodeTitle, plural, showLine } from './format.js';
import { highlightDialog, type HighlightDraft } from './highlight-dialog.js';
import { createPlayer } from './player.js';
import type { Cleanup } from './router.js';
import { Transcript } from './transcript.js';

const PAGE_TURNS = 100;

export const EXPORTS: [string, string][] = [
  ['markdown', 'Markdown'],
  ['obsidian', 'Obsidian page'],
  ['logseq', 'Logseq page'],
  ['readwise', 'Readwise CSV (highlights)'],
  ['json', 'JSON'],
  ['srt', 'Subtitles (SRT)'],
  ['vtt', 'Subtitles (WebVTT)'],
];

function panel(title: string, count: number | null, body: Child, open: boolean, id: string): HTMLDetailsElement | null {
  // On a phone the panels stand before the transcript: empty ones would only push it down.
  if (count === 0 && isNarrow() && id !== 'panel-mine') return null;
  // An empty panel stays closed (its count says 0; opening it says why), so the ones with something in them show.
  const shown = open && (count !== 0 || id === 'panel-mine');
  return h('details', { class: 'panel card', open: shown, id }, h('summary', null, title, count !== null ? h('span', { class: 'count' }, String(count)) : null), body);
}

function emptyNote(text: string): HTMLElement {
  return h('p', { class: 'empty' }, text);
}

export async function episodeView(main: HTMLElement, params: Record<string, string>, url: URL): Promise<Cleanup | void> {
  const id = params.id ?? '';
  const t0 = Number(url.searchParams.get('t'));
  const startAt = Number.isFinite(t0) && t0 > 0 ? t0 : 0;
  main.append(h('p', { class: 'loading' }, 'Loading episode…'));
  let episode: PagedEpisode;
  let mine: UserHighlight[];
  try {
    [episode, mine] = await Promise.all([
      get<PagedEpisode>(`/api/episodes/${encodeURIComponent(id)}${qs({ turnLimit: PAGE_TURNS })}`),
      get<{ highlights: UserHighlight[] }>(`/api/highlights${qs({ episode: id })}`).then((r) => r.highlights),
    ]);
  } catch (error) {
    main.replaceChildren(h('h1', null, error instanceof ApiError && error.status === 404 ? 'Episode not found' : 'Could not load the episode'), h('p', { class: 'error' }, error instanceof Error ? error.message : String(error)), h('p', null, h('a', { href: '/' }, 'Back to the library')));
    return;
  }
  document.title = `${episodeTitle(episode)} · podsift`;
  const open = !isNarrow();

  // Player and transcript.
  const player = createPlayer(episode, startAt);
  const chapterButtons: HTMLButtonElement[] = [];
  const markChapter = (index: number) => chapterButtons.forEach((b, i) => b.setAttribute('aria-current', String(i === index)));
  const markChapterAt = (seconds: number) => {
    let index = -1;
    episode.chapters.forEach((c, i) => {
      if (c.start <= seconds + 0.5) index = i;
    });
    markChapter(index);
  };
  const remember = (seconds: number) => {
    const next = new URL(location.href);
    next.searchParams.set('t', String(Math.floor(seconds)));
    history.replaceState(null, '', next);
  };
  const play = (seconds: number) => {
    player.seek(seconds);
    remember(seconds);
    markChapterAt(seconds);
  };
  const transcript = new Transcript({
    episodeId: episode.id,
    page: episode.turnPage,
    first: episode.turns,
    chapters: episode.chapters,
    ads: episode.ads,
    onSeek: play,
    onHighlight: (selected) => void createHighlight(selected),
    onChapterVisible: markChapter,
    stickyOffset: () => (document.querySelector<HTMLElement>('.topbar')?.offsetHeight ?? 0) + (document.querySelector<HTMLElement>('.player:not(.none)')?.offsetHeight ?? 0),
  });
  player.onTime((t) => transcript.setTime(t));
  transcript.setMarks(mine);
  const goTo = (seconds: number, chapter?: number) => {
    void transcript.jumpTo(seconds, { flash: true, chapter });
    play(seconds);
  };
  const timeButton = (seconds: number, label?: string) => h('button', { type: 'button', class: 'btn small', onclick: () => goTo(seconds), 'aria-label': `Play from ${clock(seconds)}` }, `▶ ${label ?? clock(seconds)}`);

  // Chapters.
  const chapterNav = h(
    'nav',
    { class: 'ep-chapters card', 'aria-label': 'Chapters' },
    h(
      'details',
      { open, class: 'chapters-details' },
      h('summary', null, h('strong', null, 'Chapters'), episode.chapters.length ? h('span', { class: 'count muted small' }, ` ${episode.chapters.length}`) : null),
      episode.chapters.length
        ? h(
            'ol',
            { class: 'chapter-list' },
            episode.chapters.map((c, i) => {
              const b = h('button', { type: 'button', onclick: () => goTo(c.start, i), 'aria-current': 'false' }, h('span', { class: 't' }, clock(c.start)), h('span', null, c.title));
              chapterButtons.push(b);
              return h('li', null, b);
            }),
          )
        : emptyNote('No chapters yet.'),
    ),
  );
  // On a phone an empty chapters box would only push the transcript down.
  const chapters = episode.chapters.length || !isNarrow() ? chapterNav : null;

  // Side panels.
  const minePanelBody = h('div');
  const renderMine = () => {
    minePanelBody.replaceChildren(
      mine.length
        ? h(
            'ul',
            null,
            [...mine]
              .sort((a, b) => (a.start ?? 0) - (b.start ?? 0))
              .map((hl) =>
                h(
                  'li',
                  { class: 'user-highlight', dataset: { id: String(hl.id) } },
                  hl.title ? h('div', { class: 'item-title' }, hl.title) : null,
                  h('blockquote', { class: 'quote' }, hl.text),
                  hl.note ? h('p', { class: 'item-text note' }, hl.note) : null,
                  hl.tags.length ? h('div', { class: 'tags' }, hl.tags.map((t) => h('span', { class: 'tag' }, t))) : null,
                  h(
                    'div',
                    { class: 'row-actions' },
                    hl.start !== null ? timeButton(hl.start) : null,
                    h('button', { type: 'button', class: 'btn small', onclick: () => void editHighlight(hl) }, 'Edit'),
                    h('button', { type: 'button', class: 'btn small danger', onclick: () => void deleteHighlight(hl) }, 'Delete'),
                  ),
                ),
              ),
          )
        : emptyNote('Select words in the transcript (or focus a timestamp and press H) to save a highlight.'),
    );
    minePanel.querySelector('.count')!.textContent = String(mine.length);
    transcript.setMarks(mine);
  };
  const minePanel = panel('Your highlights', mine.length, minePanelBody, open || mine.length > 0, 'panel-mine')!;
  renderMine();

  const createHighlight = async (draft: HighlightDraft) => {
    const values = await highlightDialog(draft, 'Save highlight');
    if (!values) return;
    try {
      const created = await send<UserHighlight>('POST', '/api/highlights', { episodeId: episode.id, start: draft.start, end: draft.end, text: draft.text, ...values });
      mine.push(created);
      renderMine();
      document.getSelection()?.removeAllRanges();
    } catch (error) {
      alert(`Could not save the highlight: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const editHighlight = async (hl: UserHighlight) => {
    const values = await highlightDialog(hl, 'Edit highlight');
    if (!values) return;
    try {
      const updated = await send<UserHighlight>('PATCH', `/api/highlights/${hl.id}`, values);
      mine = mine.map((m) => (m.id === hl.id ? updated : m));
      renderMine();
    } catch (error) {
      alert(`Could not save the highlight: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const deleteHighlight = async (hl: UserHighlight) => {
    if (!confirm('Delete this highlight?')) return;
    try {
      await send('DELETE', `/api/highlights/${hl.id}`);
      mine = mine.filter((m) => m.id !== hl.id);
      renderMine();
    } catch (error) {
      alert(`Could not delete the highlight: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const imported = episode.highlights.filter((hl) => hl.origin !== 'user');
  const side = h(
    'aside',
    { class: 'ep-side', 'aria-label': 'About this episode' },
    episode.overview || episode.description ? panel('Overview', null, [episode.overview ? h('p', { class: 'item-text' }, episode.overview) : null, episode.description ? h('p', { class: 'item-text muted' }, episode.description) : null], open, 'panel-overview') : null,
    panel(
      'Key moments',
      episode.moments.length,
      episode.moments.length
        ? h(
            'ol',
            null,
            episode.moments.map((m) =>
              h('li', null, h('div', { class: 'item-title' }, m.title), h('p', { class: 'item-text' }, m.summary), m.quote ? h('blockquote', { class: 'quote' }, m.quote) : null, h('div', { class: 'row-actions' }, timeButton(m.start))),
            ),
          )
        : emptyNote('No key moments yet: they appear when the episode is enriched.'),
      open,
      'panel-moments',
    ),
    panel(
      'Key insights',
      episode.insights.length,
      episode.insights.length ? h('ul', null, episode.insights.map((i) => h('li', null, h('p', { class: 'item-text' }, i.text), i.start !== undefined ? timeButton(i.start) : null))) : emptyNote('No key insights yet.'),
      open,
      'panel-insights',
    ),
    panel(
      'Mentioned',
      episode.mentions.length,
      episode.mentions.length
        ? h(
            'ul',
            null,
            episode.mentions.map((m) =>
              h(
                'li',
                null,
                m.name ? h('a', { class: 'item-title', href: `/entities/${encodeURIComponent(m.name)}` }, m.name) : null,
                m.kind ? h('span', { class: 'badge' }, m.kind) : null,
                m.description ? h('p', { class: 'item-text' }, m.description) : null,
                m.times?.length ? h('div', { class: 'times' }, m.times.slice(0, 8).map((t) => timeButton(t))) : null,
              ),
            ),
          )
        : emptyNote('No people, books or companies found yet.'),
      open,
      'panel-mentions',
    ),
    minePanel,
    panel(
      'Imported highlights',
      imported.length,
      imported.length
        ? h(
            'ul',
            null,
            imported.map((hl) =>
              h(
                'li',
                { class: 'imported-highlight' },
                hl.title ? h('div', { class: 'item-title' }, hl.title) : null,
                hl.summary ? h('p', { class: 'item-text' }, hl.summary) : null,
                h('blockquote', { class: 'quote' }, hl.text),
                hl.note ? h('p', { class: 'item-text' }, hl.note) : null,
                h('div', { class: 'row-actions' }, hl.start !== null ? timeButton(hl.start) : null, h('span', { class: 'badge' }, hl.origin)),
              ),
            ),
          )
        : emptyNote('No highlights imported from other apps.'),
      open && imported.length > 0,
      'panel-imported',
    ),
    episode.sections.length || episode.questions.length
      ? panel(
          'Summary',
          episode.sections.length,
          [
            ...episode.sections.map((s) => h('section', null, h('h3', null, s.title), h('p', { class: 'item-text' }, s.text))),
            episode.questions.length ? h('h3', null, 'Questions') : null,
            episode.questions.length ? h('ul', null, episode.questions.map((q) => h('li', null, q.question ? h('div', { class: 'item-title' }, q.question) : null, h('p', { class: 'item-text' }, q.answer)))) : null,
          ],
          false,
          'panel-summary',
        )
      : null,
    episode.corrections.length
      ? panel('Likely mishearings', episode.corrections.length, h('ul', null, episode.corrections.map((c) => h('li', null, h('span', null, `“${c.heard}” → “${c.meant}”`), h('div', { class: 'times' }, c.times.slice(0, 6).map((t) => timeButton(t)))))), false, 'panel-corrections')
      : null,
    panel('Sources', episode.sources.length, h('ul', null, episode.sources.map((s) => h('li', { class: 'small' }, h('span', { class: 'badge' }, s.format), ' ', h('span', { class: 'muted' }, s.path)))), false, 'panel-sources'),
  );

  // Head.
  const facts = [showLine(episode), day(episode.published), duration(episode.duration), plural(episode.turnPage.total, 'turn')].filter(Boolean).join(' · ');
  const head = h(
    'header',
    { class: 'ep-head' },
    h('div', { class: 'kicker' }, facts),
    h('h1', null, episodeTitle(episode)),
    episode.guests.length ? h('div', { class: 'muted' }, `with ${episode.guests.join(', ')}`) : null,
    h(
      'div',
      { class: 'ep-actions' },
      h(
        'details',
        { class: 'menu' },
        h('summary', { class: 'btn' }, 'Export ▾'),
        h('ul', { class: 'menu-list card' }, EXPORTS.map(([format, label]) => h('li', null, h('a', { href: `/api/episodes/${encodeURIComponent(episode.id)}/export/${format}`, download: true, dataset: { format } }, label)))),
      ),
      h('a', { class: 'btn', href: `/search${qs({ q: '', episode: episode.id })}` }, 'Search this episode'),
    ),
  );

  const follow = h('input', { type: 'checkbox', checked: true, onchange: () => (transcript.follow = follow.checked) });
  const tools = h('div', { class: 'transcript-tools' }, h('label', { class: 'check' }, follow, 'Follow playback'), h('span', null, 'Select words, or focus a timestamp and press H, to save a highlight.'));
  const mainColumn = h('section', { class: 'ep-main', 'aria-label': 'Player and transcript' }, h('div', { class: `player ${player.kind}` }, player.element), tools, transcript.element);

  main.replaceChildren(h('article', { class: 'episode', dataset: { id: episode.id } }, head, h('div', { class: 'ep-grid' }, chapters, mainColumn, side)));
  performance.mark('podsift:episode-rendered');
  if (startAt > 0) {
    void transcript.jumpTo(startAt, { flash: true }).then(() => transcript.setTime(startAt));
    markChapterAt(startAt);
  }

  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') for (const m of document.querySelectorAll<HTMLDetailsElement>('details.menu[open]')) m.open = false;
  };
  document.addEventListener('keydown', onKey);
  return () => {
    transcript.destroy();
    player.destroy();
    document.removeEventListener('keydown', onKey);
  };
}
