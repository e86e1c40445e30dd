import type { Episode } from './episode.js';

/**
 * A link that plays the episode at `seconds`: YouTube when its id is known, else the media URL with a
 * media-fragment time (`#t=`), else null.
 */
export function momentLink(episode: Pick<Episode, 'youtubeId' | 'mediaUrl'>, seconds: number): string | null {
  const t = Math.max(0, Math.floor(seconds));
  if (episode.youtubeId) return `https://youtube.com/watch?v=${encodeURIComponent(episode.youtubeId)}&t=${t}`;
  if (episode.mediaUrl && /^https?:\/\//i.test(episode.mediaUrl)) return `${episode.mediaUrl.replace(/#.*$/, '')}#t=${t}`;
  return null;
}
