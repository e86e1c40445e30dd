// The web app's stylesheet, served as /assets/app.css (kept in a module so `tsc` ships it with the server).
export const css = String.raw`
:root {
  color-scheme: light;
  --bg: #f7f7f5;
  --surface: #ffffff;
  --surface-2: #f0efec;
  --text: #1d1c1a;
  --muted: #5f5d58;
  --border: #dedbd5;
  --accent: #4f46e5;
  --accent-text: #ffffff;
  --accent-soft: #e9e8fd;
  --link: #3f37c9;
  --mark: #fde68a;
  --mark-text: #1d1c1a;
  --current: #e0f2fe;
  --hl: #fef3c7;
  --danger: #b42318;
  --ok: #067647;
  --focus: #2563eb;
  --shadow: 0 1px 2px rgba(0,0,0,.06), 0 2px 8px rgba(0,0,0,.05);
  --radius: 10px;
  --top: 56px;
  --font: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
}
@media (prefers-color-scheme: dark) {
  :root:not([data-theme="light"]) {
    color-scheme: dark;
    --bg: #121316; --surface: #1b1d22; --surface-2: #24272d; --text: #e8e6e3; --muted: #a3a09a; --border: #33363d;
    --accent: #818cf8; --accent-text: #0f1020; --accent-soft: #272a4a; --link: #a5b4fc; --mark: #854d0e; --mark-text: #fff7e6;
    --current: #12344a; --hl: #3b3212; --danger: #f97066; --ok: #47cd89; --focus: #93c5fd;
    --shadow: 0 1px 2px rgba(0,0,0,.4);
  }
}
:root[data-theme="dark"] {
  color-scheme: dark;
  --bg: #121316; --surface: #1b1d22; --surface-2: #24272d; --text: #e8e6e3; --muted: #a3a09a; --border: #33363d;
  --accent: #818cf8; --accent-text: #0f1020; --accent-soft: #272a4a; --link: #a5b4fc; --mark: #854d0e; --mark-text: #fff7e6;
  --current: #12344a; --hl: #3b3212; --danger: #f97066; --ok: #47cd89; --focus: #93c5fd;
  --shadow: 0 1px 2px rgba(0,0,0,.4);
}

* { box-sizing: border-box; }
[hidden] { display: none !important; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--text); font: 16px/1.55 var(--font); accent-color: var(--accent); }
a { color: var(--link); text-underline-offset: 2px; }
a:hover { text-decoration-thickness: 2px; }
h1, h2, h3 { line-height: 1.25; margin: 0 0 .5rem; }
h1 { font-size: 1.6rem; }
h2 { font-size: 1.1rem; }
h3 { font-size: 1rem; }
p { margin: 0 0 .75rem; }
button, input, select, textarea { font: inherit; color: inherit; }
::placeholder { color: var(--muted); opacity: .8; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; border-radius: 4px; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.skip-link { position: absolute; left: .5rem; top: -3rem; background: var(--accent); color: var(--accent-text); padding: .5rem .75rem; border-radius: 6px; z-index: 100; }
.skip-link:focus { top: .5rem; }
.muted { color: var(--muted); }
code { font-family: var(--mono); font-size: .9em; font-style: normal; background: var(--surface-2); padding: .05rem .3rem; border-radius: 4px; overflow-wrap: anywhere; }
.small { font-size: .875rem; }
.error { color: var(--danger); }
.ok { color: var(--ok); }
.loading { color: var(--muted); padding: 2rem 0; }
.empty { color: var(--muted); font-style: italic; margin: .25rem 0 .75rem; }
.noscript { padding: 1rem; }

/* Top bar */
.topbar { position: sticky; top: 0; z-index: 20; display: flex; align-items: center; gap: .75rem; height: var(--top); padding: 0 1rem; background: var(--surface); border-bottom: 1px solid var(--border); }
.brand { display: flex; align-items: center; gap: .5rem; font-weight: 700; font-size: 1.1rem; color: var(--text); text-decoration: none; }
.global-search { flex: 1; max-width: 560px; }
.global-search input { width: 100%; padding: .45rem .8rem; border: 1px solid var(--border); border-radius: 999px; background: var(--surface-2); }
.mainnav { display: flex; gap: .25rem; }
.mainnav a { padding: .4rem .65rem; border-radius: 8px; color: var(--text); text-decoration: none; }
.mainnav a:hover { background: var(--surface-2); }
.mainnav a[aria-current="page"] { background: var(--accent-soft); color: var(--link); font-weight: 600; }
.theme-toggle { border: 1px solid var(--border); background: var(--surface-2); border-radius: 999px; width: 2.25rem; height: 2.25rem; cursor: pointer; font-size: 1.1rem; line-height: 1; }

/* Long unbroken strings (URLs, ids, odd names) wrap rather than push the page sideways. */
main { max-width: 1400px; margin: 0 auto; padding: 1.25rem 1rem 4rem; overflow-wrap: break-word; }
main:focus { outline: none; }

/* Buttons and fields */
.btn { display: inline-flex; align-items: center; gap: .35rem; padding: .4rem .8rem; border: 1px solid var(--border); border-radius: 8px; background: var(--surface); cursor: pointer; text-decoration: none; color: var(--text); font-size: .925rem; }
.btn:hover { background: var(--surface-2); }
.btn.primary { background: var(--accent); border-color: var(--accent); color: var(--accent-text); font-weight: 600; }
.btn.danger { color: var(--danger); }
.btn.small { padding: .2rem .55rem; font-size: .85rem; }
.field { display: flex; flex-direction: column; gap: .2rem; font-size: .875rem; color: var(--muted); }
.field input, .field select, .field textarea { padding: .4rem .55rem; border: 1px solid var(--border); border-radius: 8px; background: var(--surface); color: var(--text); min-width: 0; }
/* Text boxes, dates and menus are one height, so a row of filters lines up. */
.field input, .field select { height: 2.4rem; }
.check { display: flex; align-items: center; gap: .4rem; font-size: .875rem; color: var(--muted); }
.search-filters .check { min-height: 2.4rem; }
.card { background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); box-shadow: var(--shadow); }
.card > :last-child, .card li > :last-child { margin-bottom: 0; }

/* Library */
.page-head { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: .5rem 1rem; margin-bottom: 1rem; }
.library-tools { display: flex; gap: .75rem; flex-wrap: wrap; align-items: end; margin: 0 0 1rem; }
.library-tools .field { flex: 1; max-width: 360px; }
.library-list { display: flex; flex-wrap: wrap; gap: 0 1.5rem; }
.show-group { margin: 0 0 1.5rem; flex: 1 1 100%; min-width: 0; }
/* A show with one or two episodes takes one or two columns, so a library of many small shows is not one long
   column of lone cards. */
.show-group.size-1 { flex: 0 1 300px; }
.show-group.size-2 { flex: 0 1 612px; }
.show-group > h2 { font-size: 1rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin-bottom: .5rem; overflow-wrap: anywhere; }
.episode-list { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: .75rem; }
.episode-card { padding: .8rem 1rem; display: flex; flex-direction: column; gap: .25rem; }
.episode-card a.title { font-weight: 600; color: var(--text); text-decoration: none; overflow-wrap: anywhere; }
.episode-card a.title:hover { color: var(--link); text-decoration: underline; }
.episode-card .meta { font-size: .85rem; color: var(--muted); overflow-wrap: anywhere; }
.badges { display: flex; flex-wrap: wrap; gap: .35rem; margin-top: .2rem; }
.panel .badge { margin-left: .4rem; }
.badge { font-size: .75rem; padding: .05rem .45rem; border-radius: 999px; background: var(--surface-2); color: var(--muted); border: 1px solid var(--border); }
.upload { padding: 1rem; margin-bottom: 1.5rem; }
.dropzone { display: flex; flex-wrap: wrap; align-items: center; gap: .75rem; padding: 1rem; border: 2px dashed var(--border); border-radius: var(--radius); color: var(--muted); }
.dropzone.over, body.dragging .dropzone { border-color: var(--accent); background: var(--accent-soft); color: var(--text); }
.file-button input { position: absolute; opacity: 0; width: 1px; height: 1px; }
.file-button:focus-within { outline: 3px solid var(--focus); outline-offset: 2px; }
.upload-list { list-style: none; padding: 0; margin: .75rem 0 0; display: flex; flex-direction: column; gap: .4rem; }
.upload-item { display: grid; grid-template-columns: minmax(0, 1fr) 140px; gap: .15rem .75rem; align-items: center; font-size: .9rem; }
.upload-item .name { overflow-wrap: anywhere; font-weight: 600; }
.upload-item progress { width: 100%; }
.upload-item .outcome { grid-column: 1 / -1; }

/* Search */
.search-filters { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: .6rem; align-items: end; margin-bottom: .75rem; }
.search-status { color: var(--muted); font-size: .9rem; min-height: 1.4em; }
.results { list-style: none; padding: 0; margin: 0; display: flex; flex-direction: column; gap: .75rem; }
.hit { padding: .8rem 1rem; }
.hit-head { display: flex; flex-wrap: wrap; gap: .25rem .6rem; align-items: baseline; }
.hit-head a { font-weight: 600; }
.hit-meta { font-size: .85rem; color: var(--muted); margin: .15rem 0 .35rem; }
.snippet { margin: 0 0 .5rem; overflow-wrap: anywhere; }
mark { background: var(--mark); color: var(--mark-text); padding: 0 .1em; border-radius: 3px; }
.hit-actions { display: flex; flex-wrap: wrap; gap: .5rem; }
.tips { padding: 1rem 1.25rem; }

.more { margin-top: 1rem; }
.search-empty { padding: 1rem 1.25rem; }
.search-empty ul { margin: .25rem 0 0; padding-left: 1.25rem; }
.filters-box { margin-bottom: .75rem; }
.filters-box > summary { cursor: pointer; color: var(--muted); font-size: .9rem; padding: .2rem 0; }
.filters-box[open] > summary { margin-bottom: .4rem; }

/* Episode */
.ep-head { margin-bottom: 1rem; }
.ep-head .kicker { color: var(--muted); font-size: .9rem; }
.ep-head h1 { margin: .15rem 0 .35rem; overflow-wrap: anywhere; }
.ep-actions { display: flex; flex-wrap: wrap; gap: .5rem; margin-top: .5rem; align-items: center; }
.menu { position: relative; }
.menu > summary { list-style: none; }
.menu > summary::-webkit-details-marker { display: none; }
.menu-list { position: absolute; z-index: 15; top: calc(100% + 4px); left: 0; min-width: 220px; list-style: none; margin: 0; padding: .35rem; }
.menu-list a { display: block; padding: .35rem .6rem; border-radius: 6px; color: var(--text); text-decoration: none; }
.menu-list a:hover, .menu-list a:focus-visible { background: var(--surface-2); }
.ep-grid { display: grid; grid-template-columns: 220px minmax(0, 1fr) 340px; gap: 1.25rem; align-items: start; }
.ep-chapters, .ep-side { position: sticky; top: calc(var(--top) + 1rem); max-height: calc(100vh - var(--top) - 2rem); overflow: auto; }
.ep-chapters { padding: .75rem; }
.chapter-list { list-style: none; margin: 0; padding: 0; }
.chapter-list button { display: flex; gap: .5rem; width: 100%; text-align: left; padding: .35rem .45rem; border: 0; border-radius: 6px; background: none; cursor: pointer; font-size: .9rem; }
.chapter-list button:hover { background: var(--surface-2); }
.chapter-list button[aria-current="true"] { background: var(--accent-soft); color: var(--link); font-weight: 600; }
.chapter-list .t, .ts { font-variant-numeric: tabular-nums; font-family: var(--mono); font-size: .8rem; color: var(--muted); }
.player { position: sticky; top: var(--top); z-index: 10; background: var(--bg); padding-bottom: .5rem; }
/* Without a player there is nothing to keep in view: the note scrolls away with the page. */
.player.none { position: static; }
.player iframe, .yt-facade { display: block; width: 100%; aspect-ratio: 16 / 9; max-height: 38vh; border: 0; border-radius: var(--radius); }
.player iframe { background: #000; }
/* The YouTube placeholder takes the embed's exact box, so loading the embed moves nothing on the page. */
.yt-facade { position: relative; display: flex; align-items: center; justify-content: center; overflow: hidden; border: 1px solid var(--border); background: linear-gradient(135deg, var(--surface) 0%, var(--surface-2) 100%); box-shadow: var(--shadow); }
.yt-play { display: flex; flex-direction: column; align-items: center; gap: .3rem; max-width: calc(100% - 1rem); padding: .6rem 1rem; border: 0; border-radius: var(--radius); background: none; color: var(--text); cursor: pointer; text-align: center; }
/* The whole card answers a click, while focus and its ring stay on the button itself. */
.yt-play::after { content: ""; position: absolute; inset: 0; }
.yt-icon { display: grid; place-items: center; width: 4rem; height: 4rem; margin-bottom: .2rem; border-radius: 50%; background: var(--accent); box-shadow: var(--shadow); transition: transform .15s ease-out; }
.yt-icon::before { content: ""; width: 1.3rem; height: 1.5rem; margin-left: .3rem; background: var(--accent-text); clip-path: polygon(0 0, 100% 50%, 0 100%); }
.yt-facade:hover .yt-icon, .yt-play:focus-visible .yt-icon { transform: scale(1.08); }
.yt-title { font-weight: 650; font-size: 1.05rem; }
.yt-when { font-family: var(--mono); font-variant-numeric: tabular-nums; font-size: .9rem; color: var(--muted); }
.yt-note { font-size: .8rem; color: var(--muted); overflow-wrap: anywhere; }
@media (max-height: 560px) {
  .yt-play { gap: 0; padding: .25rem .75rem; line-height: 1.35; }
  .yt-icon { width: 2.5rem; height: 2.5rem; }
  .yt-icon::before { width: .8rem; height: .95rem; margin-left: .2rem; }
}
.player audio { width: 100%; }
.player .no-media { margin: 0; padding: .6rem .8rem; font-size: .9rem; color: var(--muted); }
.transcript-tools { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; font-size: .85rem; color: var(--muted); margin: .25rem 0 .75rem; }
.transcript { padding: .25rem 1rem 1rem; overflow-anchor: none; }
.tpage.placeholder { background: repeating-linear-gradient(var(--surface) 0 1.6em, var(--surface-2) 1.6em 1.65em); opacity: .5; }
.transcript h3.chapter-heading { margin: 1.25rem 0 .5rem; padding-top: .75rem; border-top: 1px solid var(--border); font-size: 1.05rem; }
.transcript .tpage:first-child h3.chapter-heading:first-child { border-top: 0; margin-top: .25rem; padding-top: .25rem; }
.block { display: grid; grid-template-columns: 3.6rem minmax(0, 1fr); gap: 0 .6rem; padding: .4rem 0; border-radius: 6px; }
.block.flash { animation: flash 1.6s ease-out; }
@keyframes flash { from { background: var(--accent-soft); } to { background: transparent; } }
.block-meta { padding-top: .15rem; }
.block .body { min-width: 0; }
.ts { border: 0; background: none; padding: .1rem .25rem; margin-left: -.25rem; cursor: pointer; border-radius: 4px; color: var(--link); }
.ts:hover { background: var(--surface-2); }
.who { font-weight: 650; font-size: .9rem; margin-bottom: .05rem; }
.says { margin: 0; overflow-wrap: anywhere; }
.block.ad { opacity: .7; }
.block.ad .says::before { content: "Sponsor"; font-size: .7rem; text-transform: uppercase; letter-spacing: .05em; border: 1px solid var(--border); border-radius: 4px; padding: 0 .3rem; margin-right: .4rem; color: var(--muted); }
.seg.current { background: var(--current); border-radius: 3px; box-shadow: 0 0 0 2px var(--current); }
.seg.hl { background: var(--hl); border-radius: 3px; }
.marker { color: var(--muted); font-style: italic; font-size: .9em; }
.translation { margin: .2rem 0 0; color: var(--muted); font-size: .92rem; }
.highlight-fab { position: absolute; z-index: 30; }
.ep-side { display: flex; flex-direction: column; gap: .75rem; }
.panel { padding: .5rem .85rem; }
.panel > summary { cursor: pointer; font-weight: 650; padding: .35rem 0; }
.ep-side .quote { display: -webkit-box; -webkit-line-clamp: 4; -webkit-box-orient: vertical; overflow: hidden; }
.chapters-details > summary { cursor: pointer; padding: .1rem 0 .35rem; }
.panel > summary .count { color: var(--muted); font-weight: 400; font-size: .85rem; margin-left: .35rem; }
.panel ul, .panel ol { list-style: none; margin: .25rem 0 .5rem; padding: 0; display: flex; flex-direction: column; gap: .6rem; }
.panel li { overflow-wrap: anywhere; }
.item-title { font-weight: 600; }
.item-text { font-size: .92rem; overflow-wrap: anywhere; }
.quote { border-left: 3px solid var(--border); padding-left: .6rem; margin: .25rem 0; color: var(--muted); font-size: .9rem; overflow-wrap: anywhere; }
.tags { display: flex; flex-wrap: wrap; gap: .3rem; }
.tag { font-size: .75rem; padding: 0 .45rem; border-radius: 999px; background: var(--accent-soft); color: var(--link); }
.row-actions { display: flex; gap: .4rem; margin-top: .25rem; flex-wrap: wrap; align-items: center; }

/* Highlights page */
.hl-filters { display: grid; grid-template-columns: repeat(auto-fit, minmax(180px, 1fr)); gap: .6rem; align-items: end; margin-bottom: 1rem; }
.hl-list { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: .75rem; }
.hl-card { padding: .8rem 1rem; }
.exports { display: flex; flex-wrap: wrap; gap: .5rem; margin: 0 0 1rem; align-items: center; }
.hl-card .tags, .panel .tags { margin: .3rem 0; }
.section-title { margin-top: 1.5rem; }

/* Entity */
.entity-episodes { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: .75rem; }
.entity-episodes li { padding: .75rem 1rem; }
.times { display: flex; flex-wrap: wrap; gap: .35rem; margin-top: .35rem; }

/* Dialog */
dialog { border: 1px solid var(--border); border-radius: var(--radius); background: var(--surface); color: var(--text); padding: 1.25rem; width: min(560px, calc(100vw - 2rem)); box-shadow: 0 10px 40px rgba(0,0,0,.3); }
dialog::backdrop { background: rgba(0,0,0,.45); }
dialog form { display: flex; flex-direction: column; gap: .75rem; }
dialog .quote { max-height: 30vh; overflow: auto; }
.dialog-actions { display: flex; justify-content: flex-end; gap: .5rem; }

/* Narrow screens */
@media (max-width: 1100px) {
  .ep-grid { grid-template-columns: 200px minmax(0, 1fr); }
  .ep-side { grid-column: 1 / -1; position: static; max-height: none; order: 3; }
}
@media (max-width: 760px) {
  :root { --top: 96px; }
  .topbar { flex-wrap: wrap; height: auto; min-height: var(--top); padding: .5rem .75rem; gap: .4rem .6rem; }
  .global-search { order: 3; flex-basis: 100%; max-width: none; }
  .mainnav { margin-left: auto; gap: 0; }
  .brand span { display: none; }
  .mainnav a { padding: .3rem .45rem; font-size: .95rem; }
  main { padding: 1rem .75rem 3rem; }
  h1 { font-size: 1.3rem; }
  .ep-grid { grid-template-columns: minmax(0, 1fr); gap: .75rem; }
  .ep-main { display: contents; }
  .player { order: 1; }
  .ep-chapters { position: static; max-height: none; order: 2; }
  .ep-side { order: 3; }
  .transcript-tools { order: 4; margin: 0; }
  .transcript { order: 5; }
  .player iframe, .yt-facade { max-height: 30vh; }
  .block { grid-template-columns: 3.2rem minmax(0, 1fr); gap: 0 .4rem; }
  .transcript { padding: .25rem .6rem 1rem; }
  .episode-list { grid-template-columns: minmax(0, 1fr); }
  .upload-item { grid-template-columns: minmax(0, 1fr) 90px; }
}
@media (prefers-reduced-motion: reduce) { * { animation: none !important; scroll-behavior: auto !important; } }
`;
