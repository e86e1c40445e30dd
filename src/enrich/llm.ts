// The optional language-model rewrite, pure part: the chat-completions request that asks an OpenAI-compatible model
// to rewrite derived chapter titles and key-moment titles and summaries from the extracted material, and the checks
// its answer must pass. Quotes and times are never the model's: it only words titles and summaries, and anything
// it gets wrong (not JSON, wrong shape, too long, empty) leaves the extractive text in place.
// The I/O shell (HTTP, timeout, configuration) is src/ingest/llm-rewrite.ts.
import { z } from 'zod';
import type { Chapter, Episode, Moment } from '../model/episode.js';
import { formatClock } from '../formats/text.js';
import type { EnrichmentPatch } from './step.js';
import { textStream } from './moments-text.js';

/** The part of an OpenAI chat-completions request podsift sends. */
export interface ChatRequest {
  model: string;
  messages: { role: 'system' | 'user'; content: string }[];
  temperature: number;
  response_format: { type: 'json_object' };
}

/** What was sent, so the answer can be matched back: item ids ("c1", "m2") → chapter and moment indexes. */
export interface RewriteRequest {
  body: ChatRequest;
  chapters: Map<string, number>;
  moments: Map<string, number>;
}

export interface RewriteResult {
  /** Chapters and moments with the accepted rewrites (only the lists that changed). */
  patch: EnrichmentPatch;
  rewritten: { chapters: number; moments: number };
  /** Items whose rewrite was refused, and why (the extractive text stays). */
  warnings: string[];
}

/** Words of transcript shown per chapter and per moment; the whole prompt stays under PROMPT_CHARS. */
const EXCERPT_WORDS = 120;
const PROMPT_CHARS = 40_000;

/** Limits a rewrite must keep (a title is a name, a summary one or two sentences). */
export const LIMITS = {
  titleWords: { min: 1, max: 12 },
  titleChars: 90,
  summaryWords: { min: 4, max: 60 },
  summaryChars: 420,
  summarySentences: 3,
} as const;

const SYSTEM = [
  'You write titles and summaries for the chapters and key moments of a podcast episode.',
  'Use only what the transcript excerpts say; never invent names, numbers or claims.',
  'Answer with one JSON object and nothing else.',
].join(' ');

/**
 * The request, or null when the episode has nothing to rewrite (no derived chapters, no moments). Given chapters
 * (the show's own) are never sent: they are not podsift's to reword.
 */
export function buildRewriteRequest(episode: Episode, model: string): RewriteRequest | null {
  const derived = episode.chapters.some((c) => c.origin === 'given') ? [] : episode.chapters.map((c, i) => ({ c, i })).filter(({ c }) => c.origin === 'derived');
  if (!derived.length && !episode.moments.length) return null;
  const excerpts = chapterExcerpts(episode, derived.map(({ i }) => i));
  const items = derived.length + episode.moments.length;
  // Shorter excerpts for long episodes, so the prompt fits a small local model's context.
  const words = Math.max(30, Math.min(EXCERPT_WORDS, Math.floor(PROMPT_CHARS / 7 / Math.max(1, items))));
  const chapters = new Map<string, number>();
  const moments = new Map<string, number>();
  const lines: string[] = [`Episode: ${episode.title ?? 'untitled'}${episode.show ? ` (${episode.show})` : ''}`, ''];
  if (derived.length) {
    lines.push('CHAPTERS (each with its current title and what is said in it):');
    derived.forEach(({ c, i }, k) => {
      const id = `c${k + 1}`;
      chapters.set(id, i);
      lines.push(`[${id}] at ${formatClock(c.start)}, current title: ${JSON.stringify(c.title)}`, `    excerpt: ${JSON.stringify(clip(excerpts.get(i) ?? '', words))}`);
    });
    lines.push('');
  }
  if (episode.moments.length) {
    lines.push('KEY MOMENTS (each with its current title, summary and the verbatim quote):');
    episode.moments.forEach((m, i) => {
      const id = `m${i + 1}`;
      moments.set(id, i);
      lines.push(
        `[${id}] at ${formatClock(m.start)}${m.speaker ? `, said by ${m.speaker}` : ''}, current title: ${JSON.stringify(m.title)}`,
        `    current summary: ${JSON.stringify(m.summary)}`,
        `    quote: ${JSON.stringify(clip(m.quote, words))}`,
      );
    });
    lines.push('');
  }
  lines.push(
    'Rewrite them:',
    `- every title: specific (name the subject, a person, a claim), ${LIMITS.titleWords.max} words at most, no quotation marks, no "Episode" or "Chapter", no ending period;`,
    `- every moment summary: one or two sentences, ${LIMITS.summaryWords.max - 20} words at most, saying what is claimed, explained or told (say who when a speaker is given).`,
    'Reply with JSON of exactly this shape, one entry per item above, using the ids in brackets:',
    '{"chapters": [{"id": "c1", "title": "..."}], "moments": [{"id": "m1", "title": "...", "summary": "..."}]}',
  );
  return {
    body: {
      model,
      messages: [
        { role: 'system', content: SYSTEM },
        { role: 'user', content: lines.join('\n') },
      ],
      temperature: 0.2,
      response_format: { type: 'json_object' },
    },
    chapters,
    moments,
  };
}

