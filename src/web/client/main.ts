// The web app's entry: routes, the header's search box, the theme toggle, keyboard shortcuts.
import { entityView } from './entity.js';
import { episodeView } from './episode.js';
import { highlightsView } from './highlights.js';
import { libraryView } from './library.js';
import { navigate, route, start } from './router.js';
import { searchView } from './search.js';

route('/', '/', libraryView);
route('/search', '/search', searchView);
route('/highlights', '/highlights', highlightsView);
route('/episodes/:id', '/', episodeView);
route('/entities/:name', '', entityView);

// The header's search box: typing anywhere opens the search page, which then reads the same box.
const input = document.getElementById('q') as HTMLInputElement;
input.addEventListener('input', () => {
  if (location.pathname !== '/search') navigate(`/search?q=${encodeURIComponent(input.value)}`);
});
input.form?.addEventListener('submit', (e) => {
  if (location.pathname === '/search') return;
  e.preventDefault();
  navigate(`/search?q=${encodeURIComponent(input.value)}`);
});

// Theme: automatic (the system's), dark or light; remembered in a cookie so the page renders in it at once.
const THEMES = ['auto', 'dark', 'light'] as const;
const toggle = document.getElementById('theme-toggle') as HTMLButtonElement;
const showTheme = () => {
  const theme = document.documentElement.dataset.theme ?? 'auto';
  toggle.setAttribute('aria-label', `Theme: ${theme === 'auto' ? 'automatic' : theme}. Change theme`);
  toggle.title = `Theme: ${theme === 'auto' ? 'automatic' : theme}`;
  toggle.textContent = theme === 'dark' ? '☾' : theme === 'light' ? '☀' : '◐';
};
toggle.addEventListener('click', () => {
  const now = (document.documentElement.dataset.theme ?? 'auto') as (typeof THEMES)[number];
  const next = THEMES[(THEMES.indexOf(now) + 1) % THEMES.length]!;
  if (next === 'auto') {
    delete document.documentElement.dataset.theme;
    document.cookie = 'podsift_theme=; path=/; max-age=0; samesite=strict';
  } else {
    document.documentElement.dataset.theme = next;
    document.cookie = `podsift_theme=${next}; path=/; max-age=31536000; samesite=strict`;
  }
  showTheme();
});
showTheme();

// "/" focuses the search box (unless typing somewhere).
document.addEventListener('keydown', (e) => {
  if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
  const target = e.target as HTMLElement;
  if (target.closest('input, textarea, select, [contenteditable="true"]')) return;
  e.preventDefault();
  input.focus();
  input.select();
});

start();
