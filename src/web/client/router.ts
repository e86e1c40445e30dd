// Client-side navigation: same-origin links swap the view without reloading; back and forward work.

export type Cleanup = () => void;
export type View = (main: HTMLElement, params: Record<string, string>, url: URL) => Cleanup | void | Promise<Cleanup | void>;

interface Route {
  pattern: RegExp;
  keys: string[];
  view: View;
  nav: string;
}

const routes: Route[] = [];
let cleanup: Cleanup | void;
let current = '';
let renderCount = 0;

export function route(path: string, nav: string, view: View): void {
  const keys: string[] = [];
  const pattern = new RegExp(
    `^${path.replace(/:([a-z]+)/g, (_, key: string) => {
      keys.push(key);
      return '([^/]+)';
    })}$`,
  );
  routes.push({ pattern, keys, view, nav });
}

function main(): HTMLElement {
  return document.getElementById('main')!;
}

function markNav(nav: string): void {
  for (const a of document.querySelectorAll<HTMLAnchorElement>('.mainnav a')) {
    if (a.getAttribute('href') === nav) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

export async function render(focus: boolean): Promise<void> {
  const url = new URL(location.href);
  current = url.pathname;
  const count = ++renderCount;
  if (cleanup) {
    try {
      cleanup();
    } catch {
      /* a view failing to clean up must not stop navigation */
    }
    cleanup = undefined;
  }
  const el = main();
  el.replaceChildren();
  for (const r of routes) {
    const m = r.pattern.exec(url.pathname);
    if (!m) continue;
    const params: Record<string, string> = {};
    r.keys.forEach((k, i) => {
      try {
        params[k] = decodeURIComponent(m[i + 1]!);
      } catch {
        params[k] = m[i + 1]!;
      }
    });
    markNav(r.nav);
    const result = await r.view(el, params, url);
    if (count !== renderCount) {
      if (result) result();
      return;
    }
    cleanup = result;
    // Move focus to the new page's heading (for screen readers), unless the reader is typing in the header's box.
    const typing = document.activeElement instanceof HTMLInputElement && document.activeElement.closest('.topbar');
    if (focus && !typing) {
      const heading = el.querySelector<HTMLElement>('h1');
      if (heading) {
        heading.tabIndex = -1;
        heading.focus({ preventScroll: true });
      }
    }
    return;
  }
  markNav('');
  el.append(Object.assign(document.createElement('h1'), { textContent: 'Page not found' }));
}

export function navigate(href: string, options: { replace?: boolean } = {}): void {
  const url = new URL(href, location.href);
  if (options.replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  const samePath = url.pathname === current;
  void render(!samePath).then(() => {
    if (!samePath && !url.hash) window.scrollTo(0, 0);
  });
}

/** Updates the address (e.g. the search query) without rendering the view again. */
export function setQuery(url: URL): void {
  history.replaceState(null, '', url);
}

export function start(): void {
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const a = (event.target as Element | null)?.closest?.('a');
    if (!a || a.target || a.hasAttribute('download')) return;
    const href = a.getAttribute('href');
    if (!href || href.startsWith('#')) return;
    const url = new URL(a.href);
    if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return;
    event.preventDefault();
    navigate(url.href);
  });
  window.addEventListener('popstate', () => void render(true));
  void render(false);
}
