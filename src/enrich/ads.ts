// Enrichment step "ads": mark sponsor reads and ad breaks.
import type { EnrichStep } from './step.js';

export const adsStep: EnrichStep = {
  id: 'ads',
  version: 0,
  skip: () => 'not written yet',
  run: () => ({}),
};
