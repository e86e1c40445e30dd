import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { guestsFromTitle, parseEpisodeTitle } from '../../src/formats/episode-title.js';

describe('parseEpisodeTitle', () => {
  it('reads "Guest: Topics | Show #N"', () => {
    assert.deepEqual(parseEpisodeTitle('Wojciech Zaremba: OpenAI Codex, GPT-3, Robotics, and the Future of AI | Lex Fridman Podcast #215'), {
      title: 'Wojciech Zaremba: OpenAI Codex, GPT-3, Robotics, and the Future of AI',
      show: 'Lex Fridman Podcast',
      number: 215,
      guests: ['Wojciech Zaremba'],
    });
  });

  it('drops page decorations: "Transcript for …", a trailing " - Site"', () => {
    const parts = parseEpisodeTitle('Transcript for Elon Musk: War, AI, Aliens | Lex Fridman Podcast #400 - Lex Fridman');
    assert.equal(parts.title, 'Elon Musk: War, AI, Aliens');
    assert.equal(parts.show, 'Lex Fridman Podcast');
    assert.equal(parts.number, 400);
    assert.deepEqual(parts.guests, ['Elon Musk']);
  });

  it('reads a leading number with the show from a hint: "#333 – Guest — Topics (highlights)"', () => {
    const parts = parseEpisodeTitle('"\\#333 – Andrej Karpathy —  Tesla AI, Self-Driving (highlights)"', 'Lex Fridman Podcast');
    assert.equal(parts.number, 333);
    assert.equal(parts.show, 'Lex Fridman Podcast');
    assert.equal(parts.title, 'Andrej Karpathy — Tesla AI, Self-Driving');
    assert.deepEqual(parts.guests, ['Andrej Karpathy']);
  });

  it('reads "Show Ep. 12: Title" when the hint names the show', () => {
    const parts = parseEpisodeTitle('The Tinkering Hour Ep. 12: Solder and Patience', 'The Tinkering Hour');
    assert.equal(parts.number, 12);
    assert.equal(parts.title, 'Solder and Patience');
  });

  it('reads "Show #N – Title" and "Show Episode N: Title" without a hint when the show reads like a name', () => {
    assert.deepEqual(parseEpisodeTitle('Low Tide #12 – Kelp Forests'), { title: 'Kelp Forests', show: 'Low Tide', number: 12 });
    assert.deepEqual(parseEpisodeTitle('Garden Talk Episode 12: Compost, Worms and Winter Beds'), {
      title: 'Compost, Worms and Winter Beds',
      show: 'Garden Talk',
      number: 12,
    });
    assert.deepEqual(parseEpisodeTitle('why we sleep episode 3: dreams'), { title: 'why we sleep episode 3: dreams' });
  });

  it('takes one capitalised word as the guest only in the guest slot of "Guest: Topics | Show #N"', () => {
    assert.deepEqual(parseEpisodeTitle('RZA: Wu-Tang Clan, Kung Fu, Chess, God, Life, and Death | Lex Fridman Podcast #228').guests, ['RZA']);
    assert.deepEqual(parseEpisodeTitle('Grimes: Music, AI, and the Future of Humanity | Lex Fridman Podcast #281').guests, ['Grimes']);
    assert.equal(parseEpisodeTitle('AI: the future').guests, undefined);
    assert.equal(parseEpisodeTitle('Consciousness: what it is').guests, undefined);
  });

  it('gives first names the surname that follows them: "Luís and João Batalha"', () => {
    const parts = parseEpisodeTitle("Luís and João Batalha: Fermat's Library and the Art of Studying Papers | Lex Fridman Podcast #209");
    assert.deepEqual(parts.guests, ['Luís Batalha', 'João Batalha']);
    assert.equal(parts.number, 209);
  });

  it('leaves a plain title alone', () => {
    assert.deepEqual(parseEpisodeTitle('How bridges stand up'), { title: 'How bridges stand up' });
  });
});

describe('guestsFromTitle', () => {
  it('finds one or several names before a colon or dash', () => {
    assert.deepEqual(guestsFromTitle('Jim Keller & Lisa Su: Chips'), ['Jim Keller', 'Lisa Su']);
    assert.deepEqual(guestsFromTitle('Ludwig van Beethoven — Music'), ['Ludwig van Beethoven']);
  });

  it('does not mistake a topic for a name', () => {
    assert.deepEqual(guestsFromTitle('AI: the future'), []);
    assert.deepEqual(guestsFromTitle('Part 2: The return'), []);
    assert.deepEqual(guestsFromTitle('Why the economy works: a primer'), []);
  });
});
