// The episode's player: a YouTube embed (youtube-nocookie) when the YouTube id is known, an <audio> element for a
// media URL, else nothing. It seeks when asked and reports the time while playing.
// The YouTube embed is not loaded when the page opens: an iframe from youtube-nocookie.com still tells YouTube who
// watches what, and offline it is a broken grey box. A placeholder of the same size stands in until the reader
// asks to play (its button, or any time in the page), so opening an episode makes no request beyond this server.
// Once loaded, the embed is driven by the IFrame API's postMessage protocol, with no script loaded from YouTube:
// until the embed answers, a seek reloads it with `start=`.
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
  let at = Math.max(0, start);
  let iframe: HTMLIFrameElement | null = null;
  let ready = false;
  let poll: ReturnType<typeof setInterval> | undefined;
  const post = (message: object) => iframe?.contentWindow?.postMessage(JSON.stringify(message), 'https://www.youtube-nocookie.com');
  const listen = () => {
    clearInterval(poll);
    let tries = 0;
    poll = setInterval(() => {
      if (ready || ++tries > 20) return clearInterval(poll);
      post({ event: 'listening', id: 1, channel: 'widget' });
    }, 500);
  };

  // Spaces between the parts, so the button's accessible name reads as words, not "YouTubefrom 1:20".
  const when = h('span', { class: 'yt-when' }, `from ${clock(at)}`);
  const button = h(
    'button',
    { type: 'button', class: 'yt-play', onclick: () => load(at, true) },
    h('span', { class: 'yt-icon', 'aria-hidden': 'true' }),
    ' ',
    h('span', { class: 'yt-title' }, 'Play on YouTube'),
    ' ',
    when,
    ' ',
    h('span', { class: 'yt-note' }, '(loads youtube-nocookie.com)'),
  );
  const element = h('div', { class: 'player-frame' }, h('div', { class: 'yt-facade' }, button));

  const load = (seconds: number, autoplay: boolean) => {
    const hadFocus = document.activeElement === button;
    iframe = h('iframe', {
      src: youtubeEmbedUrl(id, seconds, autoplay),
      title: 'YouTube video player',
      allow: 'autoplay; encrypted-media; picture-in-picture; fullscreen',
      referrerpolicy: 'strict-origin-when-cross-origin',
      sandbox: 'allow-scripts allow-same-origin allow-presentation allow-popups allow-popups-to-escape-sandbox',
    });
    iframe.addEventListener('load', listen);
    element.replaceChildren(iframe);
    // The button is gone: a keyboard user continues in the player rather than at the top of the page. A seek from
    // elsewhere (a timestamp) leaves focus where the reader is.
    if (hadFocus) iframe.focus();
  };

  const onMessage = (event: MessageEvent) => {
    if (!iframe || !YOUTUBE_ORIGINS.has(event.origin) || event.source !== iframe.contentWindow || typeof event.data !== 'string') return;
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
    element,
    seek(seconds, play = true) {
      if (!iframe) {
        at = Math.max(0, seconds);
        if (play) load(at, true);
        else when.textContent = `from ${clock(at)}`;
      } else if (ready) {
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
