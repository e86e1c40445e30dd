// Keyphrases and titles: what a passage is about, against the rest of the episode as background.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keyphrases, keyphrasesOf, termStats, titleFrom, tokenStream } from '../../src/enrich/keyphrases.js';

const NETWORKS =
  'So neural networks learn from data. The data engine at Tesla feeds the neural networks. When the neural networks fail, the data engine collects more data. I think neural networks are basically a new kind of software.';
const MARS =
  'Getting humans to Mars is hard. The rocket has to land on Mars and take off again. Elon Musk thinks Mars needs a million people. Mars is cold and the rocket is big.';

test('keyphrases favour repeated phrases of the passage over words common to the episode', () => {
  const background = termStats([NETWORKS, MARS, 'People think about things a lot.']);
  const top = keyphrases(NETWORKS, { background, max: 3 }).map((k) => k.phrase);
  assert.equal(top[0], 'neural networks');
  assert.ok(top.includes('data engine'));
});

test('titles read as names: nouns only, names keep their capitals, no phrase twice', () => {
  const [networks, mars] = keyphrasesOf([NETWORKS, MARS], { max: 2, nouns: true });
  assert.equal(titleFrom(networks!), 'Neural networks and data engine');
  assert.match(titleFrom(mars!), /Mars/);
  assert.equal(titleFrom([]), '');
});

test('the token stream splits like words() and marks punctuation breaks and text starts', () => {
  const stream = tokenStream(['Hello, World', "it's Zürich"]);
  const { tokens } = stream;
  assert.deepEqual([...tokens.word].map((w) => tokens.words[w]), ['hello', 'world', 'it', 's', 'zurich']);
  assert.deepEqual([...stream.breakBefore], [1, 1, 1, 0, 0]);
  assert.deepEqual([...tokens.capital], [1, 1, 0, 0, 1]);
  assert.deepEqual([...stream.starts], [0, 2, 5]);
});

test('empty and odd texts give no phrases and do not throw', () => {
  assert.deepEqual(keyphrases(''), []);
  assert.deepEqual(keyphrases('... !!! ???'), []);
  assert.doesNotThrow(() => keyphrases('word '.repeat(50_000), { nouns: true }));
});
