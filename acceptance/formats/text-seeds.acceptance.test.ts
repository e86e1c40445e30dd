// Real-data checks of the talk and raw-stt readers on seeds 001 (X Spaces talk with interleaved Chinese machine
// translations) and 003 (raw speech-to-text of Lex Fridman Podcast #215 in one 145 KB line); see shared/README.md.
// Skipped when the shared folder is absent.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { decodeBytes } from '../../src/formats/decode.js';
import { detectReader } from '../../src/formats/detect.js';
import { talkReader } from '../../src/formats/talk.js';
import { rawSttReader } from '../../src/formats/raw-stt.js';
import { countWords, plainText, WORDS_PER_SECOND } from '../../src/formats/text.js';
import { assertFragmentInvariants } from '../../test/helpers/fragment.js';

const SHARED = new URL('../../../shared/', import.meta.url).pathname;
const SEEDS = `${SHARED}seeds/`;
const HAN = /\p{Script=Han}/u;
const HAN_ALL = /\p{Script=Han}/gu;

function seed(prefix: string): { name: string; text: string } | null {
  if (!existsSync(SEEDS)) return null;
  const name = readdirSync(SEEDS).find((f) => f.startsWith(prefix));
  return name ? { name, text: decodeBytes(readFileSync(SEEDS + name)).text } : null;
}

/** A line is a Chinese paragraph when most of its letters are Han characters. */
function isChineseLine(line: string): boolean {
  const han = line.match(HAN_ALL)?.length ?? 0;
  const latin = line.match(/[A-Za-z]/g)?.length ?? 0;
  return han > 20 && han * 3 > latin;
}

const talk = seed('001_');
describe('seed 001: X Spaces talk with Chinese translations', { skip: talk ? false : 'seed 001 not found' }, () => {
  const { name, text } = talk!;
  const fragment = talkReader.read(text, name);
  const turns = fragment.transcript!.turns;
  const lines = text.split('\n');

  it('is detected as a talk transcript and reads to a sound fragment', () => {
    assert.equal(detectReader(text, name).id, 'talk');
    assertFragmentInvariants(fragment, name);
  });

  it('reads the title line into title, guest and description', () => {
    assert.equal(fragment.meta.title, 'Elon Musk: AI, Space, X, Mars, speed and hardcore');
    assert.deepEqual(fragment.meta.guests, ['Elon Musk']);
    assert.match(fragment.meta.description ?? '', /^This was a live recording on X Spaces/);
    assert.equal(fragment.meta.language, 'en');
  });

  it('has no Chinese characters in any turn text', () => {
    for (const turn of turns) assert.ok(!HAN.test(turn.text), `Han characters in: ${turn.text.slice(0, 60)}`);
  });

  it('attaches every Chinese paragraph as a zh translation of the English paragraph before it', () => {
    const chinese = lines.map((line, i) => ({ line: line.trim(), i })).filter(({ line }) => isChineseLine(line));
    assert.ok(chinese.length >= 4, `the seed has several Chinese paragraphs, found ${chinese.length}`);
    const translated = turns.filter((t) => t.translations?.length);
    assert.equal(translated.length, chinese.length);
    for (const { line, i } of chinese) {
      let before = i - 1;
      while (before >= 0 && !lines[before]!.trim()) before--;
      const original = plainText(lines[before]!);
      const turn = turns.find((t) => t.text === original);
      assert.ok(turn, `the English paragraph before line ${i + 1} is a turn`);
      assert.deepEqual(turn.translations, [{ lang: 'zh', text: plainText(line) }], `translation of line ${before + 1}`);
    }
  });

  it('keeps every English paragraph, in order, long ones regrouped, with estimated, increasing times', () => {
    const english = lines.slice(1).filter((l) => l.trim() && !isChineseLine(l));
    assert.ok(turns.length >= english.length);
    assert.equal(turns.map((t) => t.text).join(' '), english.map(plainText).join(' '));
    for (let i = 1; i < turns.length; i++) {
      assert.ok(turns[i]!.start > turns[i - 1]!.start);
      assert.equal(turns[i]!.timing, 'estimated');
      assert.equal(turns[i]!.speaker, null);
    }
  });
});

const stt = seed('003_');
describe('seed 003: raw speech-to-text in one line', { skip: stt ? false : 'seed 003 not found' }, () => {
  const { name, text } = stt!;
  const fragment = rawSttReader.read(text, name);
  const turns = fragment.transcript!.turns;

  it('is detected as raw speech-to-text and reads to a sound fragment', () => {
    assert.equal(detectReader(text, name).id, 'raw-stt');
    assertFragmentInvariants(fragment, name);
  });

  it('reads into paragraphs of readable size with speakers unknown', () => {
    assert.ok(turns.length > 150, `${turns.length} paragraphs`);
    const sizes = turns.map((t) => countWords(t.text));
    const readable = sizes.filter((n) => n >= 40 && n <= 150).length;
    assert.ok(readable >= sizes.length * 0.9, `${readable} of ${sizes.length} paragraphs hold 40-150 words`);
    assert.ok(Math.max(...sizes) <= 200);
    for (const turn of turns) assert.equal(turn.speaker, null);
  });

  it('keeps every word of the recognition, in order', () => {
    assert.equal(turns.map((t) => t.text).join(' '), plainText(text));
  });

  it('gives estimated, increasing times that end near the real length of the episode', () => {
    for (let i = 0; i < turns.length; i++) {
      assert.equal(turns[i]!.timing, 'estimated');
      if (i > 0) assert.ok(turns[i]!.start > turns[i - 1]!.start);
    }
    const words = countWords(text);
    assert.ok(Math.abs(turns[turns.length - 1]!.end - words / WORDS_PER_SECOND) < 1);
    // The same episode with real timestamps is in the Lexicap corpus: the estimate should land within 20 %.
    const timed = `${SHARED}corpus/lexicap/U5OD8MjYnOM.json`;
    if (existsSync(timed)) {
      const transcript = (JSON.parse(readFileSync(timed, 'utf8')) as { transcript: string }).transcript;
      const ends = [...transcript.matchAll(/--> (?:(\d+):)?(\d+):(\d+)\.(\d+)/g)];
      const last = ends[ends.length - 1]!;
      const real = Number(last[1] ?? 0) * 3600 + Number(last[2]) * 60 + Number(last[3]);
      const estimated = turns[turns.length - 1]!.end;
      assert.ok(Math.abs(estimated - real) / real < 0.2, `estimated ${estimated} s, real ${real} s`);
    }
  });

  it('takes the guest from the spoken intro', () => {
    assert.deepEqual(fragment.meta.guests, ['Wojciech Zaremba']);
    assert.equal(fragment.meta.language, 'en');
  });

  it('separates the sponsor reads from each other', () => {
    const sponsorStarts = turns.filter((t) => /^This (?:show|episode) is (?:also )?brought to you by/.test(t.text));
    assert.ok(sponsorStarts.length >= 4, `${sponsorStarts.length} paragraphs start a sponsor read`);
  });
});
