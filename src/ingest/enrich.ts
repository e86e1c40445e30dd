// The shell around the pure enrichment pipeline: read an episode, enrich it, store what the steps returned.
import { enrichEpisode, type StepOutcome } from '../enrich/pipeline.js';
import { steps as registered } from '../enrich/registry.js';
import type { EnrichStep } from '../enrich/step.js';
import type { Library } from '../store/library.js';

export interface EnrichResult {
  id: string;
  outcomes: { step: string; status: 'done' | 'skipped'; reason?: string }[];
}

export function stepVersions(steps: readonly EnrichStep[] = registered): Record<string, number> {
  return Object.fromEntries(steps.map((s) => [s.id, s.version]));
}

/** Enriches the given episodes (or every stale one), one at a time, each stored in its own transaction. */
export function enrichLibrary(
  library: Library,
  ids: string[] | 'stale',
  options: { steps?: readonly EnrichStep[]; onProgress?: (done: number, total: number, id: string) => void } = {},
): EnrichResult[] {
  const steps = options.steps ?? registered;
  const todo = ids === 'stale' ? library.staleEnrichment(stepVersions(steps)) : ids;
  const results: EnrichResult[] = [];
  todo.forEach((id, i) => {
    options.onProgress?.(i, todo.length, id);
    const episode = library.getMergedEpisode(id);
    const hash = library.contentHash(id);
    if (!episode || hash === null) return;
    const { outcomes } = enrichEpisode(episode, steps);
    library.saveEnrichment(id, hash, outcomes);
    results.push({ id, outcomes: outcomes.map(summarize) });
  });
  options.onProgress?.(todo.length, todo.length, '');
  return results;
}

function summarize(o: StepOutcome): EnrichResult['outcomes'][number] {
  return o.patch ? { step: o.step, status: 'done' } : { step: o.step, status: 'skipped', reason: o.reason ?? 'skipped' };
}
