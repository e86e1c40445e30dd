// Enrichment step "mentions": people, organizations, products, books, films, places and concepts mentioned, with times.
import type { EnrichStep } from './step.js';

export const mentionsStep: EnrichStep = {
  id: 'mentions',
  version: 0,
  skip: () => 'not written yet',
  run: () => ({}),
};
