// Choosing a reader: who owns which shapes, and what the user hears when nobody claims a file.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { detectReader } from '../../src/formats/detect.js';
import { plainTextReader } from '../../src/formats/plain-text.js';
import { rawSttReader } from '../../src/formats/raw-stt.js';
import { talkReader } from '../../src/formats/talk.js';
import { InputError } from '../../src/model/errors.js';

function refusal(text: string): string {
  try {
    detectReader(text, 'file');
  } catch (error) {
    assert.ok(error instanceof InputError);
    return error.reason;
  }
  assert.fail('expected no reader to claim the text');
}

const PROSE = 'The mill stood empty for forty years, and nobody wanted to pay for the roof. '.repeat(30);

describe('detection of documents no reader claims', () => {
  it('text readers give 0 for JSON, whatever its keys', () => {
    for (const json of ['{"hello": "world"}', `{"text": "${PROSE}"}`, '[{"a": 1}]', '[1, 2, 3]', '{"title": "x", "body": "truncated', `"${PROSE}"`]) {
      for (const reader of [plainTextReader, talkReader, rawSttReader]) assert.equal(reader.detect(json, 'a.json'), 0, `${reader.id}: ${json.slice(0, 20)}`);
    }
  });

  it('says a JSON document is not in a known transcript shape', () => {
    assert.match(refusal('{"hello": "world"}'), /a JSON document, but not in a transcript shape podsift knows \(Whisper, Podcasting 2\.0, Lexicap\)/);
  });

  it('says the same for HTML and XML documents', () => {
    for (const markup of ['<html><body><div>Hello there</div></body></html>', '<?xml version="1.0"?><rss><item>x</item></rss>']) {
      assert.equal(plainTextReader.detect(markup, 'a.html'), 0);
      assert.match(refusal(markup), /an HTML or XML document, but not in a transcript shape podsift knows/);
    }
  });

  it('still reads text that merely starts with a bracket', () => {
    assert.equal(detectReader('[00:00:04] Ann: Hello.\n[00:00:09] Bo: Hi there.\n', 'a.txt').id, 'plain-text');
    assert.notEqual(plainTextReader.detect('[1] The first point.\nAnd more words here.\n', 'a.txt'), 0);
    assert.notEqual(plainTextReader.detect('"Hello," she said. "Goodbye."\nAnd then she left.\n', 'a.txt'), 0);
    assert.notEqual(plainTextReader.detect('3:30 in the morning is when the bakers start.\n', 'a.txt'), 0);
  });
});

describe('ownership of timed speaker lines', () => {
  const lines = ['[00:00:04] Ann Lee: One.', '[00:00:09] Bo Chen: Two.', '[00:00:15] Ann Lee: Three.', '[00:00:21] Bo Chen: Four.', '[00:00:30] Ann Lee: Five.'];

  it('gives bare timed or labelled lines to plain-text', () => {
    assert.equal(detectReader(lines.join('\n'), 'a.txt').id, 'plain-text');
    assert.equal(detectReader('Ann Lee  0:03\nHello there.\n\nBo Chen  0:09\nHi.\n\nAnn Lee  0:15\nBye.\n', 'a.txt').id, 'plain-text');
  });

  it('gives web pages (timestamp links, a clip header, headings) to transcript-page', () => {
    assert.equal(detectReader(`# Episode 3\n\n${lines.join('\n\n')}\n`, 'a.md').id, 'transcript-page');
    const linked = lines.map((l, i) => l.replace(/^\[(\S+)\]/, `[$1](https://youtube.com/watch?v=abcdefghijk&t=${i})`));
    assert.equal(detectReader(linked.join('\n'), 'a.md').id, 'transcript-page');
    assert.equal(detectReader(`Title: Episode 3\nURL Source: https://example.com/3\n\nMarkdown Content:\n${lines.join('\n')}`, 'a.md').id, 'transcript-page');
  });
});
