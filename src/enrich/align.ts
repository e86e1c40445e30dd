// Enrichment step "align": give untimed transcripts the times of a timed transcript of the same episode.
import type { EnrichStep } from './step.js';

export const alignStep: EnrichStep = {
  id: 'align',
  version: 0,
  skip: () => 'not written yet',
  run: () => ({}),
};
