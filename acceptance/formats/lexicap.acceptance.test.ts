// The Lexicap reader over the real corpus (../shared/corpus/lexicap, 319 Whisper transcripts, ~61 MB): every file
// reads without error into time-ordered turns. The reading rate is printed, not asserted: timings fail on a busy
// machine without any change in the code (`npm run bench:ingest` measures speed).
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { lexicapReader } from '../../src/formats/lexicap.js';
import { detectReader } from '../../src/formats/detect.js';
import type { EpisodeFragment } from '../../src/model/episode.js';
import { assertFragmentInvariants } from '../../test/helpers/fragment.js';
import { CORPUS, SKIP } from '../shared.js';

describe('lexicap reader over the corpus', { skip: SKIP }, () => {
  let files: { name: string; text: string; bytes: number }[] = [];
  const fragments = new Map<string, EpisodeFragment>();

  before(() => {
    files = readdirSync(CORPUS)
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => {
        const buffer = readFileSync(join(CORPUS, name));
        return { name, text: buffer.toString('utf8'), bytes: buffer.length };
      });
  });

  it('reads all 319 files without error', () => {
    assert.equal(files.length, 319);
    const bytes = files.reduce((sum, f) => sum + f.bytes, 0);
    const started = performance.now();
    for (const file of files) fragments.set(file.name, lexicapReader.read(file.text, file.name));
    const seconds = (performance.now() - started) / 1000;
    const rate = bytes / 1e6 / seconds;
    const turns = [...fragments.values()].reduce((sum, f) => sum + f.transcript!.turns.length, 0);
    console.log(`lexicap: ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB, ${turns} turns in ${seconds.toFixed(2)} s = ${rate.toFixed(1)} MB/s`);
  });

  it('detects every file as lexicap', () => {
    for (const file of files) assert.equal(detectReader(file.text, file.name).id, 'lexicap', file.name);
  });

  it('gives sound fragments: ordered times, no empty turns, episode facts from the title and id', () => {
    for (const file of files) {
      const fragment = fragments.get(file.name) ?? lexicapReader.read(file.text, file.name);
      assertFragmentInvariants(fragment, file.name);
      const { meta } = fragment;
      assert.equal(meta.youtubeId, file.name.replace(/\.json$/, ''), file.name);
      assert.deepEqual(meta.sourceUrls, [`https://youtube.com/watch?v=${meta.youtubeId}`]);
      assert.equal(meta.language, 'en');
      assert.ok(meta.number !== undefined && meta.number >= 1 && meta.number <= 325, `${file.name}: number ${meta.number}`);
      assert.ok(meta.show && /lex fridman/i.test(meta.show), `${file.name}: show ${meta.show}`);
      const turns = fragment.transcript!.turns;
      assert.ok(turns.length > 100, `${file.name}: only ${turns.length} turns`);
      assert.equal(meta.duration, Math.max(...turns.map((t) => t.end)));
      // Whisper's few backwards times are repaired, not the rule.
      const estimated = turns.filter((t) => t.timing === 'estimated').length;
      assert.ok(estimated <= 10, `${file.name}: ${estimated} estimated turns`);
    }
  });
});
