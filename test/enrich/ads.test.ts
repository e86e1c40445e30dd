// The ads step: sponsor reads and ad breaks, found by the language of sponsor reads rather than by sponsor names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Episode, Turn } from '../../src/model/episode.js';
import { adsStep, sponsorOf } from '../../src/enrich/ads.js';

function episodeOf(turns: Turn[]): Episode {
  return {
    id: 'test', show: null, number: null, title: null, guests: [], published: null, youtubeId: null, mediaUrl: null,
    duration: turns.at(-1)?.end ?? null, language: 'en', sourceUrls: [], description: null, sources: [], speakers: [],
    chapters: [], turns, transcripts: [{ source: 'test.vtt', turns }], highlights: [], insights: [], sections: [],
    mentions: [], questions: [], overview: null, moments: [], ads: [], corrections: [], enrichment: [],
  };
}

/** One turn per sentence, each as long as its words take at 2.9 words a second. */
function timed(lines: string[], speaker: string | null = null, from = 0): Turn[] {
  let t = from;
  return lines.map((text) => {
    const start = t;
    t += Math.max(1, text.split(' ').length / 2.9);
    return { speaker, start, end: t, timing: 'exact', text };
  });
}

const TALK = [
  'I grew up in a small town and spent most of my time reading about rockets.',
  'What got you into engineering in the first place?',
  'Honestly it was my father, who fixed radios in the garage every weekend.',
  'He would let me solder the wires and I burned my fingers more than once.',
];

const READ = [
  'This episode is brought to you by Acme Widgets, the widget company I have used for years.',
  'Their widgets are sturdy, simple, and they just work, which is all I want from a widget.',
  'I keep one on my desk and one in my bag, and I honestly forget they are there.',
  'Go to acmewidgets.com slash show and use code SHOW to get 20% off your first order.',
  "That's acmewidgets.com slash show.",
];

test('an invented sponsor read is one span from its introducer to its last call to action, with the sponsor named', () => {
  const turns = timed([...TALK, ...READ, ...TALK]);
  const { ads } = adsStep.run(episodeOf(turns));
  assert.equal(ads?.length, 1);
  const [span] = ads!;
  assert.ok(Math.abs(span!.start - turns[TALK.length]!.start) < 0.01);
  assert.ok(Math.abs(span!.end - turns[TALK.length + READ.length - 1]!.end) < 0.01);
  assert.equal(span!.sponsor, 'Acme Widgets');
});

test('ordinary talk that mentions companies, codes and sponsors is not an ad', () => {
  const talk = [
    'I worked at Google for six years, mostly on the search team.',
    'We wrote a lot of code, and the code review culture there was really strong.',
    'Later I joined a startup that built an app for farmers, and we gave it away for free at first.',
    'Athletes get sponsored by shoe brands all the time, and that changes what they wear.',
    'My first order of business was hiring, which is hard anywhere.',
    'People say the discount stores changed retail more than the internet did.',
  ];
  const { ads } = adsStep.run(episodeOf(timed([...talk, ...talk, ...talk], 'Guest')));
  assert.deepEqual(ads, []);
});

test('a one-line plug at the opening is an ad span', () => {
  const turns = timed(['The following is a conversation with a rocket engineer.', 'To support this podcast, please check out our sponsors in the description.', ...TALK]);
  const { ads } = adsStep.run(episodeOf(turns));
  assert.equal(ads?.length, 1);
  assert.ok(Math.abs(ads![0]!.start - turns[1]!.start) < 0.01);
});

test('reads are split per sponsor and named from the introducer, the list, or the URL', () => {
  const turns = timed([
    ...READ,
    'This show is also sponsored by Blue Kettle, a tea subscription.',
    'Try it free for a month at bluekettle.com slash show.',
    ...TALK,
  ]);
  const { ads } = adsStep.run(episodeOf(turns));
  assert.deepEqual(ads?.map((a) => a.sponsor), ['Acme Widgets', 'Blue Kettle']);
  assert.equal(sponsorOf('Thank you to our sponsors, Eight Sleep, SimpliSafe and Cash App.'), 'Eight Sleep, SimpliSafe, Cash App');
  assert.equal(sponsorOf('Visit helixsleep.com slash show, Helix Sleep makes mattresses.'), 'Helix Sleep');
});

test('odd episodes skip or work without throwing', () => {
  assert.equal(adsStep.skip(episodeOf([])), 'no transcript');
  assert.equal(adsStep.skip(episodeOf([{ speaker: null, start: 0, end: 1, timing: 'exact', text: '  ' }])), 'no text');
  assert.deepEqual(adsStep.run(episodeOf(timed(['Hello.']))).ads, []);
  const long = Array.from({ length: 40_000 }, (_, i) => ['use', 'code', 'free', 'words', 'sponsor', 'app'][i % 6]).join(' ');
  assert.doesNotThrow(() => adsStep.run(episodeOf([{ speaker: null, start: 0, end: 14_000, timing: 'estimated', text: long }])));
  const tenHours: Turn[] = [];
  for (let k = 0; k < 600; k++) tenHours.push(...timed([...TALK, ...READ], null, k * 60).map((t) => ({ ...t })));
  const { ads } = adsStep.run(episodeOf(tenHours));
  assert.ok(ads && ads.length > 0);
});
