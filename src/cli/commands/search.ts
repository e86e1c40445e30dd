import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { formatClock } from '../../formats/text.js';
import { parseQuery } from '../../search/query.js';
import type { SearchHit } from '../../search/types.js';
import { print, printJson, withLibrary } from '../context.js';
import { safe } from '../render.js';
import { styler } from '../style.js';

interface SearchCliOptions {
  limit: number;
  offset: number;
  json?: boolean;
  group?: boolean;
  includeAds?: boolean;
  show?: string;
  episode?: string;
  speaker?: string;
  after?: string;
  before?: string;
}

function count(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number');
  return n;
}

/** Filters given as options join the ones typed in the query (options win). */
function withOptionFilters(query: string, o: SearchCliOptions): string {
  const quoted = (v: string) => `"${v.replace(/"/g, '')}"`;
  const extra = (['show', 'episode', 'speaker', 'after', 'before'] as const)
    .filter((k) => o[k] !== undefined)
    .map((k) => `${k}:${quoted(o[k]!)}`);
  return [query, ...extra].join(' ');
}

export function register(program: Command): void {
  program
    .command('search')
    .description('find the moments that answer a query, with speaker, time and a link that plays them')
    .argument('<query...>', 'words, "phrases", prefix*, -excluded, and filters show: episode: speaker: after: before:')
    .option('-n, --limit <n>', 'results per page', count, 10)
    .option('--offset <n>', 'results to skip (pagination)', count, 0)
    .option('--show <name>', 'only this show')
    .option('--episode <episode>', 'only this episode (id, YouTube id, show#number, #number)')
    .option('--speaker <name>', 'only passages where this speaker talks')
    .option('--after <date>', 'only episodes published on or after YYYY[-MM[-DD]]')
    .option('--before <date>', 'only episodes published on or before YYYY[-MM[-DD]]')
    .option('--group', 'group results by episode')
    .option('--include-ads', 'include sponsor reads and ad breaks')
    .option('--json', 'print [{episode, show, number, title, speaker, start, end, timing, snippet, link, score}] best first')
    .action(function (this: Command, words: string[], options: SearchCliOptions) {
      withLibrary(this, (library) => {
        const query = parseQuery(withOptionFilters(words.join(' '), options));
        const page = library.search(query, { limit: Math.min(options.limit, 100), offset: options.offset, includeAds: options.includeAds });
        if (options.json) {
          printJson(options.group ? groupByEpisode(page.hits) : page.hits);
          for (const w of page.warnings) process.stderr.write(`podsift: ${w}\n`);
          return;
        }
        for (const w of page.warnings) process.stderr.write(`podsift: ${safe(w)}\n`);
        if (page.hits.length === 0) {
          print('No results.');
          return;
        }
        print(renderHits(page.hits, Boolean(options.group), options.offset));
        if (page.more) print(styler(process.stdout).dim(`more: --offset ${options.offset + page.hits.length}`));
      });
    });
}

function groupByEpisode(hits: SearchHit[]) {
  const groups = new Map<string, { episode: string; show: string | null; number: number | null; title: string | null; hits: SearchHit[] }>();
  for (const h of hits) {
    let g = groups.get(h.episode);
    if (!g) groups.set(h.episode, (g = { episode: h.episode, show: h.show, number: h.number, title: h.title, hits: [] }));
    g.hits.push(h);
  }
  return [...groups.values()];
}

function renderHits(hits: SearchHit[], grouped: boolean, offset: number): string {
  const s = styler(process.stdout);
  const snippet = (text: string) => safe(text).replace(/\*\*(.+?)\*\*/g, (_, w: string) => s.bold(s.yellow(w))).replace(/\\\*/g, '*');
  const label = (h: { number: number | null; title: string | null; episode: string }) => `${h.number !== null ? `#${h.number} ` : ''}${safe(h.title ?? h.episode)}`;
  const out: string[] = [];
  if (grouped) {
    for (const g of groupByEpisode(hits)) {
      out.push(s.bold(label(g)));
      for (const h of g.hits) {
        out.push(`  ${s.cyan(`${h.timing === 'estimated' ? '~' : ''}${formatClock(h.start)}`)}  ${h.speaker ? `${s.bold(safe(h.speaker))}: ` : ''}${snippet(h.snippet)}`);
        if (h.link) out.push(s.dim(`  ${h.link}`));
      }
      out.push('');
    }
    return out.join('\n').trimEnd();
  }
  hits.forEach((h, i) => {
    const time = `${h.timing === 'estimated' ? '~' : ''}${formatClock(h.start)}`;
    out.push(`${s.dim(`${offset + i + 1}.`)} ${s.bold(label(h))}  ${s.cyan(time)}${h.speaker ? `  ${safe(h.speaker)}` : ''}`);
    out.push(`   ${snippet(h.snippet)}`);
    if (h.link) out.push(s.dim(`   ${h.link}`));
  });
  return out.join('\n');
}
