// Enrichment step "speakers": split transcripts without speakers into turns and attribute host and guest.
import type { EnrichStep } from './step.js';

export const speakersStep: EnrichStep = {
  id: 'speakers',
  version: 0,
  skip: () => 'not written yet',
  run: () => ({}),
};
