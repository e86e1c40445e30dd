import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Episode, Mention, Turn } from '../../src/model/episode.js';
import { mentionsStep } from '../../src/enrich/mentions.js';
import { soundsAlike } from '../../src/enrich/entities-similar.js';
import { enrichEpisode } from '../../src/enrich/pipeline.js';

/** An episode with the given turns (10 s each, in order) and metadata. */
function episode(lines: (string | [string | null, string])[], meta: Partial<Episode> = {}): Episode {
  const turns: Turn[] = lines.map((line, i) => {
    const [speaker, text] = typeof line === 'string' ? [null, line] : line;
    return { speaker, start: i * 10, end: i * 10 + 10, timing: 'exact', text };
  });
  return {
    id: 'e1', show: null, number: null, title: null, guests: [], published: null, youtubeId: null, mediaUrl: null,
    duration: null, language: 'en', sourceUrls: [], description: null, sources: [], speakers: [], chapters: [], turns,
    transcripts: turns.length ? [{ source: 'a.vtt', turns }] : [], highlights: [], insights: [], sections: [], mentions: [],
    questions: [], overview: null, moments: [], ads: [], corrections: [], enrichment: [],
    ...meta,
  };
}

function run(e: Episode): { mentions: Mention[]; corrections: { heard: string; meant: string; times: number[] }[] } {
  assert.equal(mentionsStep.skip(e), null);
  const patch = mentionsStep.run(e);
  return { mentions: patch.mentions ?? [], corrections: patch.corrections ?? [] };
}

const named = (mentions: Mention[], name: string): Mention | undefined => mentions.find((m) => m.name === name);
const names = (mentions: Mention[]): string[] => mentions.map((m) => m.name ?? '');

describe('mentions: finding what an episode mentions', () => {
  it('finds people, organizations and books, with every time each is mentioned', () => {
    const { mentions } = run(
      episode([
        'We started by talking about how Orla Brandvik founded Quillbase in a garage.',
        'She told me the book Silent Rivers changed how she thought about teams.',
        'Later on, engineers at Quillbase rewrote the whole thing in a weekend.',
        'I think Orla Brandvik said it best: ship it, then fix it.',
      ]),
    );
    const person = named(mentions, 'Orla Brandvik');
    assert.ok(person, `people found: ${names(mentions).join(', ')}`);
    assert.equal(person.kind, 'person');
    assert.equal(person.times?.length, 2);
    assert.ok(person.times![0]! < 10 && person.times![1]! >= 30, `times ${person.times}`);
    const org = named(mentions, 'Quillbase');
    assert.equal(org?.kind, 'organization');
    assert.equal(org?.times?.length, 2);
    assert.equal(named(mentions, 'Silent Rivers')?.kind, 'book');
  });

  it('times a mention inside a long turn by where in the turn it is said', () => {
    const text = `${'and then we kept talking about nothing much '.repeat(20)}until Kestrel Dynamics came up.`;
    const e = episode([text]);
    e.turns[0]!.end = 100;
    const m = named(run(e).mentions, 'Kestrel Dynamics');
    assert.ok(m && m.times![0]! > 80, `time ${m?.times}`);
  });

  it('knows widely known entities by their canonical names', () => {
    const { mentions } = run(episode(['My friend worked at Open AI before it was famous.', 'Then he joined Open AI again and moved to the US.']));
    assert.ok(named(mentions, 'OpenAI'), names(mentions).join(', '));
    assert.equal(named(mentions, 'OpenAI')?.kind, 'organization');
    assert.equal(named(mentions, 'United States')?.kind, 'place');
  });

  it('finds names in a highlights-only episode, at the highlights\' times', () => {
    const e = episode([]);
    e.highlights = [{ start: 95, end: 120, text: 'The team at Harrowgate Labs built it in Lisbon.', origin: 'snipd' }];
    const { mentions } = run(e);
    const times = named(mentions, 'Harrowgate Labs')?.times ?? [];
    assert.ok(times.length === 1 && times[0]! >= 95 && times[0]! < 120, `times ${times}`);
  });
});

