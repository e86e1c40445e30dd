// The one HTML page of the web app (server side). It holds no data and no inline script: the modules under
// src/web/client/ render everything from the JSON API, as text.

export type Theme = 'light' | 'dark' | null;

export const THEME_COOKIE = 'podsift_theme';

export function themeFrom(cookie: string | undefined): Theme {
  return cookie === 'light' || cookie === 'dark' ? cookie : null;
}

export const ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="#4f46e5"/><g fill="none" stroke="#fff" stroke-width="5" stroke-linecap="round"><path d="M14 38v-12M24 46V18M34 40V24M44 50V14M54 36v-8"/></g></svg>`;

/** The shell: header (brand, search, navigation, theme), an empty main, and the module that fills it. */
export function shellHtml(options: { theme: Theme; modules: string[]; entry: string }): string {
  const theme = options.theme ? ` data-theme="${options.theme}"` : '';
  const preload = options.modules.map((m) => `<link rel="modulepreload" href="/assets/${m}">`).join('\n');
  return `<!doctype html>
<html lang="en"${theme}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>podsift</title>
<link rel="icon" href="/assets/icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/app.css">
${preload}
<script type="module" src="/assets/${options.entry}"></script>
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="topbar">
  <a class="brand" href="/" data-nav aria-label="podsift library"><img src="/assets/icon.svg" alt="" width="28" height="28"><span>podsift</span></a>
  <form class="global-search" role="search" action="/search" method="get">
    <input id="q" name="q" type="search" autocomplete="off" spellcheck="false" placeholder="Search every transcript…" aria-label="Search transcripts" aria-keyshortcuts="/">
  </form>
  <nav class="mainnav" aria-label="Main">
    <a href="/" data-nav>Library</a>
    <a href="/search" data-nav>Search</a>
    <a href="/highlights" data-nav>Highlights</a>
  </nav>
  <button type="button" class="theme-toggle" id="theme-toggle" aria-label="Theme: automatic">◐</button>
</header>
<main id="main" tabindex="-1"><p class="loading">Loading…</p></main>
<noscript><p class="noscript">The podsift web app needs JavaScript. The JSON API is at /api/openapi.json.</p></noscript>
</body>
</html>
`;
}
