// Enrichment step "insights": the episode's main points, each linked to where it is said.
import type { EnrichStep } from './step.js';

export const insightsStep: EnrichStep = {
  id: 'insights',
  version: 0,
  skip: () => 'not written yet',
  run: () => ({}),
};
