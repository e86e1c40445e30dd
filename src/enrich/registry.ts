// Every enrichment step, in the order they run: each sees what the steps before it added.
// Adding a step is one file in this folder plus one line here.
import type { EnrichStep } from './step.js';

export const steps: readonly EnrichStep[] = [];