/**
 * What each chapter says: from each sixth of its span, the sentence with the most content and specific words (so
 * start, middle and end all show, and "Yeah." never does).
 */
function chapterExcerpts(episode: Episode, indexes: readonly number[]): Map<number, string> {
  const out = new Map<number, string>();
  if (!indexes.length || !episode.turns.length) return out;
  const stream = textStream(episode.turns);
  const starts = episode.chapters.map((c) => c.start);
  const PARTS = 6;
  for (const i of indexes) {
    const from = starts[i]!;
    const to = i + 1 < starts.length ? starts[i + 1]! : Infinity;
    const inside = stream.sentences.filter((s) => s.start >= from && s.start < to && !s.question && s.words >= 6);
    const picked: string[] = [];
    for (let part = 0; part < PARTS; part++) {
      const slice = inside.slice(Math.floor((part * inside.length) / PARTS), Math.floor(((part + 1) * inside.length) / PARTS));
      const best = slice.reduce<(typeof slice)[number] | null>((b, s) => (!b || s.content + s.specific > b.content + b.specific ? s : b), null);
      if (best) picked.push(stream.text.slice(best.from, best.to));
    }
    out.set(i, picked.join(' … '));
  }
  return out;
}

function clip(text: string, words: number): string {
  const parts = text.split(/\s+/);
  return parts.length <= words ? text : `${parts.slice(0, words).join(' ')} …`;
}

const Completion = z.object({
  choices: z
    .array(z.object({ message: z.object({ content: z.string().nullable() }) }))
    .min(1),
});

const Answer = z.object({
  chapters: z.array(z.object({ id: z.string(), title: z.unknown().optional() }).passthrough()).optional(),
  moments: z.array(z.object({ id: z.string(), title: z.unknown().optional(), summary: z.unknown().optional() }).passthrough()).optional(),
});

/** Why an answer as a whole could not be used. */
export class RewriteError extends Error {}

/**
 * Reads a chat-completions response body (already parsed from JSON) into the patch. Throws RewriteError when the
 * answer as a whole is unusable (not a completion, reply not JSON, wrong shape); single items that break the limits
 * are skipped with a warning.
 */
