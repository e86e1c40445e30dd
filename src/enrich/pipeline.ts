import type { Episode, EnrichmentStatus } from '../model/episode.js';
import { applyPatch } from './apply.js';
import { steps as registered } from './registry.js';
import type { EnrichmentPatch, EnrichStep } from './step.js';

export interface StepOutcome {
  step: string;
  version: number;
  /** The step's additions, or null when it was skipped. */
  patch: EnrichmentPatch | null;
  reason?: string;
}

/**
 * Runs the steps over an episode in order, each seeing the additions of the ones before. A step that cannot run
 * is skipped with its reason; a step that throws is recorded as skipped with the error, never failing the episode.
 */
export function enrichEpisode(episode: Episode, steps: readonly EnrichStep[] = registered): { episode: Episode; outcomes: StepOutcome[] } {
  let current = episode;
  const outcomes: StepOutcome[] = [];
  for (const step of steps) {
    const reason = step.skip(current);
    if (reason !== null) {
      outcomes.push({ step: step.id, version: step.version, patch: null, reason });
      continue;
    }
    try {
      const patch = step.run(current);
      current = applyPatch(current, patch);
      outcomes.push({ step: step.id, version: step.version, patch });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      outcomes.push({ step: step.id, version: step.version, patch: null, reason: `failed: ${message}` });
    }
  }
  return { episode: withStatus(current, outcomes), outcomes };
}

/** Re-applies stored outcomes (in step order) to a freshly merged episode, as the library does when reading. */
export function applyOutcomes(episode: Episode, outcomes: readonly StepOutcome[]): Episode {
  let current = episode;
  for (const outcome of outcomes) if (outcome.patch) current = applyPatch(current, outcome.patch);
  return withStatus(current, outcomes);
}

function withStatus(episode: Episode, outcomes: readonly StepOutcome[]): Episode {
  const enrichment: EnrichmentStatus[] = outcomes.map((o) =>
    o.patch ? { step: o.step, status: 'done' } : { step: o.step, status: 'skipped', reason: o.reason ?? 'skipped' },
  );
  return { ...episode, enrichment };
}
