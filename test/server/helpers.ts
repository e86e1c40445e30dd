// A real library for server and browser tests: a SQLite file in a temp folder holding the bundled samples, a
// long generated episode (paging), and a hostile episode whose every string is markup (put in through the store,
// as a reader bug or a tampered database would: the readers themselves strip markup).
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EpisodeFragment } from '../../src/model/episode.js';
import { addFiles } from '../../src/ingest/add-files.js';
import { openLibrary } from '../../src/store/open.js';
import type { Library } from '../../src/store/library.js';
import { startServer, type RunningServer } from '../../src/server/serve.js';
import type { AppOptions } from '../../src/server/app.js';

export const SAMPLES = new URL('../../samples/', import.meta.url).pathname;

/** Strings that would run script or make elements if any of them reached the DOM as HTML. */
export const EVIL = {
  script: '<script>window.__pwned = "script"</script>',
  img: '<img src=x onerror="window.__pwned=\'img\'">',
  svg: '<svg onload="window.__pwned=\'svg\'"></svg>',
  link: '[click me](javascript:window.__pwned=\'md\')',
  markdown: '**bold** _em_ # heading `code` ![x](javascript:alert(1))',
  iframe: '<iframe src="javascript:window.__pwned=\'iframe\'"></iframe>',
};
export const EVIL_TEXT = Object.values(EVIL).join(' ');

export function evilFragment(): EpisodeFragment {
  return {
    meta: {
      show: `Evil Show ${EVIL.img}`,
      number: 666,
      title: `Hostile ${EVIL.script} ${EVIL.svg}`,
      guests: [`Guest ${EVIL.img}`],
      mediaUrl: "javascript:window.__pwned='media'",
      description: EVIL_TEXT,
    },
    speakers: [{ name: `Eve ${EVIL.iframe}` }],
    transcript: {
      turns: [
        { speaker: `Eve ${EVIL.iframe}`, start: 0, end: 5, timing: 'exact', text: `Zebrafish talk begins. ${EVIL_TEXT}` },
        { speaker: 'Mallory', start: 5, end: 10, timing: 'exact', text: `Second turn about zebrafish ${EVIL.link}`, translations: [{ lang: 'x"><img src=x onerror=alert(1)>', text: EVIL.img }] },
      ],
    },
    chapters: [{ title: `Chapter ${EVIL.script}`, start: 0, origin: 'given' }],
    highlights: [{ start: 1, end: 4, title: `Imported ${EVIL.img}`, summary: EVIL.markdown, text: `Quote ${EVIL.script}`, note: EVIL.link, origin: `app ${EVIL.svg}`, url: "javascript:window.__pwned='url'" }],
    summary: {
      overview: `Overview ${EVIL.img}`,
      insights: [{ text: `Insight ${EVIL.script}`, start: 2 }],
      sections: [{ title: `Section ${EVIL.svg}`, text: EVIL.markdown }],
      mentions: [{ name: `Name ${EVIL.img}`, kind: 'person', description: EVIL.link, times: [3] }],
      questions: [{ question: `Why ${EVIL.script}?`, answer: EVIL.iframe }],
    },
  };
}

/** A long episode: `turns` turns of about 40 words, three chapters, a YouTube id. */
export function longFragment(turns: number): EpisodeFragment {
  const words = 'the river carries sand and silt downstream while the old channel remembers where the water used to run every spring'.split(' ');
  return {
    meta: { show: 'Long Talks', number: 1, title: 'A very long conversation', youtubeId: 'LongTalk001', guests: ['Pat'] },
    transcript: {
      turns: Array.from({ length: turns }, (_, i) => ({
        speaker: i % 3 === 0 ? 'Host' : 'Pat',
        start: i * 4,
        end: i * 4 + 4,
        timing: 'exact' as const,
        text: `Turn ${i}: ${Array.from({ length: 40 }, (_, k) => words[(i + k) % words.length]).join(' ')}.`,
      })),
    },
    chapters: [
      { title: 'Opening', start: 0, origin: 'given' },
      { title: 'The middle part', start: Math.floor(turns / 2) * 4, origin: 'given' },
      { title: 'Closing thoughts', start: (turns - 10) * 4, origin: 'given' },
    ],
  };
}

