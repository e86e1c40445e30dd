// Language and script detection for mixed-language transcripts: scripts decide when they can, franc-min's
// statistics only on text long enough for them, and a line holding an original and its translation is split.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  dominantScript,
  guessLanguage,
  isOtherLanguage,
  mainLanguage,
  splitAtScriptChange,
  type LanguageGuess,
} from '../../src/formats/language.js';

const ENGLISH =
  'The ferry leaves at seven every morning, and by the time it reaches the island the fog has usually lifted. ' +
  'Most of the passengers are workers from the cannery, and they sleep through the whole crossing.';
const SPANISH =
  'El ferry sale a las siete cada mañana, y cuando llega a la isla la niebla normalmente ya se ha levantado. ' +
  'La mayoría de los pasajeros trabajan en la conservera y duermen durante toda la travesía.';
const CHINESE = '渡轮每天早上七点出发,到达岛上时雾通常已经散了。大多数乘客是罐头厂的工人,他们整个航程都在睡觉。';

function guess(text: string): LanguageGuess {
  const g = guessLanguage(text);
  assert.ok(g, `no guess for ${text.slice(0, 30)}`);
  return g;
}

describe('scripts', () => {
  it('finds the dominant script, weighing one CJK character like a short word', () => {
    assert.equal(dominantScript(ENGLISH), 'Latin');
    assert.equal(dominantScript(CHINESE), 'Han');
    assert.equal(dominantScript('我们用GPU和Nvidia的芯片训练Grok模型,大约需要两万张卡。'), 'Han');
    assert.equal(dominantScript('Мы обсуждаем паромы и туман.'), 'Cyrillic');
    assert.equal(dominantScript('フェリーは毎朝七時に出発します。'), 'Kana');
    assert.equal(dominantScript('12:00 -- 13:00 !!!'), null);
  });
});

describe('guessLanguage', () => {
  it('names CJK, Cyrillic and other scripts by script alone, and is sure of it', () => {
    assert.deepEqual([guess(CHINESE).lang, guess(CHINESE).sure], ['zh', true]);
    assert.equal(guess('안녕하세요, 오늘은 배에 대해 이야기합니다.').lang, 'ko');
    assert.equal(guess('Γεια σας, σήμερα μιλάμε για πλοία.').lang, 'el');
  });

  it('tells Latin-script languages apart on paragraphs of some length', () => {
    assert.deepEqual([guess(ENGLISH).lang, guess(ENGLISH).sure], ['en', true]);
    assert.deepEqual([guess(SPANISH).lang, guess(SPANISH).sure], ['es', true]);
  });

  it('is not sure of a short Latin-script line', () => {
    const g = guess('Yes, of course.');
    assert.equal(g.sure, false);
  });

  it('returns null for text without letters', () => {
    assert.equal(guessLanguage('1, 2, 3 ... 4!'), null);
  });
});

describe('isOtherLanguage', () => {
  const main = guess(ENGLISH + ' ' + ENGLISH);

  it('takes another script as another language', () => {
    assert.equal(isOtherLanguage(guess(CHINESE), main), true);
  });

  it('takes a long paragraph on which English scores clearly worse as another language', () => {
    assert.equal(isOtherLanguage(guess(SPANISH), main), true);
  });

  it('never takes a short Latin-script paragraph for a translation', () => {
    assert.equal(isOtherLanguage(guess('Gracias, muy bien.'), main), false);
  });

  it('keeps English paragraphs, even rough speech-to-text, in the main language', () => {
    const rough = 'So its like. Yeah the the hardware thing. And then you know we we just kind of. Go with it right and then the GPUs come online and its fine I guess.';
    assert.equal(isOtherLanguage(guess(rough), main), false);
  });
});

describe('mainLanguage', () => {
  it('is the language most paragraphs are in', () => {
    const items = [ENGLISH, CHINESE, ENGLISH, ENGLISH, CHINESE].map((text) => ({ text, guess: guessLanguage(text) }));
    assert.equal(mainLanguage(items)?.lang, 'en');
  });

  it('breaks a tie by the amount of text', () => {
    const items = [CHINESE, ENGLISH].map((text) => ({ text, guess: guessLanguage(text) }));
    assert.equal(mainLanguage(items)?.lang, 'en');
  });
});

describe('splitAtScriptChange', () => {
  it('splits an original and its translation written on one line', () => {
    assert.deepEqual(splitAtScriptChange(`${ENGLISH} ${CHINESE}`), [ENGLISH, CHINESE]);
  });

  it('splits a translation that comes first', () => {
    assert.deepEqual(splitAtScriptChange(`${CHINESE} ${ENGLISH}`), [CHINESE, ENGLISH]);
  });

  it('keeps Latin product names inside the translation', () => {
    const zh = '我们现在大约有20,000个H100,而且Grok的训练效率非常高。所以目前就是在进行训练。';
    const en = 'We have about 20,000 H100s now and the Grok training is very efficient. So that is training right now.';
    assert.deepEqual(splitAtScriptChange(`${en} ${zh}`), [en, zh]);
  });

  it('leaves a sentence with a quoted foreign word whole', () => {
    const line = 'The sign on the door said 欢迎 in big red letters, which I later learned means welcome, and we went inside.';
    assert.deepEqual(splitAtScriptChange(line), [line]);
  });

  it('leaves one-script text whole', () => {
    assert.deepEqual(splitAtScriptChange(ENGLISH), [ENGLISH]);
    assert.deepEqual(splitAtScriptChange(CHINESE), [CHINESE]);
  });
});