describe('mentions: one entity, one name', () => {
  it('merges a full name with its given name and surname alone', () => {
    const { mentions } = run(
      episode([
        'I spent a week with Marta Quellhorst last spring.',
        'Quellhorst has a theory about cities that I love.',
        'And Marta is right about most of it, I think.',
      ]),
    );
    const m = named(mentions, 'Marta Quellhorst');
    assert.ok(m, names(mentions).join(', '));
    assert.deepEqual(m.times?.map((t) => Math.floor(t / 10)), [0, 1, 2], 'one time in each turn');
    assert.deepEqual(new Set(m.variants), new Set(['Quellhorst', 'Marta']));
    assert.equal(named(mentions, 'Quellhorst'), undefined);
    assert.equal(named(mentions, 'Marta'), undefined);
  });

  it('names a possessive by its owner', () => {
    const { mentions } = run(episode(["I read Brennick's essays, and then I met Brennick himself."]));
    assert.deepEqual(names(mentions), ['Brennick']);
  });
});

describe('mentions: mishearings of names the episode spells elsewhere', () => {
  it('corrects a misheard surname against the title and guest, and keeps it as a variant', () => {
    const e = episode(
      [
        'Here is my conversation with Dana Sorbek, who runs a robotics lab.',
        'So Sorbek, I mean Dana, built her first robot at nine.',
        'Dana Zorbek is also a wonderful writer.',
      ],
      { title: 'Dana Zorbek: Robots, Writing and Patience', guests: ['Dana Zorbek'] },
    );
    const { mentions, corrections } = run(e);
    assert.deepEqual(corrections.map((c) => [c.heard, c.meant]), [['Sorbek', 'Zorbek']]);
    assert.deepEqual(corrections[0]!.times.map((t) => Math.floor(t / 10)), [0, 1]);
    const guest = named(mentions, 'Dana Zorbek');
    assert.ok(guest?.variants?.includes('Sorbek') || guest?.variants?.includes('Dana Sorbek'), JSON.stringify(guest));
    assert.equal(guest?.kind, 'person');
    assert.equal(named(mentions, 'Dana Sorbek'), undefined);
  });

  it('corrects the host misheard in the show name', () => {
    const e = episode(['Welcome to the Mira Castellanno Show, I am your host.', 'Today Teodor Vance joins us.'], { show: 'Mira Castellano Show' });
    const { corrections, mentions } = run(e);
    assert.deepEqual(corrections.map((c) => [c.heard, c.meant]), [['Castellanno', 'Castellano']]);
    assert.equal(named(mentions, 'Mira Castellano'), undefined, 'the show is not a mention of itself');
  });

  it('reads another transcript of the episode for mishearings only', () => {
    const best: Turn[] = [{ speaker: null, start: 0, end: 10, timing: 'exact', text: 'A conversation with Piotr Wachowiak about compilers.' }];
    const raw: Turn[] = [{ speaker: null, start: 0, end: 10, timing: 'estimated', text: 'A conversation with Piotr Vachowiak about compilers.' }];
    const e = episode([], { title: 'Piotr Wachowiak: Compilers', guests: ['Piotr Wachowiak'], turns: best, transcripts: [{ source: 'best.vtt', turns: best }, { source: 'raw.txt', turns: raw }] });
    const { mentions, corrections } = run(e);
    assert.deepEqual(corrections.map((c) => [c.heard, c.meant]), [['Vachowiak', 'Wachowiak']]);
    assert.ok(named(mentions, 'Piotr Wachowiak')?.variants?.includes('Vachowiak'));
  });

  it('tells a mishearing from a different name', () => {
    assert.equal(soundsAlike('Saramba', 'Zaremba'), true);
    assert.equal(soundsAlike('Friedman', 'Fridman'), true);
    assert.equal(soundsAlike('Martin', 'Marvin'), false);
    assert.equal(soundsAlike('Austria', 'Australia'), false);
  });
});

