import type { Episode, Turn } from '../model/episode.js';
import { bestTranscript } from '../model/merge.js';
import type { EnrichmentPatch } from './step.js';

/**
 * Applies a step's patch to an episode, returning a new episode. Given chapters are never replaced by derived
 * ones; the best transcript is chosen again, since attributed speakers and aligned times can change which is best.
 */
export function applyPatch(episode: Episode, patch: EnrichmentPatch): Episode {
  const next: Episode = { ...episode };
  if (patch.chapters && !episode.chapters.some((c) => c.origin === 'given')) next.chapters = patch.chapters;
  if (patch.speakers) next.speakers = patch.speakers;
  if (patch.moments) next.moments = patch.moments;
  if (patch.insights) next.insights = patch.insights;
  if (patch.mentions) next.mentions = patch.mentions;
  if (patch.ads) next.ads = patch.ads;
  if (patch.corrections) next.corrections = patch.corrections;
  if (patch.transcripts?.length) {
    next.transcripts = episode.transcripts.map((t) => {
      const mine = patch.transcripts!.filter((p) => p.source === t.source);
      if (mine.length === 0) return t;
      const replaced = [...mine].reverse().find((p) => p.replace)?.replace;
      const changes = mine.flatMap((p) => p.turns ?? []);
      const turns: Turn[] = (replaced ?? t.turns).slice();
      for (const change of changes) {
        const turn = turns[change.index];
        if (!turn) continue;
        const { index: _index, ...fields } = change;
        turns[change.index] = { ...turn, ...fields };
      }
      return { source: t.source, turns };
    });
    next.turns = bestTranscript(next.transcripts)?.turns ?? [];
  }
  return next;
}
