// Enrichment step "chapters": derive chapters with titles for episodes without given ones.
import type { EnrichStep } from './step.js';

export const chaptersStep: EnrichStep = {
  id: 'chapters',
  version: 0,
  skip: () => 'not written yet',
  run: () => ({}),
};