describe('mentions: noise', () => {
  it('drops sentence-initial capitals, address, pronouns, days, months, peoples and generic acronyms', () => {
    const e = episode(
      [
        ['Lex', 'Absolutely. Because I think the AI thing is overrated. Lex, what do you think?'],
        ['Ines Ardoy', 'Lex, I met the Chinese delegation on Monday in March. Thank you, Lex.'],
        ['Lex', 'Interesting. Yeah. Ines, tell me about Valmora Robotics.'],
      ],
      { speakers: [{ name: 'Lex', role: 'host' }, { name: 'Ines Ardoy', role: 'guest' }], guests: ['Ines Ardoy'] },
    );
    const { mentions } = run(e);
    assert.deepEqual(names(mentions), ['Valmora Robotics']);
  });

  it('leaves sponsor reads and calls to action out', () => {
    const e = episode([
      'This episode is brought to you by Zentrova, the best socks.',
      'If you enjoy this, subscribe on YouTube and support it on Patreon.',
      'Now, back to Harlan Okafor and his ideas.',
    ]);
    e.ads = [{ start: 0, end: 10, sponsor: 'Zentrova' }];
    assert.deepEqual(names(run(e).mentions), ['Harlan Okafor']);
  });

  it('keeps the summary\'s own mentions and gives them times when the transcript has them', () => {
    const e = episode(['We watched Glass Orchard twice.']);
    e.mentions = [{ name: 'Glass Orchard', description: 'A film about memory.' }, { name: null, description: 'A book with no name.' }];
    const { mentions } = run(e);
    assert.deepEqual({ ...mentions[0], times: mentions[0]!.times?.length }, { name: 'Glass Orchard', description: 'A film about memory.', kind: 'film', times: 1 });
    assert.deepEqual(mentions[1], { name: null, description: 'A book with no name.' });
  });
});

describe('mentions: odd input never throws', () => {
  it('skips an episode without text, with a reason', () => {
    assert.equal(mentionsStep.skip(episode([])), 'no transcript');
    assert.equal(mentionsStep.skip(episode(['   '])), 'no transcript');
  });

  it('skips a transcript in another script', () => {
    assert.match(mentionsStep.skip(episode(['我们今天讨论人工智能和火星。', '特斯拉和SpaceX的未来。'])) ?? '', /Latin/);
  });

  it('handles one turn, one word, punctuation only and a 200 KB sentence', () => {
    assert.deepEqual(run(episode(['Hello'])).mentions, []);
    assert.equal(mentionsStep.skip(episode(['... !!! ,,, —'])), 'no words in the transcript');
    const long = `${'we talked about Corvane Labs and the river and the hills and '.repeat(3400)}that was it`;
    assert.ok(long.length > 200_000);
    const started = performance.now();
    const { mentions } = run(episode([long]));
    assert.ok(performance.now() - started < 5000);
    const times = named(mentions, 'Corvane Labs')?.times ?? [];
    assert.ok(times.length >= 1 && times.length <= 11 && new Set(times).size === times.length, 'a 10 s turn: whole seconds, once each');
  });

  it('reads a transcript that stops right after a name and a connector ("… at Quillbase of")', () => {
    assert.ok(names(run(episode(['We talked with people at Quillbase and Quillbase of'])).mentions).includes('Quillbase'));
  });

  it('runs in the pipeline after the steps before it', () => {
    const { outcomes } = enrichEpisode(episode(['I met Sela Morrow at Brightwater University.']));
    const outcome = outcomes.find((o) => o.step === 'mentions');
    assert.ok(outcome?.patch, outcome?.reason);
    assert.ok(names(outcome.patch.mentions ?? []).includes('Sela Morrow'));
  });
});
