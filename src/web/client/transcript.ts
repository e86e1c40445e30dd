// The transcript of an episode, any length: pages of turns are fetched and rendered as they come near the screen
// (placeholders sized from the amount of text hold their place), so a 3-hour episode opens as fast as a short one.
// Turns run together into paragraphs per speaker; each paragraph has a timestamp that plays from there.
import { get, qs, type Turn, type TurnPage } from './api.js';
import { h } from './dom.js';
import { clock } from './format.js';

export interface Selected {
  text: string;
  start: number;
  end: number;
}

export interface TranscriptOptions {
  episodeId: string;
  page: TurnPage;
  first: Turn[];
  chapters: { title: string; start: number }[];
  ads: { start: number; end: number; sponsor?: string }[];
  /** A timestamp was clicked. */
  onSeek(seconds: number): void;
  /** The user asked to keep this passage (selection + button, or H on a timestamp). */
  onHighlight(selected: Selected): void;
  /** Height of what stays on top of the page (header, player): a passage scrolled to goes just below it. */
  stickyOffset(): number;
  /** Chapter headings scrolled into view. */
  onChapterVisible?(index: number): void;
}

/** A paragraph runs at most this long before a new timestamp starts. */
const BLOCK_SECONDS = 60;

export class Transcript {
  readonly element: HTMLElement;
  follow = true;
  private readonly pages: HTMLElement[] = [];
  private readonly loaded = new Map<number, Turn[]>();
  private readonly loading = new Map<number, Promise<void>>();
  private readonly segs = new Map<number, HTMLElement>();
  private readonly headings = new Map<number, number>();
  private readonly observer: IntersectionObserver;
  private readonly chapterObserver: IntersectionObserver;
  private readonly fab: HTMLButtonElement;
  private current = -1;
  private marks: { start: number; end: number }[] = [];
  private readonly onSelection = () => this.showFab();

  constructor(private readonly options: TranscriptOptions) {
    const { page } = options;
    this.element = h('div', { class: 'transcript card', role: 'region', 'aria-label': 'Transcript', tabindex: '-1' });
    options.page.chapterTurns.forEach((turn, chapter) => {
      if (!this.headings.has(turn)) this.headings.set(turn, chapter);
    });
    this.observer = new IntersectionObserver((entries) => this.onVisible(entries), { rootMargin: '1500px 0px' });
    this.chapterObserver = new IntersectionObserver(
      (entries) => {
        for (const e of entries) if (e.isIntersecting) options.onChapterVisible?.(Number((e.target as HTMLElement).dataset.chapter));
      },
      { rootMargin: '-40% 0px -50% 0px' },
    );
    if (page.total === 0) {
      this.element.append(h('p', { class: 'empty' }, 'This episode has no transcript.'));
    }
    page.pages.forEach((p, i) => {
      const el = h('div', { class: 'tpage placeholder', dataset: { page: String(i) }, 'aria-busy': 'true' });
      el.style.minHeight = `${this.estimate(p.chars, Math.min(page.limit, page.total - p.offset))}px`;
      this.pages.push(el);
      this.element.append(el);
    });
    const firstPage = Math.floor(page.offset / page.limit);
    this.fill(firstPage, options.first);
    for (const el of this.pages) if (el.classList.contains('placeholder')) this.observer.observe(el);
    this.fab = h('button', { type: 'button', class: 'btn primary small highlight-fab', hidden: true, onmousedown: (e: MouseEvent) => e.preventDefault(), onclick: () => this.highlightSelection() }, '✎ Highlight');
    document.body.append(this.fab);
    this.element.addEventListener('mouseup', this.onSelection);
    this.element.addEventListener('keyup', this.onSelection);
    document.addEventListener('selectionchange', this.hideFabIfEmpty);
    this.element.addEventListener('click', (e) => {
      const button = (e.target as Element).closest<HTMLElement>('button.ts');
      if (button) this.options.onSeek(Number(button.dataset.t));
    });
    this.element.addEventListener('keydown', (e) => {
      const button = (e.target as Element).closest<HTMLElement>('button.ts');
      if (button && (e.key === 'h' || e.key === 'H') && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        const block = button.closest('.block');
        const segs = [...(block?.querySelectorAll<HTMLElement>('.seg') ?? [])];
        if (segs.length) this.options.onHighlight({ text: segs.map((s) => s.textContent ?? '').join(' ').replace(/\s+/g, ' ').trim(), start: Number(segs[0]!.dataset.s), end: Number(segs[segs.length - 1]!.dataset.e) });
      }
    });
  }

  private estimate(chars: number, turns: number): number {
    const width = Math.max(240, (this.element.clientWidth || document.documentElement.clientWidth * 0.5) - 90);
    const lines = chars / (width / 8.4) + turns / 5;
    return Math.round(lines * 25 + turns * 2);
  }

