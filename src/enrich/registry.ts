// Every enrichment step, in the order they run: each sees what the steps before it added (speakers before
// alignment so aligned turns are speaker turns; ads before anything that must leave ads out).
// Adding a step is one file in this folder plus one line here.
import type { EnrichStep } from './step.js';
import { speakersStep } from './speakers.js';
import { alignStep } from './align.js';
import { adsStep } from './ads.js';
import { chaptersStep } from './chapters.js';
import { mentionsStep } from './mentions.js';
import { momentsStep } from './moments.js';
import { insightsStep } from './insights.js';

export const steps: readonly EnrichStep[] = [speakersStep, alignStep, adsStep, chaptersStep, mentionsStep, momentsStep, insightsStep];
