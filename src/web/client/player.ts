// The episode's player: a YouTube embed (youtube-nocookie) when the YouTube id is known, an <audio> element for a
// media URL, else nothing. It seeks when asked and reports the time while playing.
// The YouTube embed is driven by the IFrame API's postMessage protocol, with no script loaded from YouTube: until
// the embed answers, a seek reloads it with `start=`.
import { h, safeUrl } from './dom.js';
import { clock } from './format.js';

export interface Player {
  kind: 'youtube' | 'audio' | 'none';
  element: HTMLElement;
  /** Plays from `seconds` (autoplay unless `play` is false). */
  seek(seconds: number, play?: boolean): void;
  onTime(listener: (seconds: number) => void): void;
  destroy(): void;
}

const YOUTUBE_ORIGINS = new Set(['https://www.youtube-nocookie.com', 'https://www.youtube.com']);

export function youtubeEmbedUrl(id: string, start: number, autoplay: boolean): string {
  const params = new URLSearchParams({ enablejsapi: '1', rel: '0', playsinline: '1', start: String(Math.max(0, Math.floor(start))), origin: location.origin });
  if (autoplay) params.set('autoplay', '1');
  return `https://www.youtube-nocookie.com/embed/${encodeURIComponent(id)}?${params}`;
}

function youtubePlayer(id: string, start: number): Player {
  const listeners: ((t: number) => void)[] = [];
  const iframe = h('iframe', {
    src: youtubeEmbedUrl(id, start, false),
    title: 'YouTube video player',
    allow: 'autoplay; encrypted-media; picture-in-picture; fullscreen',
    referrerpolicy: 'strict-origin-when-cross-origin',
    sandbox: 'allow-scripts allow-same-origin allow-presentation allow-popups allow-popups-to-escape-sandbox',
    loading: 'lazy',
  });
  let ready = false;
  let poll: ReturnType<typeof setInterval> | undefined;
  const post = (message: object) => iframe.contentWindow?.postMessage(JSON.stringify(message), 'https://www.youtube-nocookie.com');
  const listen = () => {
    clearInterval(poll);
    let tries = 0;
    poll = setInterval(() => {
      if (ready || ++tries > 20) return clearInterval(poll);
      post({ event: 'listening', id: 1, channel: 'widget' });
    }, 500);
  };
  iframe.addEventListener('load', listen);
  const onMessage = (event: MessageEvent) => {
    if (!YOUTUBE_ORIGINS.has(event.origin) || event.source !== iframe.contentWindow || typeof event.data !== 'string') return;
    let data: { event?: string; info?: { currentTime?: unknown } } | null = null;
    try {
      data = JSON.parse(event.data);
    } catch {
      return;
    }
    if (!data || typeof data !== 'object') return;
    ready = true;
    const t = data.info?.currentTime;
    if (data.event === 'infoDelivery' && typeof t === 'number' && Number.isFinite(t)) for (const l of listeners) l(t);
  };
  window.addEventListener('message', onMessage);
  return {
    kind: 'youtube',
    element: h('div', { class: 'player-frame' }, iframe),
    seek(seconds, play = true) {
      if (ready) {
        post({ event: 'command', func: 'seekTo', args: [seconds, true] });
        if (play) post({ event: 'command', func: 'playVideo', args: [] });
      } else {
        iframe.src = youtubeEmbedUrl(id, seconds, play);
      }
      for (const l of listeners) l(seconds);
    },
    onTime(listener) {
      listeners.push(listener);
    },
    destroy() {
      clearInterval(poll);
      window.removeEventListener('message', onMessage);
    },
  };
}

function audioPlayer(src: string, start: number): Player {
  const audio = h('audio', { controls: true, preload: 'metadata', src });
  if (start > 0) audio.addEventListener('loadedmetadata', () => (audio.currentTime = start), { once: true });
  return {
    kind: 'audio',
    element: h('div', { class: 'player-audio' }, audio),
    seek(seconds, play = true) {
      audio.currentTime = seconds;
      if (play) void audio.play().catch(() => undefined);
    },
    onTime(listener) {
      audio.addEventListener('timeupdate', () => listener(audio.currentTime));
    },
    destroy() {
      audio.pause();
    },
  };
}

export function createPlayer(episode: { youtubeId: string | null; mediaUrl: string | null }, start: number): Player {
  if (episode.youtubeId && /^[A-Za-z0-9_-]{6,20}$/.test(episode.youtubeId)) return youtubePlayer(episode.youtubeId, start);
  const media = episode.mediaUrl ? safeUrl(episode.mediaUrl) : null;
  if (media && /^https?:/i.test(media)) return audioPlayer(media, start);
  const note = h('p', { class: 'no-media card' }, 'No player: this episode has no YouTube id or media URL. Times still move the transcript.');
  return { kind: 'none', element: note, seek: () => undefined, onTime: () => undefined, destroy: () => undefined };
}

export function timeLabel(seconds: number, timing?: string): string {
  return `${timing === 'estimated' ? '~' : ''}${clock(seconds)}`;
}
