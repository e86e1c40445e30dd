// Enrichment step "moments": key moments: title, summary, quote, start and end.
import type { EnrichStep } from './step.js';

export const momentsStep: EnrichStep = {
  id: 'moments',
  version: 0,
  skip: () => 'not written yet',
  run: () => ({}),
};