  private onVisible(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      void this.load(Number((entry.target as HTMLElement).dataset.page));
    }
  }

  /** Fetches and renders page `index` (once). */
  load(index: number): Promise<void> {
    if (this.loaded.has(index) || index < 0 || index >= this.pages.length) return Promise.resolve();
    let pending = this.loading.get(index);
    if (!pending) {
      const { limit } = this.options.page;
      pending = get<{ turns: Turn[] }>(`/api/episodes/${encodeURIComponent(this.options.episodeId)}/turns${qs({ offset: index * limit, limit })}`)
        .then((answer) => this.fill(index, answer.turns))
        .catch(() => {
          this.pages[index]?.replaceChildren(h('p', { class: 'error' }, 'This part of the transcript could not be loaded.'));
        })
        .finally(() => this.loading.delete(index));
      this.loading.set(index, pending);
    }
    return pending;
  }

  private fill(index: number, turns: Turn[]): void {
    const el = this.pages[index];
    if (!el || this.loaded.has(index)) return;
    this.loaded.set(index, turns);
    this.observer.unobserve(el);
    const offset = index * this.options.page.limit;
    const children: HTMLElement[] = [];
    let block: { el: HTMLElement; says: HTMLElement; start: number; speaker: string | null } | null = null;
    turns.forEach((turn, k) => {
      const i = offset + k;
      const chapter = this.headings.get(i);
      if (chapter !== undefined) {
        const c = this.options.chapters[chapter];
        if (c) {
          const heading = h('h3', { class: 'chapter-heading', id: `chapter-${chapter}`, dataset: { chapter: String(chapter) } }, c.title);
          children.push(heading);
          this.chapterObserver.observe(heading);
        }
        block = null;
      }
      if (!block || block.speaker !== turn.speaker || turn.start - block.start > BLOCK_SECONDS) {
        const ad = this.options.ads.some((a) => turn.start >= a.start && turn.start < a.end);
        const says = h('p', { class: 'says' });
        const label = `${turn.timing === 'estimated' ? '~' : ''}${clock(turn.start)}`;
        const body = h('div', { class: 'body' }, turn.speaker ? h('div', { class: 'who' }, turn.speaker) : null, says);
        const el = h(
          'div',
          { class: ad ? 'block ad' : 'block', dataset: { start: String(turn.start) } },
          h(
            'div',
            { class: 'block-meta' },
            h('button', { type: 'button', class: 'ts', dataset: { t: String(turn.start) }, 'aria-label': `Play from ${label}${turn.speaker ? `, ${turn.speaker}` : ''}`, title: 'Play from here (H: highlight this paragraph)' }, label),
          ),
          body,
        );
        children.push(el);
        block = { el: body, says, start: turn.start, speaker: turn.speaker };
      }
      const seg = h('span', { class: 'seg', dataset: { i: String(i), s: String(turn.start), e: String(turn.end) } }, ...withMarkers(turn));
      if (this.marked(turn)) seg.classList.add('hl');
      if (block.says.childNodes.length) block.says.append(' ');
      block.says.append(seg);
      this.segs.set(i, seg);
      for (const tr of turn.translations ?? []) block.el.append(h('p', { class: 'translation', lang: /^[A-Za-z-]{2,12}$/.test(tr.lang) ? tr.lang : null }, tr.text));
      if (turn.translations?.length) block = null;
    });
    // A page above what the reader sees changes height: keep what they see where it is (the browser's own scroll
    // anchoring is off for the transcript, as it picks placeholders and misses).
    const above = el.isConnected && el.getBoundingClientRect().top < this.options.stickyOffset();
    const before = above ? el.getBoundingClientRect().height : 0;
    el.replaceChildren(...children);
    el.classList.remove('placeholder');
    el.removeAttribute('aria-busy');
    el.style.minHeight = '';
    if (above) window.scrollBy(0, el.getBoundingClientRect().height - before);
    if (this.current >= offset && this.current < offset + turns.length) this.segs.get(this.current)?.classList.add('current');
  }

  private marked(turn: { start: number }): boolean {
    return this.marks.some((m) => turn.start >= m.start - 0.01 && turn.start < Math.max(m.end, m.start + 0.01));
  }

  /** Marks the turns inside the user's highlights. */
  setMarks(marks: { start: number | null; end: number | null }[]): void {
    this.marks = marks.filter((m): m is { start: number; end: number } => m.start !== null).map((m) => ({ start: m.start, end: m.end ?? m.start }));
    for (const seg of this.segs.values()) seg.classList.toggle('hl', this.marked({ start: Number(seg.dataset.s) }));
  }

  /** Index of the page holding time `seconds`. */
  private pageAt(seconds: number): number {
    const pages = this.options.page.pages;
    let lo = 0;
    let hi = pages.length - 1;
    let found = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (pages[mid]!.start <= seconds) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  private turnAt(seconds: number): number | null {
    const p = this.pageAt(seconds);
    const turns = this.loaded.get(p);
    if (!turns || turns.length === 0) return null;
    let k = 0;
    for (let lo = 0, hi = turns.length - 1; lo <= hi; ) {
      const mid = (lo + hi) >> 1;
      if (turns[mid]!.start <= seconds) {
        k = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return p * this.options.page.limit + k;
  }

  /** Scrolls the transcript to the passage at `seconds` (loading it first), and marks it briefly. */
  async jumpTo(seconds: number, options: { flash?: boolean; chapter?: number } = {}): Promise<void> {
    if (this.pages.length === 0) return;
    let target: HTMLElement | null | undefined;
    if (options.chapter !== undefined) {
      const turn = this.options.page.chapterTurns[options.chapter] ?? 0;
      await this.load(Math.floor(turn / this.options.page.limit));
      target = this.element.querySelector<HTMLElement>(`#chapter-${options.chapter}`);
    } else {
      await this.load(this.pageAt(seconds));
      const i = this.turnAt(seconds);
      target = i === null ? null : this.segs.get(i)?.closest<HTMLElement>('.block');
    }
    if (!target) return;
    window.scrollTo({ top: Math.max(0, target.getBoundingClientRect().top + window.scrollY - this.options.stickyOffset() - 12) });
    if (options.flash) {
      const block = target.classList.contains('block') ? target : (target.nextElementSibling as HTMLElement | null);
      block?.classList.remove('flash');
      void block?.offsetWidth;
      block?.classList.add('flash');
    }
  }

  /** The player is at `seconds`: mark that turn and, when following, keep it in view. */
  setTime(seconds: number): void {
    const i = this.turnAt(seconds);
    if (i === null) {
      if (this.follow) void this.load(this.pageAt(seconds)).then(() => this.turnAt(seconds) !== null && this.setTime(seconds));
      return;
    }
    if (i === this.current) return;
    this.segs.get(this.current)?.classList.remove('current');
    this.current = i;
    const seg = this.segs.get(i);
    if (!seg) return;
    seg.classList.add('current');
    if (this.follow) {
      const rect = seg.getBoundingClientRect();
      const top = this.options.stickyOffset();
      if (rect.top < top || rect.bottom > window.innerHeight - 20) {
        const visible = window.innerHeight - top;
        const distance = rect.top - top - visible / 3;
        // Smooth for a short move; a long one jumps (pages loading on the way would move a smooth scroll's target).
        window.scrollTo({ top: Math.max(0, window.scrollY + distance), behavior: Math.abs(distance) < window.innerHeight ? 'smooth' : 'auto' });
      }
    }
  }

  private selected(): Selected | null {
    const selection = document.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
    const range = selection.getRangeAt(0);
    if (!this.element.contains(range.commonAncestorContainer)) return null;
    let container: Node | null = range.commonAncestorContainer;
    if (container.nodeType !== Node.ELEMENT_NODE) container = container.parentElement;
    if (!(container instanceof Element)) return null;
    const own = container.closest<HTMLElement>('.seg');
    const segs = own ? [own] : [...container.querySelectorAll<HTMLElement>('.seg')].filter((s) => range.intersectsNode(s));
    if (segs.length === 0) return null;
    const text = segs
      .map((seg) => {
        const part = document.createRange();
        part.selectNodeContents(seg);
        if (seg.contains(range.startContainer)) part.setStart(range.startContainer, range.startOffset);
        if (seg.contains(range.endContainer)) part.setEnd(range.endContainer, range.endOffset);
        return part.toString();
      })
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
    if (!text) return null;
    return { text, start: Number(segs[0]!.dataset.s), end: Number(segs[segs.length - 1]!.dataset.e) };
  }

  private showFab(): void {
    const sel = this.selected();
    if (!sel) {
      this.fab.hidden = true;
      return;
    }
    const rect = document.getSelection()!.getRangeAt(0).getBoundingClientRect();
    this.fab.style.top = `${Math.round(rect.bottom + window.scrollY + 8)}px`;
    this.fab.style.left = `${Math.round(Math.max(8, Math.min(rect.left + window.scrollX, document.documentElement.clientWidth - 140)))}px`;
    this.fab.hidden = false;
  }

  private readonly hideFabIfEmpty = () => {
    if (document.getSelection()?.isCollapsed) this.fab.hidden = true;
  };

  private highlightSelection(): void {
    const sel = this.selected();
    this.fab.hidden = true;
    if (sel) this.options.onHighlight(sel);
  }

  destroy(): void {
    this.observer.disconnect();
    this.chapterObserver.disconnect();
    this.fab.remove();
    document.removeEventListener('selectionchange', this.hideFabIfEmpty);
  }
}

/** A turn's text with its markers ("[inaudible]") put back where they stood, as text. */
function withMarkers(turn: Turn): (string | HTMLElement)[] {
  const markers = [...(turn.markers ?? [])].filter((m) => m.offset >= 0 && m.offset <= turn.text.length).sort((a, b) => a.offset - b.offset);
  if (markers.length === 0) return [turn.text];
  const out: (string | HTMLElement)[] = [];
  let at = 0;
  for (const m of markers) {
    if (m.offset > at) out.push(turn.text.slice(at, m.offset));
    out.push(h('span', { class: 'marker' }, `[${m.label}]`));
    at = m.offset;
  }
  if (at < turn.text.length) out.push(turn.text.slice(at));
  return out;
}