/** A quiet mono WAV of `seconds` (8 kHz, 8-bit): a real media file for the <audio> player. */
export function silentWav(seconds: number): Buffer {
  const rate = 8000;
  const samples = rate * seconds;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + samples, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate, 28);
  header.writeUInt16LE(1, 32);
  header.writeUInt16LE(8, 34);
  header.write('data', 36);
  header.writeUInt32LE(samples, 40);
  return Buffer.concat([header, Buffer.alloc(samples, 128)]);
}

/** An episode with a media URL and a turn every 2 seconds. */
export function audioFragment(mediaUrl: string, seconds: number): EpisodeFragment {
  return {
    meta: { show: 'Audio Hour', number: 1, title: 'Listening to silence', mediaUrl },
    transcript: {
      turns: Array.from({ length: seconds / 2 }, (_, i) => ({ speaker: i % 2 ? 'Ann' : 'Bo', start: i * 2, end: i * 2 + 2, timing: 'exact' as const, text: `Second ${i * 2} of the quiet recording, line ${i}.` })),
    },
  };
}

export function addFragment(library: Library, path: string, fragment: EpisodeFragment, format = 'test'): string {
  const hash = createHash('sha256').update(JSON.stringify(fragment)).digest('hex');
  return library.addSource({ path, hash, size: 1, format, fragment }).episodeId;
}

/** Enrichment as the pipeline would store it (a place mentioned twice, a key moment, an insight), independent of
 * how good the real steps are at finding them. */
export function seedEnrichment(library: Library): void {
  const hash = library.contentHash('field-notes-3')!;
  library.saveEnrichment('field-notes-3', hash, [
    {
      step: 'test-seed',
      version: 1,
      patch: {
        mentions: [{ name: 'Weirbeck', kind: 'place', description: 'A town downstream', times: [99, 142] }],
        moments: [{ title: 'The street that flooded', summary: 'Mill Lane follows an old river channel.', quote: 'has a street called Mill Lane', start: 99, end: 126, speaker: 'Lena Brandt' }],
        insights: [{ text: 'Rivers go back to their old channels in floods.', start: 47 }],
      },
    },
  ]);
}

export interface Fixture {
  dir: string;
  library: Library;
  server: RunningServer;
  url: string;
  /** Ids of the added test episodes. */
  ids: { evil?: string; long?: string };
  close(): Promise<void>;
}

/** A temp library with the samples (and optionally the hostile and long episodes), served on 127.0.0.1:0. */
export async function fixture(options: { evil?: boolean; long?: number; app?: Partial<AppOptions> } = {}): Promise<Fixture> {
  const dir = mkdtempSync(join(tmpdir(), 'podsift-server-'));
  const library = openLibrary(join(dir, 'library.db'));
  const results = addFiles(library, [SAMPLES]);
  if (results.some((r) => !r.ok)) throw new Error(`samples failed: ${JSON.stringify(results.filter((r) => !r.ok))}`);
  seedEnrichment(library);
  const ids: Fixture['ids'] = {};
  if (options.evil) ids.evil = addFragment(library, join(dir, 'evil.json'), evilFragment());
  if (options.long) ids.long = addFragment(library, join(dir, 'long.json'), longFragment(options.long));
  const server = await startServer({ library, port: 0, enrichUploads: false, log: () => undefined, ...options.app });
  return {
    dir,
    library,
    server,
    ids,
    url: server.url.replace(/\/$/, ''),
    async close() {
      await server.close();
      library.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function json(response: Response): Promise<any> {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`not JSON (${response.status}): ${text.slice(0, 200)}`);
  }
}