export function parseRewriteResponse(episode: Episode, request: RewriteRequest, response: unknown): RewriteResult {
  const completion = Completion.safeParse(response);
  if (!completion.success) throw new RewriteError('the answer is not a chat completion ({"choices": [{"message": {"content": …}}]})');
  const content = completion.data.choices[0]!.message.content ?? '';
  const json = jsonIn(content);
  if (json === undefined) throw new RewriteError(`the reply is not JSON: ${JSON.stringify(content.slice(0, 120))}`);
  const answer = Answer.safeParse(json);
  if (!answer.success) throw new RewriteError('the reply is JSON but not {"chapters": [...], "moments": [...]}');
  const warnings: string[] = [];
  const chapters: Chapter[] = episode.chapters.map((c) => ({ ...c }));
  const moments: Moment[] = episode.moments.map((m) => ({ ...m }));
  let chapterCount = 0;
  let momentCount = 0;
  const seen = new Set<string>();
  for (const item of answer.data.chapters ?? []) {
    const index = request.chapters.get(item.id);
    if (index === undefined || seen.has(item.id)) continue;
    seen.add(item.id);
    const title = checkTitle(item.title);
    if (typeof title !== 'string') {
      warnings.push(`${item.id}: ${title.reason}`);
      continue;
    }
    chapters[index] = { ...chapters[index]!, title };
    chapterCount++;
  }
  for (const item of answer.data.moments ?? []) {
    const index = request.moments.get(item.id);
    if (index === undefined || seen.has(item.id)) continue;
    seen.add(item.id);
    const title = checkTitle(item.title);
    const summary = checkSummary(item.summary);
    if (typeof title !== 'string') warnings.push(`${item.id} title: ${title.reason}`);
    if (typeof summary !== 'string') warnings.push(`${item.id} summary: ${summary.reason}`);
    if (typeof title !== 'string' && typeof summary !== 'string') continue;
    const m = moments[index]!;
    moments[index] = { ...m, title: typeof title === 'string' ? title : m.title, summary: typeof summary === 'string' ? summary : m.summary };
    momentCount++;
  }
  const patch: EnrichmentPatch = {};
  if (chapterCount) patch.chapters = chapters;
  if (momentCount) patch.moments = moments;
  return { patch, rewritten: { chapters: chapterCount, moments: momentCount }, warnings };
}

/**
 * The JSON object in a model's reply: the whole reply, the inside of a ```json fence, or the span from the first
 * "{" to the last "}" (models like to add a sentence before or after). Undefined when none parses.
 */
export function jsonIn(content: string): unknown {
  const candidates = [content.trim()];
  const fence = /```(?:json|JSON)?\s*\n?([\s\S]*?)```/.exec(content);
  if (fence) candidates.push(fence[1]!.trim());
  const open = content.indexOf('{');
  const close = content.lastIndexOf('}');
  if (open !== -1 && close > open) candidates.push(content.slice(open, close + 1));
  for (const text of candidates) {
    try {
      const value: unknown = JSON.parse(text);
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value;
    } catch {
      // Try the next reading.
    }
  }
  return undefined;
}

type Checked = string | { reason: string };

function clean(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  return value
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^["'“”‘’`*#]+|["'“”‘’`*]+$/g, '')
    .trim();
}

export function checkTitle(value: unknown): Checked {
  const text = clean(value);
  if (text === null) return { reason: 'no title' };
  const title = text.replace(/[.。]$/, '');
  const words = title.split(' ').filter(Boolean).length;
  if (words < LIMITS.titleWords.min) return { reason: 'empty title' };
  if (words > LIMITS.titleWords.max || title.length > LIMITS.titleChars) return { reason: `title too long (${words} words)` };
  if (/[{}[\]<>]/.test(title)) return { reason: 'title has markup' };
  return title;
}

export function checkSummary(value: unknown): Checked {
  const text = clean(value);
  if (text === null) return { reason: 'no summary' };
  const words = text.split(' ').filter(Boolean).length;
  if (words < LIMITS.summaryWords.min) return { reason: `summary too short (${words} words)` };
  if (words > LIMITS.summaryWords.max || text.length > LIMITS.summaryChars) return { reason: `summary too long (${words} words)` };
  const sentences = text.split(/(?<=[.!?])\s+(?=\S)/).length;
  if (sentences > LIMITS.summarySentences) return { reason: `summary has ${sentences} sentences` };
  if (/[{}<>]/.test(text)) return { reason: 'summary has markup' };
  return text;
}
