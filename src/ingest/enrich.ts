// The shell around the pure enrichment pipeline: read an episode, enrich it, store what the steps returned.
import { enrichEpisode, type StepOutcome } from '../enrich/pipeline.js';
import { steps as registered } from '../enrich/registry.js';
import type { EnrichStep } from '../enrich/step.js';
import type { Episode } from '../model/episode.js';
import type { Library } from '../store/library.js';
import { llmConfigFromEnv, rewriteWithLlm, type LlmConfig } from './llm-rewrite.js';
import { mapAhead, workerCount, WorkerPool } from './worker-pool.js';

export interface EnrichResult {
  id: string;
  outcomes: { step: string; status: 'done' | 'skipped'; reason?: string }[];
}

/** The optional language-model rewrite runs after the steps, as one more stored outcome. */
const LLM_STEP = 'llm-rewrite';

export function stepVersions(steps: readonly EnrichStep[] = registered): Record<string, number> {
  return Object.fromEntries(steps.map((s) => [s.id, s.version]));
}

/** Below this many episodes, worker threads cost more to start than they save. */
const WORKER_MIN_EPISODES = 4;

/**
 * Enriches the given episodes (or every stale one), one at a time, each stored in its own transaction. The
 * registered steps run on worker threads when there are several episodes; this thread reads and stores.
 */
export function enrichLibrary(
  library: Library,
  ids: string[] | 'stale',
  options: { steps?: readonly EnrichStep[]; onProgress?: (done: number, total: number, id: string) => void; workers?: number } = {},
): EnrichResult[] {
  const steps = options.steps ?? registered;
  const todo = ids === 'stale' ? library.staleEnrichment(stepVersions(steps)) : ids;
  const results: EnrichResult[] = [];
  const parallel = steps === registered && (options.workers !== undefined ? options.workers > 0 : todo.length >= WORKER_MIN_EPISODES);
  const pool = new WorkerPool(parallel ? (options.workers ?? workerCount(4, false)) : 0);
  try {
    // The merged episodes handed to workers are kept here until stored, so storing need not read them again.
    // The hash is read with the episode: if the episode changes before storing, saveEnrichment drops the outcomes.
    const merged = new Map<string, { episode: Episode | null; hash: string | null }>();
    const load = (id: string) => {
      const episode = library.getMergedEpisode(id);
      merged.set(id, { episode, hash: library.contentHash(id) });
      return episode;
    };
    const enriched = parallel ? mapAhead(pool, todo, 'enrich', load, pool.size + 1) : null;
    todo.forEach((id, i) => {
      options.onProgress?.(i, todo.length, id);
      let outcomes: StepOutcome[] | null;
      if (enriched) outcomes = enriched.next().value as StepOutcome[] | null;
      else {
        const episode = load(id);
        outcomes = episode ? enrichEpisode(episode, steps).outcomes : null;
      }
      const { episode, hash } = merged.get(id) ?? { episode: null, hash: null };
      merged.delete(id);
      if (!outcomes || !episode || hash === null) return;
      library.saveEnrichment(id, hash, outcomes, episode);
      results.push({ id, outcomes: outcomes.map(summarize) });
    });
  } finally {
    pool.close();
  }
  options.onProgress?.(todo.length, todo.length, '');
  return results;
}

function summarize(o: StepOutcome): EnrichResult['outcomes'][number] {
  return o.patch ? { step: o.step, status: 'done' } : { step: o.step, status: 'skipped', reason: o.reason ?? 'skipped' };
}

/**
 * Like enrichLibrary, then, when an OpenAI-compatible endpoint is configured (PODSIFT_LLM_URL…), rewrites chapter
 * and moment titles and summaries with it. The rewrite never fails enrichment: on any error the extractive text
 * stays and the outcome records why.
 */
export async function enrichLibraryWithLlm(
  library: Library,
  ids: string[] | 'stale',
  options: { steps?: readonly EnrichStep[]; onProgress?: (done: number, total: number, id: string) => void; llm?: LlmConfig | null; fetchImpl?: typeof fetch } = {},
): Promise<EnrichResult[]> {
  const llm = options.llm === undefined ? llmConfigFromEnv(process.env) : options.llm;
  if (!llm) return enrichLibrary(library, ids, options);
  const steps = options.steps ?? registered;
  const todo = ids === 'stale' ? library.staleEnrichment(stepVersions(steps)) : ids;
  const results: EnrichResult[] = [];
  for (const [i, id] of todo.entries()) {
    options.onProgress?.(i, todo.length, id);
    const merged = library.getMergedEpisode(id);
    const hash = library.contentHash(id);
    if (!merged || hash === null) continue;
    const { episode, outcomes } = enrichEpisode(merged, steps);
    const rewrite = await rewriteWithLlm(episode, llm, options.fetchImpl);
    const llmOutcome: StepOutcome = rewrite.error
      ? { step: LLM_STEP, version: 1, patch: null, reason: rewrite.error }
      : { step: LLM_STEP, version: 1, patch: rewrite.patch };
    library.saveEnrichment(id, hash, [...outcomes, llmOutcome]);
    results.push({ id, outcomes: [...outcomes, llmOutcome].map(summarize) });
  }
  options.onProgress?.(todo.length, todo.length, '');
  return results;
}
