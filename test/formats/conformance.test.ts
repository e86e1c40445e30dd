// One suite for every registered reader: what all readers must share.
// Fixtures live in test/fixtures/<reader id>/: every file there (except *.expected.json and bad/) must be detected
// as that reader and read to a fragment that holds the invariants below; a sibling <name>.expected.json, when
// present, is a subset the fragment must contain. Files in test/fixtures/<reader id>/bad/ must fail with an
// InputError when read with that reader.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readers } from '../../src/formats/registry.js';
import { detectReader } from '../../src/formats/detect.js';
import { decodeBytes } from '../../src/formats/decode.js';
import { InputError } from '../../src/model/errors.js';
import type { EpisodeFragment } from '../../src/model/episode.js';
import { assertFragmentInvariants, assertSubset } from '../helpers/fragment.js';

const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;

function fixturesOf(readerId: string): string[] {
  const dir = join(FIXTURES, readerId);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.endsWith('.expected.json') && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();
}

function readFixture(path: string): string {
  return decodeBytes(readFileSync(path)).text;
}

/** Reading must either succeed with a sound fragment or fail with an InputError; nothing else may escape. */
function readOrInputError(read: () => EpisodeFragment, what: string): void {
  let fragment: EpisodeFragment;
  try {
    fragment = read();
  } catch (error) {
    assert.ok(error instanceof InputError, `${what}: threw ${String(error)} instead of an InputError`);
    assert.ok(error.reason.length > 0, `${what}: InputError without a reason`);
    return;
  }
  assertFragmentInvariants(fragment, what);
}

const HOSTILE: [string, string][] = [
  ['empty', ''],
  ['whitespace', '   \n\n\t  \n'],
  ['one word', 'hello'],
  ['script tags', '<script>alert(1)</script><img src=x onerror=alert(2)>'],
  ['wrong JSON', '{"segments": "nope", "version": 7, "transcript": 3}'],
  ['JSON array of junk', '[1, 2, {"start": "x"}]'],
  ['deep JSON', '['.repeat(5000) + ']'.repeat(5000)],
  ['fake VTT', 'WEBVTT\n\n99:99:99.999 --> 00:00:01.000\nbroken'],
  ['fake SRT', '1\n00:00:05,000 --> 00:00:01,000\n\n2\nno times here'],
  ['long line', 'word '.repeat(40_000)],
  ['controls', 'a\u0001b\u0002c\u0003\n'.repeat(20)],
  ['unclosed tags', '<a'.repeat(40_000)],
  ['unclosed comments', '<!--'.repeat(40_000)],
];

for (const reader of readers) {
  describe(`reader ${reader.id}`, () => {
    const dir = join(FIXTURES, reader.id);
    const files = fixturesOf(reader.id);

    it('has at least one fixture', () => {
      assert.ok(files.length > 0, `add fixtures under test/fixtures/${reader.id}/`);
    });

    for (const name of files) {
      const path = join(dir, name);
      describe(name, () => {
        it(`is detected as ${reader.id}`, () => {
          assert.equal(detectReader(readFixture(path), name).id, reader.id);
        });

        it('reads to a sound fragment, the same every time', () => {
          const text = readFixture(path);
          const fragment = reader.read(text, name);
          assertFragmentInvariants(fragment, name);
          assert.deepEqual(reader.read(text, name), fragment, 'reading twice gives the same fragment');
          const expectedPath = path.replace(/\.[^.]+$/, '.expected.json');
          if (existsSync(expectedPath)) assertSubset(JSON.parse(readFileSync(expectedPath, 'utf8')), fragment, name);
        });

        it('reads truncated copies to a sound fragment or an InputError', () => {
          const text = readFixture(path);
          for (const share of [0.07, 0.31, 0.5, 0.77, 0.93]) {
            const cut = text.slice(0, Math.floor(text.length * share));
            readOrInputError(() => reader.read(cut, name), `${name} cut at ${Math.round(share * 100)}%`);
          }
        });
      });
    }

    const badDir = join(dir, 'bad');
    if (existsSync(badDir)) {
      for (const name of readdirSync(badDir).sort()) {
        it(`refuses bad/${name} with an InputError`, () => {
          const bytes = readFileSync(join(badDir, name));
          assert.throws(
            () => reader.read(decodeBytes(bytes).text, name),
            (error: unknown) => error instanceof InputError && error.reason.length > 0,
          );
        });
      }
    }

    for (const [what, text] of HOSTILE) {
      it(`survives hostile input: ${what}`, () => {
        readOrInputError(() => reader.read(text, `hostile-${what}.txt`), what);
      });
    }
  });
}
