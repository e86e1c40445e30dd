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
